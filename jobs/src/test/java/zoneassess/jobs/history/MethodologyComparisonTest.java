package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.marts.ResearchMarts;

/**
 * Two assessment frames of six zones, worked by hand:
 *
 * <pre>
 * 2024   A: Z1 90 (1)  Z2 80 (2)  Z3 70 (3)          B: Z1 85 (1)  Z2 75 (2)  Z3 65 (3)
 * 2025   A: Z1 90 (1)  Z2 80 (2)  Z6 75 (3)  Z3 70 (4)  Z4 60 (5)  Z5 50 (vetoed, unranked)
 *        B: Z2 90 (1)  Z3 80 (2)  Z1 70 (3)  Z4 60 (4)  Z5 55 (5)  — Z6 not in B at all
 * 2025 shifts rank_a − rank_b: Z1 1 − 3 = −2, Z2 2 − 1 = +1, Z3 4 − 2 = +2, Z4 5 − 4 = +1
 * </pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MethodologyComparisonTest extends SparkTestBase {
  private static final double EPS = 1e-12;
  private static final String DDL =
      "zone_code STRING, zone_name STRING, city STRING, level STRING, period STRING, methodology_id STRING,"
          + " final_score DOUBLE, rank_all INT";
  private Dataset<Row> comparison;
  private Dataset<Row> a;
  private Dataset<Row> b;

  private Dataset<Row> frame(String method, Object[]... rows) {
    List<Row> data = new ArrayList<>();
    for (Object[] r : rows) {
      String code = (String) r[0];
      data.add(RowFactory.create(code, code + "区", "淮安", "national", r[1], method, r[2], r[3]));
    }
    return spark.createDataFrame(data, StructType.fromDDL(DDL));
  }

  @BeforeAll
  void compare() {
    a =
        frame(
            "method-a",
            new Object[] {"Z1", "2024", 90.0, 1},
            new Object[] {"Z2", "2024", 80.0, 2},
            new Object[] {"Z3", "2024", 70.0, 3},
            new Object[] {"Z1", "2025", 90.0, 1},
            new Object[] {"Z2", "2025", 80.0, 2},
            new Object[] {"Z6", "2025", 75.0, 3},
            new Object[] {"Z3", "2025", 70.0, 4},
            new Object[] {"Z4", "2025", 60.0, 5},
            new Object[] {"Z5", "2025", 50.0, null});
    b =
        frame(
            "method-b",
            new Object[] {"Z1", "2024", 85.0, 1},
            new Object[] {"Z2", "2024", 75.0, 2},
            new Object[] {"Z3", "2024", 65.0, 3},
            new Object[] {"Z2", "2025", 90.0, 1},
            new Object[] {"Z3", "2025", 80.0, 2},
            new Object[] {"Z1", "2025", 70.0, 3},
            new Object[] {"Z4", "2025", 60.0, 4},
            new Object[] {"Z5", "2025", 55.0, 5});
    comparison = MethodologyComparison.comparison(a, b).localCheckpoint();
  }

  @Test
  void comparisonHasTheContractColumnsSortedByPeriodThenRankB() {
    assertArrayEquals(
        ResearchMarts.METHOD_COMPARISON.columnNames().toArray(), comparison.columns());
    List<String> order = new ArrayList<>();
    for (Row r : comparison.collectAsList()) {
      order.add(r.getAs("period") + ":" + r.getAs("zone_code"));
    }
    // 2025 by rank_b: Z2 1, Z3 2, Z1 3, Z4 4, Z5 5, then Z6 (no rank under B) last
    assertEquals(
        List.of(
            "2024:Z1", "2024:Z2", "2024:Z3", "2025:Z2", "2025:Z3", "2025:Z1", "2025:Z4", "2025:Z5",
            "2025:Z6"),
        order);
  }

  private Row row(String period, String zone) {
    return comparison.where("period = '" + period + "' and zone_code = '" + zone + "'").first();
  }

  @Test
  void shiftIsPositiveWhenTheZoneMovesUpUnderB() {
    Row z1 = row("2025", "Z1");
    assertEquals(-2, (int) z1.getAs("rank_shift"));
    assertEquals(70.0 - 90.0, (double) z1.getAs("score_change"), EPS);
    assertEquals(2, (int) row("2025", "Z3").getAs("rank_shift"));
    assertEquals(0, (int) row("2024", "Z2").getAs("rank_shift"));
  }

  @Test
  void oneSidedZonesKeepTheirRowWithNulls() {
    Row z5 = row("2025", "Z5");
    assertNull(z5.getAs("rank_a"), "vetoed under A");
    assertEquals(50.0, (double) z5.getAs("score_a"), EPS);
    assertEquals(5, (int) z5.getAs("rank_b"));
    assertNull(z5.getAs("rank_shift"));
    assertEquals(5.0, (double) z5.getAs("score_change"), EPS);
    Row z6 = row("2025", "Z6");
    assertEquals("Z6区", z6.getAs("zone_name"));
    assertEquals(3, (int) z6.getAs("rank_a"));
    assertNull(z6.getAs("score_b"));
    assertNull(z6.getAs("rank_b"));
    assertNull(z6.getAs("score_change"));
  }

  @Test
  void correlationPerPeriodOverZonesRankedUnderBoth() {
    List<Row> rows = MethodologyComparison.correlation(comparison).collectAsList();
    assertEquals(2, rows.size());
    Row y2024 = rows.get(0);
    assertEquals("2024", y2024.getAs("period"));
    assertEquals(3, (int) y2024.getAs("zones"));
    assertEquals(1.0, (double) y2024.getAs("spearman"), EPS);
    assertEquals(1.0, (double) y2024.getAs("kendall_tau_b"), EPS);
    assertEquals(0, (int) y2024.getAs("zones_moved"));

    Row y2025 = rows.get(1);
    assertEquals("2025", y2025.getAs("period"));
    assertEquals(4, (int) y2025.getAs("zones"));
    // Z1..Z4 re-ranked among themselves: A 1, 2, 3, 4 (Z6 is not among them), B 3, 1, 2, 4
    // d = −2, 1, 1, 0 → Σd² = 6 → 1 − 6·6 / (4·15) = 0.4 (Pearson on the raw A ranks 1, 2, 4, 5
    // would give 0.424)
    assertEquals(0.4, (double) y2025.getAs("spearman"), EPS);
    // B in A's order: 3, 1, 2, 4 → discordant (3,1) (3,2); concordant the other 4 → (4 − 2) / 6
    assertEquals(2.0 / 6, (double) y2025.getAs("kendall_tau_b"), EPS);
    // |shifts| 2, 1, 2, 1
    assertEquals(1.5, (double) y2025.getAs("mean_abs_shift"), EPS);
    assertEquals(2, (int) y2025.getAs("max_abs_shift"));
    assertEquals(4, (int) y2025.getAs("zones_moved"));
    assertEquals(1, (int) y2025.getAs(MethodologyComparison.RANKED_A_ONLY), "Z6");
    assertEquals(1, (int) y2025.getAs(MethodologyComparison.RANKED_B_ONLY), "Z5");
    List<String> contract = ResearchMarts.METHOD_CORRELATION.columnNames();
    assertEquals(
        contract,
        List.of(MethodologyComparison.correlation(comparison).columns())
            .subList(0, contract.size()));
  }

  @Test
  void trajectoryListsEachMethodologyZoneAndPeriodInOrder() {
    Dataset<Row> t = MethodologyComparison.trajectory(a, b);
    assertArrayEquals(ResearchMarts.RANK_TRAJECTORY.columnNames().toArray(), t.columns());
    List<Row> rows = t.collectAsList();
    // A: 3 + 6 rows, B: 3 + 5 rows
    assertEquals(17, rows.size());
    List<String> firstFour = new ArrayList<>();
    for (Row r : rows.subList(0, 4)) {
      firstFour.add(
          r.getAs("methodology")
              + ":"
              + r.getAs("zone_code")
              + ":"
              + r.getAs("period")
              + ":"
              + r.getAs("rank"));
    }
    assertEquals(List.of("a:Z1:2024:1", "a:Z1:2025:1", "a:Z2:2024:2", "a:Z2:2025:2"), firstFour);
    Row last = rows.get(16);
    assertEquals("b", last.getAs("methodology"));
    assertEquals("method-b", last.getAs("methodology_id"));
    assertEquals("Z5", last.getAs("zone_code"));
  }

  @Test
  void topMoversByLargestShiftThenBetterRankUnderB() {
    List<String> movers = new ArrayList<>();
    for (Row r : MethodologyComparison.topMovers(comparison, "2025", 3).collectAsList()) {
      movers.add(r.getAs("zone_code"));
    }
    // |2|: Z3 (rank_b 2) before Z1 (rank_b 3); then |1|: Z2 (rank_b 1) before Z4 (rank_b 4)
    assertEquals(List.of("Z3", "Z1", "Z2"), movers);
  }
}
