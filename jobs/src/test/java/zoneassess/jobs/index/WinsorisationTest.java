package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.index.EngineFixtures.row;
import static zoneassess.jobs.index.EngineFixtures.value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Iterative winsorisation against hand-worked series and an independent reference implementation
 * (the textbook sample skewness and kurtosis formulas, not Spark's).
 */
class WinsorisationTest extends SparkTestBase {
  private static final double EPS = 1e-12;

  /** Excel SKEW: n / ((n−1)(n−2)) Σ ((x − mean) / s)³ with the sample standard deviation s. */
  static double skew(double[] x) {
    int n = x.length;
    double m = mean(x);
    double s = sd(x, m);
    double t = 0;
    for (double v : x) {
      t += Math.pow((v - m) / s, 3);
    }
    return n * t / ((n - 1.0) * (n - 2.0));
  }

  /** Excel KURT: n(n+1) / ((n−1)(n−2)(n−3)) Σ ((x − mean)/s)⁴ − 3(n−1)² / ((n−2)(n−3)). */
  static double kurt(double[] x) {
    int n = x.length;
    double m = mean(x);
    double s = sd(x, m);
    double t = 0;
    for (double v : x) {
      t += Math.pow((v - m) / s, 4);
    }
    return n * (n + 1.0) * t / ((n - 1.0) * (n - 2.0) * (n - 3.0))
        - 3 * (n - 1.0) * (n - 1.0) / ((n - 2.0) * (n - 3.0));
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double sd(double[] x, double m) {
    double s = 0;
    for (double v : x) {
      s += (v - m) * (v - m);
    }
    return Math.sqrt(s / (x.length - 1));
  }

  /** Reference: the documented procedure, written plainly. */
  static double[] reference(double[] in, int rounds, boolean logFallback) {
    double[] x = in.clone();
    for (int r = 0; r < rounds && fails(x); r++) {
      boolean high = skew(x) >= 0;
      double extreme = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (double v : x) {
        extreme = high ? Math.max(extreme, v) : Math.min(extreme, v);
      }
      double next = high ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      for (double v : x) {
        if (v != extreme) {
          next = high ? Math.max(next, v) : Math.min(next, v);
        }
      }
      for (int i = 0; i < x.length; i++) {
        if (x[i] == extreme) {
          x[i] = next;
        }
      }
    }
    if (logFallback && fails(x)) {
      double mn = Double.POSITIVE_INFINITY;
      double mx = Double.NEGATIVE_INFINITY;
      for (double v : in) {
        mn = Math.min(mn, v);
        mx = Math.max(mx, v);
      }
      for (int i = 0; i < x.length; i++) {
        x[i] = Math.log(in[i] - mn + 0.01 * (mx - mn));
      }
    }
    return x;
  }

  private static boolean fails(double[] x) {
    return Math.abs(skew(x)) >= 2 && kurt(x) >= 3.5;
  }

  private static final double[] OUTLIER_HIGH = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};
  private static final double[] OUTLIER_LOW = {-100, 1, 2, 3, 4, 5, 6, 7, 8, 9};
  private static final double[] TWO_OUTLIERS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 200};
  private static final double[] CLEAN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

  private IndexResult run(String outliers) {
    String yaml =
        String.join(
            "\n",
            "id: winsorisation-cases",
            "outliers: " + outliers,
            "aggregates: [{code: index}]",
            "indicators: [{code: hi, parent: index}, {code: lo, parent: index}, {code: two, parent: index}, {code: clean, parent: index}]",
            "");
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < TWO_OUTLIERS.length; i++) {
      rows.add(
          row(
              "u" + (100 + i),
              i < 10 ? OUTLIER_HIGH[i] : null,
              i < 10 ? OUTLIER_LOW[i] : null,
              TWO_OUTLIERS[i],
              i < 10 ? CLEAN[i] : null));
    }
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, hi:double, lo:double, two:double, clean:double",
            rows.toArray(Object[][]::new));
    return CompositeIndexEngine.run(
        wide, EngineFixtures.methodology(yaml), new IndexOptions("id", List.of()));
  }

  private static void assertSeries(double[] expected, Map<String, Row> treated, String code) {
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], value(treated, "u" + (100 + i), code), 1e-9, code + "[" + i + "]");
    }
  }

  @Test
  void winsorisesUntilTheThresholdsAreMet() {
    // hand check of the first series: 100 is far out, so it fails; after 100 → 9 it no longer does
    assertTrue(fails(OUTLIER_HIGH));
    double[] once = {1, 2, 3, 4, 5, 6, 7, 8, 9, 9};
    assertTrue(!fails(once));
    IndexResult r =
        run("{method: winsorise, skewness: 2, kurtosis: 3.5, max_rounds: 5, fallback: log}");
    Map<String, Row> t = EngineFixtures.byId(r.treated(), "id");
    assertSeries(once, t, "hi");
    assertSeries(new double[] {1, 1, 2, 3, 4, 5, 6, 7, 8, 9}, t, "lo");
    assertSeries(reference(TWO_OUTLIERS, 5, true), t, "two");
    assertSeries(CLEAN, t, "clean");
    List<String> flags =
        r.treatment().collectAsList().stream()
            .filter(x -> !x.getAs("indicator").equals("two"))
            .map(x -> x.getAs("id") + "." + x.getAs("indicator") + "." + x.getAs("treatment"))
            .toList();
    assertEquals(List.of("u100.lo.winsorised_low", "u109.hi.winsorised_high"), flags);
  }

  @Test
  void fallsBackToLogWhenRoundsRunOut() {
    // one round replaces 200 by 50 in TWO_OUTLIERS; the reference says whether that is enough
    IndexResult r = run("{method: winsorise, max_rounds: 1, fallback: log}");
    Map<String, Row> t = EngineFixtures.byId(r.treated(), "id");
    double[] expected = reference(TWO_OUTLIERS, 1, true);
    // 12 ones, 50, 50: still heavily skewed, so the log of the original values is used
    assertTrue(fails(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 50, 50}));
    assertEquals(Math.log(200 - 1 + 0.01 * 199), expected[13], EPS);
    assertSeries(expected, t, "two");
    assertEquals(14, r.treatment().filter("indicator = 'two' and treatment = 'log'").count());
  }
}
