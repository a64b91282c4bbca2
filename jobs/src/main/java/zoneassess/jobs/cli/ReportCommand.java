package zoneassess.jobs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunRef;
import zoneassess.reports.PackRequest;
import zoneassess.reports.pack.PackRenderer;
import zoneassess.schema.layout.RunLayout;

/** {@code zoneassess report}: (re-)renders briefing packs of a finished run, without Spark. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Renders briefing packs (xlsx + PNG/SVG charts) from a finished run's marts.",
      "Does not start Spark: a past run's packs are re-rendered in seconds."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess report --run latest --out out --pack province",
      "  zoneassess report --run 20251120T080000Z --out out --pack city:淮安",
      "  zoneassess report --run latest --out out --pack province --pack zone:320801",
      "  zoneassess report --run latest --out out --pack city:淮安 --to /tmp/packs"
    })
public final class ReportCommand implements Callable<Integer> {
  @Option(
      names = "--run",
      required = true,
      description = "run id, or 'latest' (the id in <out>/LATEST)")
  String run;

  @Option(names = "--out", required = true, description = "output root holding runs/<id>")
  Path out;

  @Option(
      names = "--pack",
      required = true,
      split = ",",
      description =
          "province | routine | city:<name> | zone:<code> (repeatable or comma-separated)")
  List<String> packs;

  @Option(names = "--to", description = "folder for the packs (default: <out>/runs/<id>/packs)")
  Path to;

  @Override
  public Integer call() {
    List<PackRequest> requests;
    try {
      requests = packs.stream().map(PackRequest::parse).toList();
    } catch (IllegalArgumentException e) {
      System.err.println("report: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    String runId;
    try {
      runId = resolveRunId();
    } catch (RunRef.NotFound e) {
      System.err.println("report: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    RunLayout layout = RunLayout.published(out.toAbsolutePath().toString(), runId);
    Path runDir = Path.of(layout.runDir());
    if (!Files.isDirectory(runDir)) {
      System.err.println("report: no finished run " + runId + " at " + runDir);
      return ExitCodes.USAGE;
    }
    Path target = to != null ? to : Path.of(layout.packs());
    try {
      List<Path> files = PackRenderer.render(runDir.toString(), requests, target.toString());
      files.stream()
          .filter(f -> f.toString().endsWith(".xlsx"))
          .forEach(f -> System.out.println(f));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("report", e, System.err);
    }
  }

  private String resolveRunId() {
    return RunRef.id(new Publisher(new Configuration()), Publisher.toUri(out.toString()), run);
  }
}
