package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Four zones on a two-dimension tree: D1 (weight 0.5) over i1 and i2 (0.5 each), D2 (0.5) over i3.
 * A is best on every indicator, D worst on every one. B (0.8, 0.8, 0.2) and C (0.2, 0.2, 0.8) trade:
 * B − C = 0.6 × (i1 + i2 effective weight) − 0.6 × (i3 effective weight) = 0.6 × (wD1 − wD2), since
 * i1 and i2 share D1's weight. So B is ahead exactly when D1's perturbed weight beats D2's, which
 * symmetric perturbations make happen in about half the replications.
 */
class RankSensitivityTest extends SparkTestBase {
  private static Dataset<Row> values;
  private static Dataset<Row> tree;
  private static List<Row> ranks;

  @BeforeAll
  static void fixture() {
    values =
        spark.sql(
            "SELECT * FROM VALUES "
                + "('A','i1',1.0D),('A','i2',1.0D),('A','i3',1.0D),"
                + "('B','i1',0.8D),('B','i2',0.8D),('B','i3',0.2D),"
                + "('C','i1',0.2D),('C','i2',0.2D),('C','i3',0.8D),"
                + "('D','i1',0.0D),('D','i2',0.0D),('D','i3',0.0D) AS t(zone_code, node_code, value)");
    tree =
        spark.sql(
            "SELECT * FROM VALUES ('D1', CAST(NULL AS STRING), 0.5D), ('D2', NULL, 0.5D),"
                + " ('i1','D1',0.5D), ('i2','D1',0.5D), ('i3','D2',1.0D) AS t(node_code, parent_code, weight)");
    ranks = RankSensitivity.replicationRanks(values, tree, 42L, 1000, 0.2).orderBy("rep", "zone_code").collectAsList();
  }

  @Test
  void dominantZoneIsFirstAndDominatedZoneLastInEveryReplication() {
    assertEquals(4000, ranks.size());
    for (Row r : ranks) {
      String zone = r.getAs("zone_code");
      int rank = r.getAs("rank");
      switch (zone) {
        case "A" -> assertEquals(1, rank, r.toString());
        case "D" -> assertEquals(4, rank, r.toString());
        default -> assertTrue(rank == 2 || rank == 3, r.toString());
      }
    }
  }

  @Test
  void tradingZonesSplitSecondAndThirdPlace() {
    Map<Long, Integer> rankSum = new HashMap<>();
    int bSecond = 0;
    for (Row r : ranks) {
      String zone = r.getAs("zone_code");
      if (zone.equals("B") || zone.equals("C")) {
        rankSum.merge(r.getAs("rep"), (Integer) r.getAs("rank"), Integer::sum);
        if (zone.equals("B") && (int) r.getAs("rank") == 2) {
          bSecond++;
        }
      }
    }
    // B and C never tie (wD1 = wD2 exactly has probability 0): their ranks are 2 and 3.
    rankSum.values().forEach(s -> assertEquals(5, s));
    // About half of 1,000 fair draws; binomial sd ≈ 16, so ±100 is > 6 sd.
    assertTrue(bSecond > 400 && bSecond < 600, "B second in " + bSecond);

    Map<String, Row> intervals = new HashMap<>();
    RankSensitivity.rankIntervals(RankSensitivity.replicationRanks(values, tree, 42L, 1000, 0.2))
        .collectAsList()
        .forEach(r -> intervals.put(r.getAs("zone_code"), r));
    assertInterval(intervals.get("A"), 1, 1, 1);
    assertInterval(intervals.get("D"), 4, 4, 4);
    // Ranks 2 and 3 each occur in more than 5 % of replications, so the interval spans both.
    assertEquals(2.0, (double) intervals.get("B").getAs("p05_rank"));
    assertEquals(3.0, (double) intervals.get("B").getAs("p95_rank"));
    assertEquals(2.0, (double) intervals.get("C").getAs("p05_rank"));
    assertEquals(3.0, (double) intervals.get("C").getAs("p95_rank"));
  }

  @Test
  void sameSeedSameRanksWhateverThePartitioning() {
    List<Row> again =
        RankSensitivity.replicationRanks(values.repartition(3), tree.repartition(2), 42L, 1000, 0.2)
            .orderBy("rep", "zone_code")
            .collectAsList();
    assertEquals(ranks.size(), again.size());
    int differ = 0;
    for (int i = 0; i < ranks.size(); i++) {
      if (!ranks.get(i).getAs("rank").equals(again.get(i).getAs("rank"))
          || !ranks.get(i).getAs("score").equals(again.get(i).getAs("score"))) {
        differ++;
      }
    }
    assertEquals(0, differ);
    // A different seed draws different weights: some replication orders B and C the other way.
    List<Row> other =
        RankSensitivity.replicationRanks(values, tree, 7L, 1000, 0.2).orderBy("rep", "zone_code").collectAsList();
    int moved = 0;
    for (int i = 0; i < ranks.size(); i++) {
      if (!ranks.get(i).getAs("rank").equals(other.get(i).getAs("rank"))) {
        moved++;
      }
    }
    assertTrue(moved > 0);
  }

  @Test
  void leaveOneOutShiftsAreThoseReasonedByHand() {
    Map<String, Integer> shift = new HashMap<>();
    for (Row r : RankSensitivity.leaveOneOut(values, tree).collectAsList()) {
      shift.put(r.getAs("dropped_indicator") + "/" + r.getAs("zone_code"), r.getAs("rank_shift"));
    }
    // Nominal: A 1.0, B 0.8·0.25·2 + 0.2·0.5 = 0.5, C 0.2·0.25·2 + 0.8·0.5 = 0.5 (tie: both 2nd), D 4th.
    // Without i3 (D2 has no indicator left): B 0.4, C 0.1 → C falls to 3rd, B stays 2nd.
    assertEquals(0, shift.get("i3/B"));
    assertEquals(1, shift.get("i3/C"));
    // Without i1, i2 carries all of D1: B 0.4 + 0.1 = 0.5, C 0.1 + 0.4 = 0.5 — still tied, no shift.
    assertEquals(0, shift.get("i1/B"));
    assertEquals(0, shift.get("i1/C"));
    assertEquals(0, shift.get("i2/A"));
    assertEquals(0, shift.get("i3/D"));
    assertEquals(12, shift.size());
  }

  private static void assertInterval(Row r, double p05, double median, double p95) {
    assertEquals(p05, (double) r.getAs("p05_rank"));
    assertEquals(median, (double) r.getAs("median_rank"));
    assertEquals(p95, (double) r.getAs("p95_rank"));
  }
}
