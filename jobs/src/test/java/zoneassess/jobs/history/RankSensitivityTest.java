package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Four zones on a two-dimension tree: D1 (weight 0.5) over i1 and i2 (0.5 each), D2 (0.5) over i3,
 * which is lower-is-better. Directed, A is best on every indicator, D worst on every one. B (0.8,
 * 0.8 on D1; 3rd on i3) and C (0.2, 0.2; 2nd on i3) are mirror images: i3's directed column {A 0, B
 * −0.8, C −0.2, D −1} is i1's column {1, 0.2, 0.8, 0} shifted by −1 with B and C swapped, so every
 * normalisation (all are invariant to a shift) gives B on D1 what it gives C on D2 and vice versa.
 * Under arithmetic minmax, B − C = 0.6 × 100 × (wD1 − wD2): B is ahead exactly when D1's drawn
 * weight beats D2's.
 */
class RankSensitivityTest extends SparkTestBase {
  private static final List<ScoreNormalisation> ALL_NORMALISATIONS =
      List.of(ScoreNormalisation.values());
  private static final List<ScoreAggregation> ALL_AGGREGATIONS = List.of(ScoreAggregation.values());

  private static Dataset<Row> indicators;
  private static Dataset<Row> tree;
  private static Dataset<Row> names;
  private static List<Row> uniformRanks;

  @BeforeAll
  static void fixture() {
    indicators =
        spark.sql(
            "SELECT * FROM VALUES "
                + "('A','i1',1.0D,100.0D,'higher'),('A','i2',1.0D,100.0D,'higher'),('A','i3',0.0D,100.0D,'lower'),"
                + "('B','i1',0.8D, 80.0D,'higher'),('B','i2',0.8D, 80.0D,'higher'),('B','i3',0.8D, 20.0D,'lower'),"
                + "('C','i1',0.2D, 20.0D,'higher'),('C','i2',0.2D, 20.0D,'higher'),('C','i3',0.2D, 80.0D,'lower'),"
                + "('D','i1',0.0D,  0.0D,'higher'),('D','i2',0.0D,  0.0D,'higher'),('D','i3',1.0D,  0.0D,'lower')"
                + " AS t(zone_code, node_code, treated_value, normalised_value, direction)");
    tree =
        spark.sql(
            "SELECT * FROM VALUES ('D1', CAST(NULL AS STRING), 0.5D), ('D2', NULL, 0.5D),"
                + " ('i1','D1',0.5D), ('i2','D1',0.5D), ('i3','D2',1.0D) AS t(node_code, parent_code, weight)");
    names =
        spark.sql(
            "SELECT * FROM VALUES ('i1','外资'), ('i2','税收'), ('i3', CAST(NULL AS STRING)) AS t(node_code, name_zh)");
    uniformRanks = ranks(design(42L, 1000, new WeightScheme.Uniform(0.2)));
  }

  private static RankSensitivity.Design design(long seed, int n, WeightScheme w) {
    return new RankSensitivity.Design(
        seed, n, w, List.of(ScoreNormalisation.METHODOLOGY), List.of(ScoreAggregation.ARITHMETIC));
  }

  private static List<Row> ranks(RankSensitivity.Design d) {
    return RankSensitivity.replicationRanks(indicators, tree, d)
        .orderBy("rep", "zone_code")
        .collectAsList();
  }

