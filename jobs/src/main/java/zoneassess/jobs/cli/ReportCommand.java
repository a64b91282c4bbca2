package zoneassess.jobs.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.report.PackOutput;
import zoneassess.jobs.run.RunRef;
import zoneassess.reports.PackRequest;
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

  @Option(
      names = "--out",
      required = true,
      description = "output root holding runs/<id>: a folder or a URI (hdfs://…, s3a://…)")
  String out;

  @Option(
      names = "--pack",
      required = true,
      split = ",",
      description =
          "province | routine | city:<name> | zone:<code> (repeatable or comma-separated)")
  List<String> packs;

  @Option(
      names = "--to",
      description = "folder or URI for the packs (default: <out>/runs/<id>/packs)")
  String to;

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
    Publisher lake = new Publisher(new Configuration());
    String root = Publisher.toUri(out);
    RunLayout layout = RunLayout.published(root, runId);
    String runDir = layout.runDir();
    if (!lake.exists(runDir)) {
      System.err.println("report: no finished run " + runId + " at " + runDir);
      return ExitCodes.USAGE;
    }
    String target = to != null ? Publisher.toUri(to) : layout.packs();
    try {
      List<String> files = PackOutput.render(runDir, requests, target, lake);
      files.stream().filter(f -> f.endsWith(".xlsx")).forEach(f -> System.out.println(shown(f)));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("report", e, System.err);
    }
  }

  /** A local file as a path (as before), any other as its URI. */
  private static String shown(String uri) {
    return uri.startsWith("file:") ? Path.of(URI.create(uri)).toString() : uri;
  }

  private String resolveRunId() {
    return RunRef.id(new Publisher(new Configuration()), Publisher.toUri(out), run);
  }
}
