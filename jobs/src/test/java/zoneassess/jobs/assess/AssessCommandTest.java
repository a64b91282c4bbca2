package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.AssessCommand;

/** The command's checks that run before Spark starts: they must name the file, line and problem. */
class AssessCommandTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new AssessCommand(new MeanMinMaxScoring(List.of("gdp"))));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void rulesTypoStopsWithFileLineAndProblem() throws Exception {
    Path rules = tmp.resolve("bad-rules.yaml");
    String text = RulesFixtures.SMALL.replace("caps: {deductions: 1.5}", "caps: {dedcutions: 1.5}");
    Files.writeString(rules, text, StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "--out",
            tmp.toString(),
            "--methodology",
            "classpath:x.yaml",
            "--rules",
            rules.toString());
    assertEquals(3, code);
    // "caps:" is line 10 of the fixture; the key starts at column 8
    assertTrue(
        err.toString()
            .contains(
                rules + ":10:8: unknown key 'dedcutions' in 'caps'; did you mean 'deductions'?"),
        err.toString());
  }

  @Test
  void methodologyWithoutRulesReferenceIsAValidationFailure() throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, "id: m\nname_zh: 测试\n", StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    assertEquals(3, run(err, "--out", tmp.toString(), "--methodology", m.toString()));
    assertTrue(
        err.toString().contains(m + ":1:1: the methodology names no rules file"), err.toString());
  }

  @Test
  void badPeriodIsAUsageError() {
    StringWriter err = new StringWriter();
    assertEquals(
        2, run(err, "--out", tmp.toString(), "--methodology", "m.yaml", "--period", "2025Q5"));
    assertTrue(
        err.toString().contains("--period '2025Q5' is not yyyy, yyyyQn, yyyy-MM or latest"),
        err.toString());
  }

  @Test
  void missingRunIsReported() {
    StringWriter err = new StringWriter();
    int code =
        run(
            err,
            "--out",
            tmp.toString(),
            "--methodology",
            "classpath:methodologies/jiangsu-2021.yaml",
            "--rules",
            "classpath:rules/jiangsu-2021-rules.yaml");
    assertEquals(2, code);
    assertTrue(err.toString().contains("no finished run under"), err.toString());
  }
}
