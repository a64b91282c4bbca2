package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class MonteCarloDrawsTest extends SparkTestBase {
  private static final int DRAWS = 10_000;

  /** Mean of each share over DRAWS Dirichlet draws of a group with the given nominal weights. */
  private static double[] meanShares(WeightScheme scheme, double[] nominal) {
    double[] mean = new double[nominal.length];
    for (int rep = 0; rep < DRAWS; rep++) {
      RandomGenerator[] streams = new RandomGenerator[nominal.length];
      for (int i = 0; i < streams.length; i++) {
        streams[i] = MonteCarloDraws.stream(42L, rep, "n" + i);
      }
      double[] w = scheme.draw(nominal, streams);
      double total = 0;
      for (int i = 0; i < w.length; i++) {
        assertTrue(w[i] >= 0, "weight " + w[i]);
        total += w[i];
        mean[i] += w[i] / DRAWS;
      }
      assertEquals(1.0, total, 1e-12);
    }
    return mean;
  }

  @Test
  void dirichletSharesSumToOneAndAverageTheNominalShares() {
    // Nominal 5 : 3 : 2 → shares 0.5, 0.3, 0.2. Concentration 50 → α = 25, 15, 10, α₀ = 50.
    // Var(w₁) = α₁(α₀ − α₁)/(α₀²(α₀ + 1)) = 25·25/(2500·51) = 0.0049, sd 0.070; the mean of 10,000
    // draws has sd 0.0007, so 0.0035 is 5 sd (and the smaller shares have smaller variances).
    double[] mean = meanShares(new WeightScheme.Dirichlet(50), new double[] {5, 3, 2});
    assertEquals(0.5, mean[0], 0.0035);
    assertEquals(0.3, mean[1], 0.0035);
    assertEquals(0.2, mean[2], 0.0035);
  }

  @Test
  void dirichletWithShapesBelowOneStillAveragesTheNominalShares() {
    // Concentration 2 → α = 1, 0.6, 0.4 (the α < 1 branch of the Gamma sampler), α₀ = 2.
    // Var(w₁) = 1·1/(4·3) = 0.0833, sd 0.289; mean of 10,000 has sd 0.0029; tolerance 5 sd =
    // 0.0145.
    double[] mean = meanShares(new WeightScheme.Dirichlet(2), new double[] {0.5, 0.3, 0.2});
    assertEquals(0.5, mean[0], 0.0145);
    assertEquals(0.3, mean[1], 0.0145);
    assertEquals(0.2, mean[2], 0.0145);
  }

  @Test
  void dirichletSpreadMatchesItsVariance() {
    // Concentration 50, shares ½, ½: Var = 25·25/(2500·51) = 0.00490. The sample variance of 10,000
    // draws has a relative sd ≈ √(2/10,000) ≈ 1.4 % (about normal); 10 % is > 5 sd.
    double sum = 0;
    double sumSq = 0;
    for (int rep = 0; rep < DRAWS; rep++) {
      double w =
          new WeightScheme.Dirichlet(50)
              .draw(
                  new double[] {1, 1},
                  new RandomGenerator[] {
                    MonteCarloDraws.stream(1L, rep, "a"), MonteCarloDraws.stream(1L, rep, "b")
                  })[0];
      sum += w;
      sumSq += w * w;
    }
    double var = (sumSq - sum * sum / DRAWS) / (DRAWS - 1);
    assertEquals(0.0049, var, 0.00049);
  }

  @Test
  void uniformStaysWithinTheSpreadBeforeRenormalising() {
    // Nominal ½, ½ with spread 0.2: raw weights in [0.4, 0.6), so each share is in (0.4/1.0,
    // 0.6/1.0).
    for (int rep = 0; rep < 1000; rep++) {
      double[] w =
          new WeightScheme.Uniform(0.2)
              .draw(
                  new double[] {1, 1},
                  new RandomGenerator[] {
                    MonteCarloDraws.stream(1L, rep, "a"), MonteCarloDraws.stream(1L, rep, "b")
                  });
      assertTrue(w[0] > 0.4 && w[0] < 0.6, "share " + w[0]);
      assertEquals(1.0, w[0] + w[1], 1e-15);
    }
  }

  @Test
  void everySiblingGroupOfTheWeightTableSumsToOne() {
    Dataset<Row> tree =
        spark.sql(
            "SELECT * FROM VALUES ('D1', CAST(NULL AS STRING), 0.6D), ('D2', NULL, 0.4D),"
                + " ('i1','D1',2.0D), ('i2','D1',1.0D), ('i3','D2',1.0D) AS t(node_code, parent_code, weight)");
    Dataset<Row> w = MonteCarloDraws.weights(tree, 5L, 200, new WeightScheme.Dirichlet(10));
    assertEquals(1000, w.count());
    List<Row> sums = w.groupBy("rep", "parent_code").sum("weight").collectAsList();
    assertEquals(600, sums.size()); // 200 replications × 3 groups (root, D1, D2)
    sums.forEach(r -> assertEquals(1.0, r.getDouble(2), 1e-12, r.toString()));
    // D2's single child always gets all of D2.
    w.where("node_code = 'i3'")
        .collectAsList()
        .forEach(r -> assertEquals(1.0, (double) r.getAs("weight")));
  }

  @Test
  void aDrawDependsOnlyOnSeedReplicationAndNode() {
    Dataset<Row> tree =
        spark.sql(
            "SELECT * FROM VALUES ('a', CAST(NULL AS STRING), 1.0D), ('b', NULL, 1.0D) AS t(node_code, parent_code, weight)");
    WeightScheme d = new WeightScheme.Dirichlet(10);
    List<Row> ten =
        MonteCarloDraws.weights(tree, 9L, 10, d).orderBy("rep", "node_code").collectAsList();
    // The first 5 replications of a 5-replication run are those of the 10-replication run.
    assertEquals(
        ten.subList(0, 10),
        MonteCarloDraws.weights(tree, 9L, 5, d).orderBy("rep", "node_code").collectAsList());
    assertNotEquals(
        ten, MonteCarloDraws.weights(tree, 10L, 10, d).orderBy("rep", "node_code").collectAsList());
    List<Row> methods =
        MonteCarloDraws.methods(
                spark,
                9L,
                10,
                List.of(ScoreNormalisation.values()),
                List.of(ScoreAggregation.values()))
            .collectAsList();
    assertEquals(
        methods,
        MonteCarloDraws.methods(
                spark,
                9L,
                10,
                List.of(ScoreNormalisation.values()),
                List.of(ScoreAggregation.values()))
            .collectAsList());
  }
}