  @Test
  void dominantZoneIsFirstAndDominatedZoneLastUnderEverySchemeNormalisationAndAggregation() {
    for (WeightScheme w :
        List.of(
            new WeightScheme.Uniform(0.5),
            new WeightScheme.Dirichlet(50),
            new WeightScheme.Dirichlet(2))) {
      List<Row> ranks =
          ranks(new RankSensitivity.Design(7L, 200, w, ALL_NORMALISATIONS, ALL_AGGREGATIONS));
      assertEquals(800, ranks.size());
      Set<String> methods = new HashSet<>();
      Map<Integer, Integer> middleSum = new HashMap<>();
      for (Row r : ranks) {
        methods.add(r.getAs("normalisation") + "/" + r.getAs("aggregation"));
        int rank = r.getAs("rank");
        switch ((String) r.getAs("zone_code")) {
          case "A" -> assertEquals(1, rank, w + " " + r);
          case "D" -> assertEquals(4, rank, w + " " + r);
          default -> middleSum.merge(r.getAs("rep"), rank, Integer::sum);
        }
      }
      // B and C take ranks 2 and 3 (a tie needs wD1 = wD2 exactly, probability 0).
      middleSum.values().forEach(s -> assertEquals(5, s, w.toString()));
      // 4 normalisations × 2 aggregations, each drawn with probability 1/8 in 200 replications.
      assertEquals(8, methods.size(), methods.toString());
    }
  }

  @Test
  void mirrorZonesTieInEveryReplicationWhenOnlyTheMethodsVary() {
    // Spread 0: the nominal equal weights in every replication; any normalisation and aggregation
    // scores B's (x, x, y) and C's (y, y, x) to the same ½·f(x) + ½·f(y) (or its geometric mean).
    List<Row> ranks =
        RankSensitivity.replicationRanks(
                indicators,
                tree,
                new RankSensitivity.Design(
                    3L, 100, new WeightScheme.Uniform(0.0), ALL_NORMALISATIONS, ALL_AGGREGATIONS))
            .collectAsList();
    for (Row r : ranks) {
      if (r.getAs("zone_code").equals("B") || r.getAs("zone_code").equals("C")) {
        assertEquals(2, (int) r.getAs("rank"), r.toString());
      }
    }
    Map<String, Row> intervals =
        intervals(
            RankSensitivity.replicationRanks(
                indicators,
                tree,
                new RankSensitivity.Design(
                    3L, 100, new WeightScheme.Uniform(0.0), ALL_NORMALISATIONS, ALL_AGGREGATIONS)));
    assertInterval(intervals.get("B"), 2, 2, 2);
    assertInterval(intervals.get("C"), 2, 2, 2);
  }

  @Test
  void mirrorZonesSplitSecondAndThirdPlaceWhenTheWeightsVary() {
    for (WeightScheme w : List.of(new WeightScheme.Uniform(0.2), new WeightScheme.Dirichlet(50))) {
      List<Row> ranks =
          w instanceof WeightScheme.Uniform ? uniformRanks : ranks(design(42L, 1000, w));
      long bSecond =
          ranks.stream()
              .filter(r -> r.getAs("zone_code").equals("B") && (int) r.getAs("rank") == 2)
              .count();
      // D1 and D2 are drawn alike, so B is second in about half of 1,000 replications;
      // binomial sd ≈ 16, so ±100 is > 6 sd.
      assertTrue(bSecond > 400 && bSecond < 600, w + ": B second in " + bSecond);
    }
    Map<String, Row> intervals =
        intervals(
            RankSensitivity.replicationRanks(
                indicators, tree, design(42L, 1000, new WeightScheme.Uniform(0.2))));
    assertInterval(intervals.get("A"), 1, 1, 1);
    assertInterval(intervals.get("D"), 4, 4, 4);
    // Ranks 2 and 3 each occur in more than 5 % of replications, so both intervals span [2, 3].
    for (String z : List.of("B", "C")) {
      assertEquals(2.0, (double) intervals.get(z).getAs("p05_rank"));
      assertEquals(3.0, (double) intervals.get(z).getAs("p95_rank"));
      assertEquals(2, (int) intervals.get(z).getAs("best_rank"));
      assertEquals(3, (int) intervals.get(z).getAs("worst_rank"));
      // nominal: B = 0.25·80 + 0.25·80 + 0.5·20 = 50 = C → tied 2nd
      assertEquals(2, (int) intervals.get(z).getAs("nominal_rank"));
    }
    assertEquals("甲", intervals.get("A").getAs("zone_name"));
    assertNull(intervals.get("D").getAs("zone_name"));
  }

