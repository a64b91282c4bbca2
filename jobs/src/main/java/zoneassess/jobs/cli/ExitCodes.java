package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import zoneassess.jobs.history.RerunRefused;
import zoneassess.jobs.ingest.IngestException;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.pipeline.RunLock;
import zoneassess.jobs.run.RunRef;
import zoneassess.reports.marts.MartFormatException;
import zoneassess.schema.yaml.SpecException;

/**
 * The one exit-code table of every {@code zoneassess} command (docs/operations.md), the mapping of
 * exceptions onto it, and the one way a command reports a failure.
 */
public final class ExitCodes implements CommandLine.IExitCodeExceptionMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ExitCodes.class);

  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;
  public static final int INVALID = 3;
  public static final int MISMATCH = 4;
  public static final int LOCKED = 5;

  /** Code → meaning, as every command's help prints it. */
  public static final Map<String, String> TABLE = table();

  private static Map<String, String> table() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put(" " + OK, "done (run: or an identical earlier run reused)");
    t.put(" " + FAILURE, "failure (a bug, an I/O error): see the message and the log");
    t.put(
        " " + USAGE,
        "usage error: an unknown option; a malformed period, run id, scale, date or share; a"
            + " missing input folder or data file; no such run");
    t.put(
        " " + INVALID,
        "invalid input or specification: a methodology, rules, scheme, catalogue, profile,"
            + " allocation-policy or scoreboard file that is missing or does not load; unusable input; too many rejected rows; a refused"
            + " rerun");
    t.put(" " + MISMATCH, "outputs differ (rerun: from the original run; diff-runs: A from B)");
    t.put(" " + LOCKED, "another run holds the lock ROOT/.lock");
    return java.util.Collections.unmodifiableMap(t);
  }

  @Override
  public int getExitCode(Throwable exception) {
    return of(exception);
  }

  /** The exit code for an exception that ends a command. */
  public static int of(Throwable e) {
    if (e instanceof UsageException
        || e instanceof RunRef.NotFound
        || e instanceof CommandLine.ParameterException) {
      return USAGE;
    }
    if (e instanceof RunLock.HeldException) {
      return LOCKED;
    }
    if (e instanceof SpecException
        || e instanceof IngestException
        || e instanceof PipelineRun.TooManyRejects
        || e instanceof RerunRefused
        || e instanceof MartFormatException
        || e instanceof IllegalArgumentException) {
      return INVALID;
    }
    if (e instanceof CommandLine.ExecutionException && e.getCause() != null) {
      return of(e.getCause());
    }
    return FAILURE;
  }

  /**
   * Prints {@code <command>: <what went wrong>} (with the stack trace for a failure) and returns
   * the exit code.
   */
  public static int report(String command, Throwable e, PrintWriter err) {
    int code = of(e);
    String prefix =
        e instanceof IngestException || e instanceof PipelineRun.TooManyRejects
            ? "validation failed: "
            : e instanceof RerunRefused ? "refused: " : "";
    Throwable io = ioCause(e);
    if (code == FAILURE && io != null) {
      // A full disk or a lost file system is not a bug: one line that says what could not be
      // written, without a stack trace (the run's log keeps the failure).
      String what = e.getMessage() != null && e != io ? e.getMessage() + ": " : "";
      err.println(command + ": failed: I/O error: " + what + io.getMessage());
    } else if (code == FAILURE) {
      LOG.error("{} failed", command, e);
      err.println(command + ": failed: " + e);
      e.printStackTrace(err);
    } else {
      err.println(command + ": " + prefix + e.getMessage());
    }
    err.flush();
    return code;
  }

  /** The first I/O error in the cause chain ({@link java.io.IOException} or Hadoop's FSError). */
  private static Throwable ioCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof java.io.IOException || t instanceof org.apache.hadoop.fs.FSError) {
        return t;
      }
    }
    return null;
  }

  /** {@link #report(String, Throwable, PrintWriter)} onto a stream. */
  public static int report(String command, Throwable e, PrintStream err) {
    StringWriter text = new StringWriter();
    int code = report(command, e, new PrintWriter(text));
    err.print(text);
    err.flush();
    return code;
  }

  /**
   * Installs the table on {@code root} and every subcommand: the exit-code mapper, a parameter
   * exception handler returning {@link #USAGE}, an execution exception handler that reports through
   * {@link #report}, and the table as the help's "Exit codes" section.
   */
  public static CommandLine install(CommandLine root) {
    root.setExitCodeExceptionMapper(new ExitCodes());
    root.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine cl = ex.getCommandLine();
          PrintWriter err = cl.getErr();
          err.println(cl.getCommandName() + ": " + ex.getMessage());
          if (!CommandLine.UnmatchedArgumentException.printSuggestions(ex, err)) {
            err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more.");
          }
          err.flush();
          return USAGE;
        });
    root.setExecutionExceptionHandler(
        (ex, cl, parseResult) -> report(cl.getCommandName(), ex, cl.getErr()));
    withTable(root);
    return root;
  }

  private static void withTable(CommandLine cl) {
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(TABLE);
    cl.getSubcommands().values().forEach(ExitCodes::withTable);
  }
}
