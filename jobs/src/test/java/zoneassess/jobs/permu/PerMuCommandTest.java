package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.PerMuCommand;

/** The command's argument checks; none of these cases starts Spark. */
class PerMuCommandTest {
  @TempDir Path tmp;

  private record Outcome(int code, String err) {}

  private Outcome run(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = new CommandLine(new PerMuCommand()).execute(args);
      return new Outcome(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void invalidSchemeIsExitThreeWithItsLocation() throws Exception {
    Path scheme = tmp.resolve("bad.yaml");
    Files.writeString(scheme, "id: bad\nformulaz: {}\n", StandardCharsets.UTF_8);
    Outcome o = run("--out", tmp.toString(), "--scheme", scheme.toString());
    assertEquals(3, o.code());
    assertTrue(o.err().contains("bad.yaml:2:1: unknown key 'formulaz'"), o.err());
  }

  @Test
  void badYearAndMissingRunAreUsageErrors() {
    Outcome year = run("--out", tmp.toString(), "--year", "24");
    assertEquals(2, year.code());
    assertTrue(
        year.err().contains("--year must be a four-digit year or 'latest', found '24'"),
        year.err());
    Outcome noRun = run("--out", tmp.toString(), "--run", "latest");
    assertEquals(2, noRun.code());
    assertTrue(noRun.err().contains("no finished run under"), noRun.err());
  }
}
