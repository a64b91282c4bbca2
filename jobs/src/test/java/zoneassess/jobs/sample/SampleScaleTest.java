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
  void largeScaleReachesFiveMillionEnterpriseYears() {
    // 3 % of firms (in expectation) start in 2023–2025 and miss 2–4 of the 5 years, 1/28 of the
    // rest start in 2022 and miss one: 1,150,000 × (5 − 0.03 × 4 − 1/28) ≈ 5.58 M ≥ 5 M.
    assertTrue(SampleScale.LARGE.enterprises() * (5 - 0.03 * 4 - 1.0 / 28) >= 5_000_000);
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
