package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Properties over random data. Each of 30 seeded trials is its own partition (the {@code trial}
 * column), so one engine run checks them all: min-max scores stay within their range and the ranks
 * are a permutation with ties (sorted, r₁ = 1 and r₍ᵢ₊₁₎ ∈ {rᵢ, i + 1}).
 */
class PropertyTest extends SparkTestBase {

  @Test
  void minmaxWithinRangeAndRanksArePermutationsWithTies() {
    String yaml =
        String.join(
            "\n",
            "id: properties",
            "aggregates: [{code: index}]",
            "indicators:",
            "  - {code: x, parent: index, normalisation: {method: minmax, low: -3, high: 7}}",
            "  - {code: y, parent: index, direction: lower, normalisation: {method: minmax, low: 0, high: 1}}",
            "ranking: {decimals: 1}",
            "");
    Random random = new Random(20240601L);
    List<Object[]> rows = new ArrayList<>();
    for (int trial = 0; trial < 30; trial++) {
      int n = 2 + random.nextInt(25);
      for (int i = 0; i < n; i++) {
        // few distinct values so that ties are common
        double x = random.nextInt(6) * 1.5 - 2;
        double y = random.nextGaussian() * 1000;
        rows.add(new Object[] {"u" + i, "t" + trial, x, y});
      }
    }
    var wide =
        EngineFixtures.table(
            spark, "id:string, trial:string, x:double, y:double", rows.toArray(Object[][]::new));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(yaml), new IndexOptions("id", List.of("trial")));

    for (Row row : r.normalised().collectAsList()) {
      Object x = row.getAs("x");
      if (x != null) {
        double v = (Double) x;
        assertTrue(v >= -3 - 1e-12 && v <= 7 + 1e-12, "x " + v);
      }
      double y = row.getAs("y");
      assertTrue(y >= -1e-12 && y <= 1 + 1e-12, "y " + y);
    }
    Map<String, List<Integer>> ranks = new HashMap<>();
    for (Row row : r.ranks().collectAsList()) {
      ranks
          .computeIfAbsent(row.getAs("trial"), k -> new ArrayList<>())
          .add(row.<Integer>getAs("rank_all"));
    }
    assertEquals(30, ranks.size());
    for (Map.Entry<String, List<Integer>> e : ranks.entrySet()) {
      List<Integer> sorted = new ArrayList<>(e.getValue());
      sorted.sort(null);
      assertEquals(1, sorted.get(0), e.getKey());
      for (int i = 0; i + 1 < sorted.size(); i++) {
        int next = sorted.get(i + 1);
        assertTrue(next == sorted.get(i) || next == i + 2, e.getKey() + " ranks " + sorted);
      }
    }
  }
}
