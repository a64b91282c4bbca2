package zoneassess.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.RunComparison;
import zoneassess.jobs.spark.SparkSessions;

/** Compares two run folders dataset by dataset (content, not bytes). */
@Command(
    name = "diff-runs",
    mixinStandardHelpOptions = true,
    description = "Compare the staging, rejects and marts of two runs by content.",
    footer = {
      "",
      "Examples:",
      "  zoneassess diff-runs out/runs/20261128T010000Z-1a2b3c4d /tmp/cluster/runs/20261128T010500Z-1a2b3c4d"
    })
public final class DiffRunsCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "First run folder (path or URI).")
  String runA;

  @Parameters(index = "1", description = "Second run folder (path or URI).")
  String runB;

  @Option(names = "--master", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    try {
      Arguments.existing("RUN_A", runA);
      Arguments.existing("RUN_B", runB);
    } catch (UsageException e) {
      return ExitCodes.report("diff-runs", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess diff-runs");
    List<RunComparison.Difference> diffs =
        RunComparison.compare(spark, Publisher.toUri(runA), Publisher.toUri(runB));
    boolean same = true;
    System.out.printf(
        "%-40s %10s %10s %8s %8s  %s%n", "dataset", "rows A", "rows B", "only A", "only B", "");
    for (RunComparison.Difference d : diffs) {
      same &= d.same();
      System.out.printf(
          "%-40s %10d %10d %8d %8d  %s%n",
          d.dataset(),
          d.rowsA(),
          d.rowsB(),
          d.onlyInA(),
          d.onlyInB(),
          d.same() ? "identical" : d.problem() == null ? "DIFFERENT" : d.problem());
    }
    if (diffs.isEmpty()) {
      System.out.println("no datasets found in either run");
      return ExitCodes.MISMATCH;
    }
    System.out.println(same ? "All " + diffs.size() + " datasets identical." : "Runs differ.");
    return same ? ExitCodes.OK : ExitCodes.MISMATCH;
  }
}
