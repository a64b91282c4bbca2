package zoneassess.jobs.cli;

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

/** Usage errors of {@code zoneassess report}; rendering itself is tested in the reports module. */
class ReportCommandTest {
  @TempDir Path out;

  private int run(ByteArrayOutputStream err, String... args) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new ReportCommand()).execute(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void anUnknownPackIsAUsageError() {
    var err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "--run", "x", "--out", out.toString(), "--pack", "county:清河"));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "pack 'county:清河' is not one of province, routine, city:<name>, zone:<code>"));
  }

  @Test
  void latestWithoutAPointerSaysWhatIsMissing() {
    var err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "--run", "latest", "--out", out.toString(), "--pack", "province"));
    String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(
        text.contains("report: no finished run under ") && text.contains("LATEST is missing"),
        text);
  }

  @Test
  void latestResolvesThePointerAndAMissingRunFolderIsReported() throws Exception {
    Files.writeString(out.resolve("LATEST"), "20251120T080000Z\n");
    var err = new ByteArrayOutputStream();
    assertEquals(2, run(err, "--run", "latest", "--out", out.toString(), "--pack", "province"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no finished run 20251120T080000Z"));
  }

  @Test
  void aRunWithoutMartsFailsWithTheReason() throws Exception {
    Files.createDirectories(out.resolve("runs/r1"));
    var err = new ByteArrayOutputStream();
    assertEquals(1, run(err, "--run", "r1", "--out", out.toString(), "--pack", "province"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("has no assessment mart"));
  }
}
