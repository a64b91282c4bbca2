package zoneassess.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.reports.PackRenderer;
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
    } catch (IllegalArgumentException e) {
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
    if (!"latest".equalsIgnoreCase(run)) {
      return run;
    }
    Path pointer =
        Path.of(RunLayout.published(out.toAbsolutePath().toString(), "x").latestPointer());
    try {
      String id = Files.readString(pointer, StandardCharsets.UTF_8).trim();
      if (id.isEmpty()) {
        throw new IllegalArgumentException(pointer + " is empty");
      }
      return id;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--run latest: cannot read " + pointer + " (no finished run under " + out + ")");
    }
  }
}
