package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.rules.ProgressRule;

class RankProgressTest extends SparkTestBase {
  /**
   * Ranks over three years. A: 10 → 6 → 6; B: 3 → 5; C: new in 2025 (rank 2); D: ranked 2023,
   * absent 2024, back in 2025 (rank 1) — the previous period is 2024, so D is 新进入; E: ranked in
   * 2024, disappears in 2025; V: vetoed in 2025 (rank null); W: 1 → 1 (kept its place).
   */
  private Dataset<Row> history() {
    return df(
        spark,
        "zone_code STRING, period STRING, rank_all INT",
        row("A", "2024", 10),
        row("A", "2025", 6),
        row("A", "2023", 6),
        row("B", "2024", 3),
        row("B", "2025", 5),
        row("C", "2025", 2),
        row("D", "2023", 4),
        row("D", "2025", 1),
        row("E", "2024", 7),
        row("V", "2024", 8),
        row("V", "2025", null),
        row("W", "2024", 1),
        row("W", "2025", 1));
  }

  @Test
  void previousRankDeltaClassAndPoints() {
    ProgressRule rule = new ProgressRule(20, 5.0);
    Dataset<Row> d =
        RankProgress.previousRank(history(), "rank_all", "prev")
            .withColumn("delta", RankProgress.delta(col("prev"), col("rank_all")))
            .withColumn("class", RankProgress.progressClass(col("prev"), col("rank_all")))
            .withColumn("points", RankProgress.points(col("prev"), col("rank_all"), rule));
    Map<String, Row> r = Frames.byKey(d, "zone_code", "period");
    Row a = r.get("A|2025");
    assertEquals(10, (int) a.getAs("prev"));
    assertEquals(4, (int) a.getAs("delta")); // 10 − 6
    assertEquals(RankProgress.UP, a.getAs("class"));
    // (10 − 6) ÷ 10 × 20 = 8, capped at 5
    assertEquals(5.0, a.<Double>getAs("points"), 1e-9);
    Row b = r.get("B|2025");
    assertEquals(-2, (int) b.getAs("delta")); // 3 − 5
    assertEquals(RankProgress.DOWN, b.getAs("class"));
    assertEquals(0.0, b.<Double>getAs("points"), 1e-9);
    assertEquals(RankProgress.NEW, r.get("C|2025").getAs("class"));
    assertNull(r.get("C|2025").getAs("delta"));
    assertNull(r.get("D|2025").getAs("prev"), "2023 is not the previous period of 2025");
    assertEquals(RankProgress.NEW, r.get("D|2025").getAs("class"));
    assertNull(r.get("V|2025").getAs("class"), "a vetoed zone has no progress class");
    assertEquals(0.0, r.get("V|2025").<Double>getAs("points"), 1e-9);
    assertEquals(RankProgress.SAME, r.get("W|2025").getAs("class"));
    assertEquals(0, (int) r.get("W|2025").getAs("delta"));
    // E disappeared: no 2025 row is invented for it
    assertNull(r.get("E|2025"));
  }

  @Test
  void uncappedPointsFollowThePublicFormula() {
    Dataset<Row> d =
        RankProgress.previousRank(history(), "rank_all", "prev")
            .withColumn(
                "points",
                RankProgress.points(col("prev"), col("rank_all"), new ProgressRule(20, null)));
    // from rank 10 to 6: (10 − 6) ÷ 10 × 20 = 8
    assertEquals(
        8.0, Frames.byKey(d, "zone_code", "period").get("A|2025").<Double>getAs("points"), 1e-9);
  }
}
