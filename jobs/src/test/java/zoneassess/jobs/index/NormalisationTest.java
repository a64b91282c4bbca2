package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.index.EngineFixtures.row;
import static zoneassess.jobs.index.EngineFixtures.value;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Every normalisation method on one hand-computable series, x = 1, 2, 4, 9 (units a–d), and a
 * series with ties, y = 3, 1, 3, 2. Expected values are worked out in the comments.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NormalisationTest extends SparkTestBase {
  private static final double EPS = 1e-12;
  private Map<String, Row> n;

  private static final String METHOD =
      String.join(
          "\n",
          "id: normalisation-cases",
          "aggregates:",
          "  - code: index",
          "indicators:",
          "  - {code: mm, parent: index, column: x, normalisation: {method: minmax, low: -1, high: 1}}",
          "  - {code: mm_low, parent: index, column: x, direction: lower, normalisation: {method: minmax, low: 0, high: 100}}",
          "  - {code: gp, parent: index, column: x, normalisation: {method: goalposts, min: 0, max: 5}}",
          "  - {code: gp_nocap, parent: index, column: x, normalisation: {method: goalposts, min: 0, max: 5, cap: false}}",
          "  - {code: gp_low, parent: index, column: x, direction: lower, normalisation: {method: goalposts, min: 0, max: 5}}",
          "  - {code: z, parent: index, column: x, normalisation: {method: zscore, scale: 10, centre: 50}}",
          "  - {code: rk, parent: index, column: y, normalisation: rank}",
          "  - {code: pr, parent: index, column: x, normalisation: percentile_rank}",
          "  - {code: rp, parent: index, column: y, normalisation: {method: rank_points, first: 100, step: 5}}",
          "  - {code: dt, parent: index, column: x, normalisation: {method: distance_to_target, target: 5}}",
          "  - {code: bm, parent: index, column: x, normalisation: {method: benchmark, benchmark: 2, cap: 2, scale: 50}}",
          "  - {code: bm_low, parent: index, column: x, direction: lower, normalisation: {method: benchmark, benchmark: 2}}",
          "  - {code: lg, parent: index, column: x, transform: log, normalisation: none}",
          "  - {code: lg_gp, parent: index, column: x, transform: log, normalisation: {method: goalposts, min: 1, max: 7.38905609893065}}",
          "");

  @BeforeAll
  void run() {
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, x:double, y:double",
            row("a", 1.0, 3.0),
            row("b", 2.0, 1.0),
            row("c", 4.0, 3.0),
            row("d", 9.0, 2.0));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(METHOD), new IndexOptions("id", List.of()));
    n = EngineFixtures.byId(r.normalised(), "id");
  }

  private void expect(String code, double... values) {
    String[] ids = {"a", "b", "c", "d"};
    for (int i = 0; i < ids.length; i++) {
      assertEquals(values[i], value(n, ids[i], code), EPS, code + " of " + ids[i]);
    }
  }

  @Test
  void minmaxToAnyRange() {
    // (x − 1) / (9 − 1) × (1 − (−1)) + (−1)
    expect("mm", -1, -0.75, -0.25, 1);
    // lower is better: (9 − x) / 8 × 100
    expect("mm_low", 100, 87.5, 62.5, 0);
  }

  @Test
  void goalpostsWithAndWithoutCap() {
    // x / 5, capped at 1: 9 / 5 = 1.8 → 1
    expect("gp", 0.2, 0.4, 0.8, 1);
    expect("gp_nocap", 0.2, 0.4, 0.8, 1.8);
    // lower is better: (5 − x) / 5, capped at 0 from below
    expect("gp_low", 0.8, 0.6, 0.2, 0);
  }

  @Test
  void zscoreUsesTheSampleStandardDeviation() {
    // mean 4; sample variance ((−3)² + (−2)² + 0² + 5²) / 3 = 38/3
    double sd = Math.sqrt(38.0 / 3);
    expect("z", 50 + 10 * -3 / sd, 50 + 10 * -2 / sd, 50, 50 + 10 * 5 / sd);
  }

  @Test
  void rankAndRankPointsWithTies() {
    // y = 3, 1, 3, 2 ascending competition ranks (worst = 1): 1 → 1, 2 → 2, 3, 3 → 3, 3
    expect("rk", 3, 1, 3, 2);
    // best first: the two 3s share place 1, then 2 is 3rd, 1 is 4th → 100, 100, 100 − 2×5, 100 −
    // 3×5
    expect("rp", 100, 85, 100, 90);
  }

  @Test
  void percentileRank() {
    // (rank − 1) / (n − 1) × 100 with ascending ranks 1..4
    expect("pr", 0, 100.0 / 3, 200.0 / 3, 100);
  }

  @Test
  void distanceToTargetCapped() {
    // (x − min) / (target − min) = (x − 1) / 4, capped at 1: 8/4 → 1
    expect("dt", 0, 0.25, 0.75, 1);
  }

  @Test
  void benchmarkRatioWithCap() {
    // x / 2 capped at 2, × 50 → 0.5, 1, 2, min(4.5, 2) = 2 → 25, 50, 100, 100
    expect("bm", 25, 50, 100, 100);
    // lower is better: 2 / x
    expect("bm_low", 2, 1, 0.5, 2.0 / 9);
  }

  @Test
  void logTransforms() {
    expect("lg", 0, Math.log(2), Math.log(4), Math.log(9));
    // goalposts 1 and e² are logged too: ln x / 2, capped at 1 (ln 9 / 2 = 1.0986)
    expect("lg_gp", 0, Math.log(2) / 2, Math.log(4) / 2, 1);
  }

  @Test
  void missingValuesStayMissing() {
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, x:double, y:double",
            row("a", 1.0, 1.0),
            row("b", null, 2.0),
            row("c", 3.0, 3.0));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(METHOD), new IndexOptions("id", List.of()));
    Map<String, Row> m = EngineFixtures.byId(r.normalised(), "id");
    assertNull(value(m, "b", "mm"));
    // min-max over the two present values: 1 → −1, 3 → 1
    assertEquals(1, value(m, "c", "mm"), EPS);
    assertEquals(100, value(m, "c", "pr"), EPS);
  }
}
