package zoneassess.jobs.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.RunComparison;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;

/** Compares two runs dataset by dataset (content, not bytes). */
@Command(
    name = "diff-runs",
    mixinStandardHelpOptions = true,
    description = {
      "Compare the staging, rejects and marts of two runs by content.",
      "Runs are named like in every other command: a run id under ROOT/runs, or 'latest'."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess diff-runs 20261128T010000Z-1a2b3c4d 20261128T010500Z-1a2b3c4d --out out",
      "  zoneassess diff-runs latest latest --out /tmp/cluster --out-b /tmp/local"
    })
public final class DiffRunsCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_A", description = "First run: id or 'latest'.")
  String runA;

  @Parameters(index = "1", paramLabel = "RUN_B", description = "Second run: id or 'latest'.")
  String runB;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Output root holding runs/ and LATEST (path or URI).")
  String out;

  @Option(
      names = "--out-b",
      paramLabel = "ROOT_B",
      description = "Output root of RUN_B when it lives elsewhere (default: ROOT).")
  String outB;

  @Option(names = "--master", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    String dirA;
    String dirB;
    try {
      Arguments.runId("RUN_A", runA, true);
      Arguments.runId("RUN_B", runB, true);
      Publisher files = new Publisher(new Configuration());
      dirA = RunRef.resolve(files, out, runA).runDir();
      dirB = RunRef.resolve(files, outB != null ? outB : out, runB).runDir();
    } catch (RuntimeException e) {
      return ExitCodes.report("diff-runs", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess diff-runs");
    List<RunComparison.Difference> diffs = RunComparison.compare(spark, dirA, dirB);
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
