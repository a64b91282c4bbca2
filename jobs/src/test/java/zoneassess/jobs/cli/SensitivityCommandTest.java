package zoneassess.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.history.ResearchParameterMerge;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Usage errors of {@code zoneassess sensitivity} and how it shares research_parameters with
 * compare.
 */
class SensitivityCommandTest extends SparkTestBase {
  @TempDir Path tmp;

  private static String usageError(String... args) {
    var err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertEquals(2, new CommandLine(new SensitivityCommand()).execute(args));
    } finally {
      System.setErr(old);
    }
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badOptionsAreUsageErrorsNamingTheValue() {
    assertTrue(
        usageError("--weights", "normal")
            .contains("--weights 'normal' is not one of uniform, dirichlet"));
    assertTrue(
        usageError("--normalisations", "minmax,log")
            .contains("normalisation 'log' is not one of methodology, minmax, zscore, rank"));
    assertTrue(
        usageError("--aggregations", "harmonic")
            .contains("aggregation 'harmonic' is not one of arithmetic, geometric"));
    assertTrue(
        usageError("--spread", "1.5").contains("uniform weight spread must be in [0, 1), got 1.5"));
    assertTrue(
        usageError("--weights", "dirichlet", "--concentration", "0")
            .contains("Dirichlet concentration must be > 0, got 0.0"));
    assertTrue(usageError("--replications", "0").contains("replications must be ≥ 1, got 0"));
    assertTrue(
        usageError("--research", "../x").contains("--research '../x' must be a folder name"));
  }

  @Test
  void parametersReplaceOnlyThisCommandsKeysAndKeepCompares() {
    String dir = tmp.toUri().toString().replaceAll("/$", "");
    Publisher publisher = new Publisher(spark);
    // What compare wrote, plus a stale concentration from an earlier Dirichlet sensitivity run.
    publisher.writeParquet(
        spark.sql(
            "SELECT * FROM VALUES ('concentration','50'), ('focus_period','2024'), ('methodology_a','jiangsu-2021'),"
                + " ('run_id','r1') AS t(key, value)"),
        dir + "/research_parameters");

    ResearchParameterMerge.merge(
        spark,
        publisher,
        dir,
        SensitivityCommand.OWN_KEYS,
        Map.of("weight_scheme", "uniform±0.2", "spread", "0.2", "seed", "42"),
        Map.of("run_id", "r2", "focus_period", "2023"));

    List<Row> rows = spark.read().parquet(dir + "/research_parameters").collectAsList();
    // sorted by key; compare's run_id and focus_period kept; the stale concentration gone
    assertEquals(
        List.of(
            "focus_period=2024",
            "methodology_a=jiangsu-2021",
            "run_id=r1",
            "seed=42",
            "spread=0.2",
            "weight_scheme=uniform±0.2"),
        rows.stream().map(r -> r.getString(0) + "=" + r.getString(1)).toList());
    assertTrue(
        SensitivityCommand.OWN_KEYS.containsAll(
            Set.of("elapsed_seconds_monte_carlo", "normalisations", "aggregations")));
  }
}
