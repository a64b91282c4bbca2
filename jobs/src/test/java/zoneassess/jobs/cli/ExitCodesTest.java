package zoneassess.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.history.RerunRefused;
import zoneassess.jobs.ingest.IngestException;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.pipeline.RunLock;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.reports.marts.MartFormatException;
import zoneassess.schema.yaml.SpecException;

/**
 * The one exit-code table: every command's help prints it, exceptions map onto it, and typical
 * argument and specification errors come back with their code before any SparkSession is needed.
 * Every call here runs in-process through {@link Main#commandLine()}.
 */
class ExitCodesTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err, int sessionsRequested) {}

  /** Runs {@code zoneassess args…}, capturing picocli's error writer and System.err. */
  private static Outcome zoneassess(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    StringWriter picocliErr = new StringWriter();
    int before = SparkSessions.requested();
    try {
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      CommandLine cl = Main.commandLine();
      cl.setErr(new PrintWriter(picocliErr, true));
      for (CommandLine sub : cl.getSubcommands().values()) {
        sub.setErr(new PrintWriter(picocliErr, true));
      }
      int code = cl.execute(args);
      return new Outcome(
          code,
          picocliErr + stderr.toString(StandardCharsets.UTF_8),
          SparkSessions.requested() - before);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void everyCommandPrintsTheOneTableInItsHelp() {
    CommandLine main = Main.commandLine();
    List<CommandLine> all = new ArrayList<>(List.of(main));
    all.addAll(main.getSubcommands().values());
    assertEquals(20, all.size(), "zoneassess, its 18 commands and help");
    for (CommandLine cl : all) {
      String help = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
      assertEquals(1, help.split("Exit codes:", -1).length - 1, cl.getCommandName() + ":\n" + help);
      for (Map.Entry<String, String> row : ExitCodes.TABLE.entrySet()) {
        // picocli wraps long meanings: compare the first words of each
        String start = row.getValue().substring(0, 20);
        assertTrue(help.contains(row.getKey().strip() + "   " + start), cl.getCommandName() + help);
      }
      assertEquals(ExitCodes.class, cl.getExitCodeExceptionMapper().getClass());
    }
  }

  @Test
  void exceptionsMapOntoTheTable() throws Exception {
    ExitCodes mapper = new ExitCodes();
    assertEquals(2, mapper.getExitCode(new UsageException("--period 'x'")));
    assertEquals(3, mapper.getExitCode(new SpecException("m.yaml", 3, 1, "unknown key")));
    assertEquals(3, mapper.getExitCode(new IngestException("areas.csv: unreadable")));
    assertEquals(3, mapper.getExitCode(packagePrivate(PipelineRun.TooManyRejects.class, "6.8 %")));
    assertEquals(3, mapper.getExitCode(new RerunRefused("snapshot missing")));
    assertEquals(3, mapper.getExitCode(new MartFormatException("no column rank_all")));
    assertEquals(3, mapper.getExitCode(new IllegalArgumentException("no data for 2030")));
    assertEquals(5, mapper.getExitCode(packagePrivate(RunLock.HeldException.class, "held")));
    assertEquals(1, mapper.getExitCode(new IllegalStateException("bug")));
    assertEquals(1, mapper.getExitCode(new NullPointerException()));
    // wrapped by picocli: the cause decides
    CommandLine cl = Main.commandLine();
    assertEquals(
        5,
        mapper.getExitCode(
            new CommandLine.ExecutionException(
                cl, "wrapped", packagePrivate(RunLock.HeldException.class, "held"))));
  }

  @Test
  void aFailureReportsTheCommandTheMessageAndTheCode() {
    StringWriter out = new StringWriter();
    int code =
        ExitCodes.report(
            "run", new IngestException("areas.csv: missing column"), new PrintWriter(out));
    assertEquals(3, code);
    assertEquals("run: validation failed: areas.csv: missing column", out.toString().strip());
    out = new StringWriter();
    assertEquals(
        1, ExitCodes.report("costs", new IllegalStateException("x"), new PrintWriter(out)));
    assertTrue(
        out.toString().startsWith("costs: failed: java.lang.IllegalStateException: x"),
        out.toString());
  }

  @Test
  void aFullDiskIsOneLineWithoutAStackTrace() {
    // What Publisher throws when Hadoop's local file system hits ENOSPC (FSError wraps it).
    Exception full =
        new java.io.UncheckedIOException(
            "cannot publish file:/srv/out/runs/.inprogress/x/marts/assessment",
            new java.io.IOException("No space left on device"));
    StringWriter out = new StringWriter();
    assertEquals(1, ExitCodes.report("run", full, new PrintWriter(out)));
    assertEquals(
        "run: failed: I/O error: cannot publish"
            + " file:/srv/out/runs/.inprogress/x/marts/assessment: No space left on device",
        out.toString().strip());
  }

  @Test
  void runWithAMalformedPeriodIsAUsageErrorBeforeSpark() throws Exception {
    Outcome o =
        zoneassess("run", "--input", tmp.toString(), "--out", tmp.toString(), "--period", "x");
    assertEquals(2, o.code(), o.err());
    assertEquals("run: --period 'x' is not latest, yyyy, yyyyQn or yyyy-MM", o.err().strip());
    assertEquals(0, o.sessionsRequested(), "no Spark session was asked for");
    assertTrue(Files.notExists(tmp.resolve("runs")), "nothing written");
  }

  @Test
  void malformedArgumentsAreUsageErrors() {
    Outcome unknown = zoneassess("run", "--bogus");
    assertEquals(2, unknown.code());
    assertTrue(unknown.err().startsWith("run: Unknown option: '--bogus'"), unknown.err());
    Outcome missingInput =
        zoneassess("run", "--input", tmp.resolve("nope").toString(), "--out", tmp.toString());
    assertEquals(2, missingInput.code());
    assertEquals(
        "run: --input " + tmp.resolve("nope") + " does not exist", missingInput.err().strip());
    Outcome share =
        zoneassess(
            "run", "--input", tmp.toString(), "--out", tmp.toString(), "--max-reject-share", "5");
    assertEquals(2, share.code());
    assertEquals("run: --max-reject-share must lie between 0 and 1, not 5.0", share.err().strip());
    Outcome packs =
        zoneassess(
            "run", "--input", tmp.toString(), "--out", tmp.toString(), "--packs", "county:清河");
    assertEquals(2, packs.code());
    assertEquals(
        "run: --packs: pack 'county:清河' is not one of province, routine, city:<name>, zone:<code>",
        packs.err().strip());
    Outcome diff = zoneassess("diff-runs", "latest", "latest", "--out", tmp.toString());
    assertEquals(2, diff.code());
    assertTrue(diff.err().strip().startsWith("diff-runs: no finished run under "), diff.err());
    Outcome diffPath = zoneassess("diff-runs", "a/b", "latest", "--out", tmp.toString());
    assertEquals(2, diffPath.code());
    assertTrue(diffPath.err().startsWith("diff-runs: RUN_A 'a/b' is not a run id"), diffPath.err());
    Outcome scale = zoneassess("sample", "--scale", "huge", "--out", tmp.toString());
    assertEquals(2, scale.code(), scale.err());
    Outcome rerun = zoneassess("rerun", "../x", "--out", tmp.toString());
    assertEquals(2, rerun.code());
    Outcome vintages = zoneassess("vintages", "a/b", "c", "--out", tmp.toString());
    assertEquals(2, vintages.code());
    assertTrue(
        vintages.err().startsWith("vintages: RUN_BEFORE 'a/b' is not a run id"), vintages.err());
    Outcome year = zoneassess("allocate", "--out", tmp.toString(), "--year", "24");
    assertEquals(2, year.code(), year.err());
    assertEquals(
        "allocate: --year must be a four-digit year or 'latest', not '24'", year.err().strip());
    assertEquals(0, year.sessionsRequested(), "no Spark session was asked for");
    Outcome quota = zoneassess("allocate", "--out", tmp.toString(), "--land-quota", "-1");
    assertEquals(2, quota.code(), quota.err());
    Outcome noRun = zoneassess("allocate", "--out", tmp.resolve("empty").toString());
    assertEquals(2, noRun.code(), noRun.err());
    assertTrue(noRun.err().startsWith("allocate: no finished run under "), noRun.err());
    Outcome costs = zoneassess("costs", "--out", tmp.toString(), "--period", "2025Q5");
    assertEquals(2, costs.code(), costs.err());
    Outcome index =
        zoneassess(
            "index",
            "--methodology",
            "classpath:methodologies/conformance/hdi-2022.yaml",
            "--data",
            tmp.resolve("none.csv").toString());
    assertEquals(2, index.code());
    assertEquals(
        "index: --data " + tmp.resolve("none.csv") + " does not exist", index.err().strip());
  }

  @Test
  void aBrokenSpecificationFileIsExitThreeInEveryCommandThatTakesOne() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    // a YAML syntax error: the flow sequence is never closed
    Files.writeString(bad, "id: bad\nindicators: [x, y\n", StandardCharsets.UTF_8);
    String in = tmp.toString();
    String out = tmp.resolve("out").toString();
    String m = bad.toString();
    List<String[]> calls =
        List.of(
            new String[] {"run", "--input", in, "--out", out, "--methodology", m},
            new String[] {"run", "--input", in, "--out", out, "--rules", m},
            new String[] {"run", "--input", in, "--out", out, "--scheme", m},
            new String[] {"run", "--input", in, "--out", out, "--policy", m},
            new String[] {"run", "--input", in, "--out", out, "--scoreboard", m},
            new String[] {"assess", "--out", out, "--methodology", m},
            new String[] {
              "assess",
              "--out",
              out,
              "--methodology",
              "classpath:methodologies/jiangsu-2021.yaml",
              "--rules",
              m
            },
            new String[] {"per-mu", "--out", out, "--scheme", m},
            new String[] {"allocate", "--out", out, "--policy", m},
            new String[] {"costs", "--out", out, "--catalogue", m},
            new String[] {"costs", "--out", out, "--profiles", m},
            new String[] {"index", "--methodology", m, "--data", in},
            new String[] {"compare", "--out", out, "--methodology-b", m},
            new String[] {"sensitivity", "--out", out, "--methodology", m});
    for (String[] call : calls) {
      Outcome o = zoneassess(call);
      String what = String.join(" ", call) + " → " + o.err();
      assertEquals(3, o.code(), what);
      assertTrue(o.err().startsWith(call[0] + ": " + m + ":"), what);
      assertEquals(0, o.sessionsRequested(), what + ": a Spark session was asked for");
    }
  }

  private static RuntimeException packagePrivate(Class<? extends RuntimeException> type, String m)
      throws Exception {
    Constructor<? extends RuntimeException> c = type.getDeclaredConstructor(String.class);
    c.setAccessible(true);
    return c.newInstance(m);
  }
}