  @Test
  void sameSeedSameRanksWhateverThePartitioningAndAnotherSeedOtherDraws() {
    RankSensitivity.Design d =
        new RankSensitivity.Design(
            42L, 300, new WeightScheme.Dirichlet(20), ALL_NORMALISATIONS, ALL_AGGREGATIONS);
    List<Row> once =
        RankSensitivity.replicationRanks(indicators, tree, d)
            .orderBy("rep", "zone_code")
            .collectAsList();
    List<Row> again =
        RankSensitivity.replicationRanks(indicators.repartition(3), tree.repartition(2), d)
            .orderBy("rep", "zone_code")
            .collectAsList();
    assertEquals(once, again);
    RankSensitivity.Design other =
        new RankSensitivity.Design(
            7L, 300, new WeightScheme.Dirichlet(20), ALL_NORMALISATIONS, ALL_AGGREGATIONS);
    assertNotEquals(
        MonteCarloDraws.weights(tree, 42L, 300, d.weights())
            .orderBy("rep", "node_code")
            .collectAsList(),
        MonteCarloDraws.weights(tree, 7L, 300, other.weights())
            .orderBy("rep", "node_code")
            .collectAsList());
    List<Row> moved =
        RankSensitivity.replicationRanks(indicators, tree, other)
            .orderBy("rep", "zone_code")
            .collectAsList();
    assertNotEquals(once, moved);
  }

  @Test
  void leaveOneOutShiftsAreThoseReasonedByHand() {
    Map<String, Integer> shift = new HashMap<>();
    Map<String, String> name = new HashMap<>();
    for (Row r : RankSensitivity.leaveOneOut(indicators, tree, names).collectAsList()) {
      shift.put(r.getAs("dropped_indicator") + "/" + r.getAs("zone_code"), r.getAs("rank_shift"));
      name.put(r.getAs("dropped_indicator"), r.getAs("dropped_indicator_name"));
    }
    // Nominal: A 100, B 80·0.25·2 + 20·0.5 = 50, C 20·0.25·2 + 80·0.5 = 50 (tie: both 2nd), D 4th.
    // Without i3 (D2 has no indicator left): B 40, C 10 → C falls to 3rd, B stays 2nd.
    assertEquals(0, shift.get("i3/B"));
    assertEquals(1, shift.get("i3/C"));
    // Without i1, i2 carries all of D1: B 40 + 10 = 50, C 10 + 40 = 50 — still tied, no shift.
    assertEquals(0, shift.get("i1/B"));
    assertEquals(0, shift.get("i1/C"));
    assertEquals(0, shift.get("i2/A"));
    assertEquals(0, shift.get("i3/D"));
    assertEquals(12, shift.size());
    assertEquals("外资", name.get("i1"));
    assertNull(name.get("i3"));
  }

  private static Map<String, Row> intervals(Dataset<Row> replicationRanks) {
    Dataset<Row> zoneNames =
        spark.sql(
            "SELECT * FROM VALUES ('A','甲'), ('B','乙'), ('C','丙') AS t(zone_code, zone_name)");
    Map<String, Row> out = new HashMap<>();
    RankSensitivity.rankIntervals(
            replicationRanks, RankSensitivity.nominalRanks(indicators, tree), zoneNames)
        .collectAsList()
        .forEach(r -> out.put(r.getAs("zone_code"), r));
    return out;
  }

  private static void assertInterval(Row r, double p05, double median, double p95) {
    assertEquals(p05, (double) r.getAs("p05_rank"), r.toString());
    assertEquals(median, (double) r.getAs("median_rank"), r.toString());
    assertEquals(p95, (double) r.getAs("p95_rank"), r.toString());
  }
}
