package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * One indicator with treated values 10, 20, 60 and a zone without a value. Mean 30; sample sd =
 * √(((−20)² + (−10)² + 30²)/2) = √700 = 26.4575.
 */
class ScoreVariantsTest extends SparkTestBase {
  private Map<String, double[]> variants(String direction) {
    Dataset<Row> indicators =
        spark.sql(
            "SELECT * FROM VALUES ('Z1','x',10.0D,5.0D,'"
                + direction
                + "'), ('Z2','x',20.0D,7.0D,'"
                + direction
                + "'),"
                + " ('Z3','x',60.0D,9.0D,'"
                + direction
                + "'), ('Z4','x',CAST(NULL AS DOUBLE),CAST(NULL AS DOUBLE),'"
                + direction
                + "')"
                + " AS t(zone_code, node_code, treated_value, normalised_value, direction)");
    Map<String, double[]> out = new HashMap<>();
    for (Row r :
        ScoreVariants.of(indicators, List.of("x"), List.of(ScoreNormalisation.values()))
            .collectAsList()) {
      out.put(
          r.getAs("normalisation") + "/" + r.getAs("zone_code"),
          new double[] {r.getAs("value"), r.getAs("geo_value")});
    }
    return out;
  }

  @Test
  void higherIsBetterVariantsScoreMissingAsTheWorstOnEveryNormalisation() {
    Map<String, double[]> v = variants("higher");
    // minmax: (x − 10)/50 × 100 → 0, 20, 100; missing = the worst = 0. Geometric: 1 + 99 × share →
    // 1, 20.8, 100, 1.
    check(v, "minmax", new double[] {0, 20, 100, 0}, new double[] {1, 20.8, 100, 1});
    // zscore: −20/√700 = −0.755929, −10/√700 = −0.377964, 30/√700 = 1.133893; missing = the lowest
    // z.
    // Rescaled to [1, 100] it is minmax again (a z-score is an affine image of the values).
    check(
        v,
        "zscore",
        new double[] {-0.7559289, -0.3779645, 1.1338934, -0.7559289},
        new double[] {1, 20.8, 100, 1});
    // rank: ranks from the worst 1, 2, 3 of n = 3 → (r − 1)/2 × 100 = 0, 50, 100; missing 0.
    check(v, "rank", new double[] {0, 50, 100, 0}, new double[] {1, 50.5, 100, 1});
    // methodology: the run's normalised values 5, 7, 9, missing 0; geometric: (v − 0)/9 → 1 + 99 ×
    // (5/9, 7/9, 1, 0).
    check(v, "methodology", new double[] {5, 7, 9, 0}, new double[] {56, 78, 100, 1});
  }

  @Test
  void lowerIsBetterTurnsTheScaleAround() {
    Map<String, double[]> v = variants("lower");
    // directed −10, −20, −60: minmax (d + 60)/50 × 100 → 100, 80, 0; missing 0 (the worst, like
    // 60).
    check(v, "minmax", new double[] {100, 80, 0, 0}, new double[] {100, 80.2, 1, 1});
    check(
        v,
        "zscore",
        new double[] {0.7559289, 0.3779645, -1.1338934, -1.1338934},
        new double[] {100, 80.2, 1, 1});
    check(v, "rank", new double[] {100, 50, 0, 0}, new double[] {100, 50.5, 1, 1});
  }

  @Test
  void aConstantIndicatorSeparatesNoOne() {
    Dataset<Row> indicators =
        spark.sql(
            "SELECT * FROM VALUES ('Z1','x',3.0D,50.0D,'higher'), ('Z2','x',3.0D,50.0D,'higher')"
                + " AS t(zone_code, node_code, treated_value, normalised_value, direction)");
    for (Row r :
        ScoreVariants.of(
                indicators,
                List.of("x"),
                List.of(
                    ScoreNormalisation.MINMAX, ScoreNormalisation.ZSCORE, ScoreNormalisation.RANK))
            .collectAsList()) {
      assertEquals(0.0, (double) r.getAs("value"), r.toString());
      assertEquals(1.0, (double) r.getAs("geo_value"), r.toString());
    }
  }

  private static void check(Map<String, double[]> v, String method, double[] values, double[] geo) {
    for (int i = 0; i < 4; i++) {
      double[] got = v.get(method + "/Z" + (i + 1));
      assertEquals(values[i], got[0], 1e-6, method + " Z" + (i + 1));
      assertEquals(geo[i], got[1], 1e-6, method + " geo Z" + (i + 1));
    }
  }
}
