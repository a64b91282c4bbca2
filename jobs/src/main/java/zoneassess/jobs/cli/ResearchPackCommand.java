package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.io.Publisher;
import zoneassess.reports.research.ResearchPackRenderer;

/**
 * {@code zoneassess research-pack}: renders the researcher pack (research.xlsx and its charts) from
 * the marts of a research folder. {@code compare} and {@code sensitivity --research} call it
 * themselves; this command re-renders, e.g. after both have written into the same folder.
 */
@Command(
    name = "research-pack",
    mixinStandardHelpOptions = true,
    description = {
      "Renders ROOT/research/NAME/research.xlsx (方法对比, 相关性, 排名轨迹, 排名区间, 剔除指标) and",
      "its charts (charts/research-*.png|svg) from whatever research marts the folder holds."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess research-pack jiangsu-vs-national --out out",
      "  zoneassess research-pack /data/lake/research/jiangsu-vs-national"
    })
public final class ResearchPackCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "NAME|DIR",
      description = "Research folder name under ROOT/research, or its path.")
  String folder;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Override
  public Integer call() {
    String uri =
        folder.contains("/")
            ? Publisher.toUri(folder)
            : zoneassess.schema.marts.ResearchMarts.folder(Publisher.toUri(out), folder);
    Path dir = localPath(uri);
    if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
      System.err.println("research-pack: no research folder " + uri);
      return ExitCodes.USAGE;
    }
    try {
      render(uri, System.out);
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("research-pack", e, System.err);
    }
  }

  /**
   * Renders the pack of a research folder and lists the files; a folder that is not on the local
   * file system (HDFS, S3) is left for {@code research-pack} on a machine that can read it.
   */
  static void render(String folderUri, PrintStream console) {
    Path dir = localPath(folderUri);
    if (dir == null) {
      console.println(
          "researcher pack not rendered: "
              + folderUri
              + " is not a local folder (render it with 'zoneassess research-pack')");
      return;
    }
    List<Path> files = ResearchPackRenderer.renderFolder(dir);
    console.println("researcher pack: " + files.get(0));
  }

  private static Path localPath(String uri) {
    URI u = URI.create(uri);
    return "file".equals(u.getScheme()) ? Path.of(u) : null;
  }
}
