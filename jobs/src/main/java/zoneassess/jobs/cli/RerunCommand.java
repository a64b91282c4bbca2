package zoneassess.jobs.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.history.Rerun;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.spark.SparkSessions;

/**
 * {@code zoneassess rerun RUN_ID}: re-executes a past run from its manifest and compares outputs.
 */
@Command(
    name = "rerun",
    mixinStandardHelpOptions = true,
    description = {
      "Re-executes a published run from its manifest: the input folder is rebuilt from the snapshot",
      "store by hash, the methodology, rules and scheme files must still have their recorded SHA-256,",
      "the stages the run ran execute again with the same parameters into a new run id (LATEST is",
      "left alone), and every output is compared with the original by content (rows of each",
      "dataset; whether the file bytes agree too is shown as a note). Workbooks under packs/ are",
      "excluded from the comparison (zip timestamps)."
    },
    footer = {
      "",
      "Exit 4 when some dataset's content differs; 3 when refused (an input snapshot or a",
      "configuration file is missing or changed, or the run is a derived run; the message names it).",
      "",
      "Examples:",
      "  zoneassess rerun 20250918T020000Z-1a2b3c4d --out /srv/zoneassess",
      "  zoneassess rerun $(cat out/LATEST) --out out"
    })
public final class RerunCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "RUN_ID",
      description = "The run to re-execute (a folder name under ROOT/runs).")
  String runId;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    if (runId.contains("/") || runId.startsWith(".")) {
      System.err.println(
          "rerun: RUN_ID is a run folder name like 20250918T020000Z-1a2b3c4d, not '" + runId + "'");
      return ExitCodes.USAGE;
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess rerun");
    try {
      Rerun.Outcome o =
          new Rerun(spark).execute(Publisher.toUri(out), runId, RunCommand::stagesFor, System.out);
      System.out.println();
      System.out.println("rerun of " + o.originalRunId() + " as " + o.rerunId() + ":");
      o.table().forEach(System.out::println);
      if (o.allMatch()) {
        System.out.println("every output matches");
        return 0;
      }
      System.out.println("SOME OUTPUTS DIFFER");
      return ExitCodes.MISMATCH;
    } catch (Exception e) {
      return ExitCodes.report("rerun", e, System.err);
    }
  }
}
