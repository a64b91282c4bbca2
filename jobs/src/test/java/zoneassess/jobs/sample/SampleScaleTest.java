package zoneassess.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import zoneassess.jobs.cli.SampleCommand;

/** Scale names and the command's usage errors (no Spark needed). */
class SampleScaleTest {
  @Test
  void scalesParseCaseInsensitively() {
    assertEquals(SampleScale.SMALL, SampleScale.parse("small"));
    assertEquals(SampleScale.PROVINCE, SampleScale.parse(" Province "));
    assertEquals(SampleScale.LARGE, SampleScale.parse("LARGE"));
  }

  @Test
  void unknownScaleIsRejectedWithTheValue() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SampleScale.parse("huge"));
    assertEquals(
        "unknown scale 'huge' (expected small, province, medium or large)", e.getMessage());
  }

  @Test
  void commandReturnsUsageErrorForUnknownScale() {
    PrintStream err = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(new SampleCommand()).execute("--scale", "huge", "--out", "unused");
      assertEquals(2, code);
    } finally {
      System.setErr(err);
    }
    assertTrue(
        buf.toString(StandardCharsets.UTF_8).contains("unknown scale 'huge'"),
        buf.toString(StandardCharsets.UTF_8));
  }
}
