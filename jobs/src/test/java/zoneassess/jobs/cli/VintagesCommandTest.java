package zoneassess.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;

/**
 * Two runs of period 2024 on two vintages: the March data and the April revision, in which 金湖's
 * (Z2) FDI was corrected from 40 to 90 and nothing else changed. The assessment is taken as the
 * mean of the two indicators scored min-max over the three zones:
 *
 * <pre>
 * March FDI {Z1 80, Z2 40, Z3 20} → 100, 33.3, 0;  tax {5, 6, 8} → 0, 33.3, 100
 *       means Z1 50, Z2 33.3, Z3 50 → ranks Z1 1, Z3 1 (tie), Z2 3
 * April FDI {Z1 80, Z2 90, Z3 20} → 60/70 = 85.7, 100, 0;  tax unchanged
 *       means Z1 42.9, Z2 66.7, Z3 50 → ranks Z2 1, Z3 2, Z1 3
 * </pre>
 *
 * So the one changed value is Z2's FDI (40 → 90: score +33.4, rank 3 → 1, shift +2); Z1 falls 1 → 3
 * (−2) and Z3 1 → 2 (−1) without any change of their own values.
 */
class VintagesCommandTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static String root;

  @BeforeAll
  static void twoRuns() {
    root = tmp.toUri().toString().replaceAll("/$", "");
    Publisher publisher = new Publisher(spark);
    String indicators = "AS t(period, zone_code, indicator_code, raw_value)";
    String assessment = "AS t(period, zone_code, zone_name, final_score, rank_all)";
    publisher.writeParquet(
        spark.sql(
            "SELECT * FROM VALUES ('2024','Z1','fdi',80.0D), ('2024','Z1','tax',5.0D),"
                + " ('2024','Z2','fdi',40.0D), ('2024','Z2','tax',6.0D), ('2024','Z3','fdi',20.0D), ('2024','Z3','tax',8.0D) "
                + indicators),
        RunLayout.published(root, "march").mart("assessment_indicators"));
    publisher.writeParquet(
        spark.sql(
            "SELECT * FROM VALUES ('2024','Z1','fdi',80.0D), ('2024','Z1','tax',5.0D),"
                + " ('2024','Z2','fdi',90.0D), ('2024','Z2','tax',6.0D), ('2024','Z3','fdi',20.0D), ('2024','Z3','tax',8.0D) "
                + indicators),
        RunLayout.published(root, "april").mart("assessment_indicators"));
    publisher.writeParquet(
        spark.sql(
            "SELECT * FROM VALUES ('2024','Z1','清河',50.0D,1), ('2024','Z2','金湖',33.3D,3),"
                + " ('2024','Z3','洪泽',50.0D,1) "
                + assessment),
        RunLayout.published(root, "march").mart("assessment"));
    publisher.writeParquet(
        spark.sql(
            "SELECT * FROM VALUES ('2024','Z1','清河',42.9D,3), ('2024','Z2','金湖',66.7D,1),"
                + " ('2024','Z3','洪泽',50.0D,2) "
                + assessment),
        RunLayout.published(root, "april").mart("assessment"));
  }

  private static int run(ByteArrayOutputStream out, ByteArrayOutputStream err, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new CommandLine(new VintagesCommand()).execute(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void theRevisedValueAndTheRankMovesItCausedAreReported() {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    assertEquals(
        0, run(out, err, "march", "april", "--out", root), err.toString(StandardCharsets.UTF_8));

    List<Row> rows =
        spark.read().parquet(root + "/research/march-vs-april/vintage_changes").collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals("Z2", r.getAs("zone_code"));
    assertEquals("金湖", r.getAs("zone_name"));
    assertEquals("fdi", r.getAs("indicator_code"));
    assertEquals(40.0, (double) r.getAs("value_before"));
    assertEquals(90.0, (double) r.getAs("value_after"));
    assertEquals(33.4, (double) r.getAs("score_change"), 1e-9); // 66.7 − 33.3
    assertEquals(3, (int) r.getAs("rank_before"));
    assertEquals(1, (int) r.getAs("rank_after"));
    assertEquals(2, (int) r.getAs("rank_shift"));

    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("1 changed values (march → april)"), printed);
    assertTrue(printed.matches("(?s).*\\nfdi +1\\n.*"), printed);
    assertTrue(printed.contains("3 zones moved in rank:"), printed);
    // biggest move first; Z1 and Z2 both moved two places (Z1 down, Z2 up) → zone-code order, then
    // Z3
    int z1 = printed.indexOf("Z1");
    int z2 = printed.indexOf("Z2 ");
    int z3 = printed.indexOf("Z3");
    assertTrue(z1 < z2 && z2 < z3, printed);
    assertTrue(printed.matches("(?s).*Z1 +清河 +1 +3 +-2\\n.*"), printed);
    assertTrue(printed.matches("(?s).*Z2 +金湖 +3 +1 +\\+2\\n.*"), printed);
    assertTrue(printed.matches("(?s).*Z3 +洪泽 +1 +2 +-1\\n.*"), printed);
  }

  @Test
  void aRunWithoutMartsIsAUsageErrorNamingIt() {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    assertEquals(2, run(out, err, "march", "may", "--out", root));
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains(
                "vintages: run may has no assessment_indicators mart at "
                    + root
                    + "/runs/may/marts/assessment_indicators"),
        err.toString(StandardCharsets.UTF_8));
  }
}
