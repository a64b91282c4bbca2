package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class VintageComparisonTest extends SparkTestBase {
  private Dataset<Row> indicators(String rows) {
    return spark.sql(
        "SELECT * FROM VALUES " + rows + " AS t(period, zone_code, indicator_code, raw_value)");
  }

  private Dataset<Row> assessment(String rows) {
    return spark.sql(
        "SELECT * FROM VALUES "
            + rows
            + " AS t(period, zone_code, zone_name, final_score, rank_all)");
  }

  @Test
  void revisedValueIsReportedWithItsEffectOnScoreAndRank() {
    // Vintage 1: Z2's FDI is 40; the April revision makes it 90, lifting Z2 from 2nd to 1st and
    // pushing Z1 from 1st to 2nd. Z1's own values did not change, so only Z2's FDI row is reported.
    Dataset<Row> before =
        indicators(
            "('2024','Z1','fdi',80.0D), ('2024','Z1','tax',5.0D), ('2024','Z2','fdi',40.0D), ('2024','Z2','tax',6.0D)");
    Dataset<Row> after =
        indicators(
            "('2024','Z1','fdi',80.0D), ('2024','Z1','tax',5.0D), ('2024','Z2','fdi',90.0D), ('2024','Z2','tax',6.0D)");
    Dataset<Row> scoresBefore = assessment("('2024','Z1','甲',70.0D,1), ('2024','Z2','乙',60.0D,2)");
    Dataset<Row> scoresAfter = assessment("('2024','Z1','甲',65.0D,2), ('2024','Z2','乙',75.0D,1)");

    List<Row> rows =
        VintageComparison.changes(before, after, scoresBefore, scoresAfter).collectAsList();

    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals("Z2", r.getAs("zone_code"));
    assertEquals("乙", r.getAs("zone_name"));
    assertEquals("fdi", r.getAs("indicator_code"));
    assertEquals(40.0, (double) r.getAs("value_before"));
    assertEquals(90.0, (double) r.getAs("value_after"));
    assertEquals(15.0, (double) r.getAs("score_change"), 1e-12); // 75 − 60
    assertEquals(1, (int) r.getAs("rank_shift")); // 2nd → 1st: one place up
  }

  @Test
  void valueThatAppearsInTheRevisionIsReported() {
    Dataset<Row> before = indicators("('2024','Z1','fdi',CAST(NULL AS DOUBLE))");
    Dataset<Row> after = indicators("('2024','Z1','fdi',10.0D)");
    Dataset<Row> s = assessment("('2024','Z1','甲',70.0D,1)");

    List<Row> rows = VintageComparison.changes(before, after, s, s).collectAsList();

    assertEquals(1, rows.size());
    assertTrue(rows.get(0).isNullAt(rows.get(0).fieldIndex("value_before")));
    assertEquals(0, (int) rows.get(0).getAs("rank_shift"));
  }
}
