package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/** Spearman and Kendall tau-b on small orderings worked out by hand, several groups at once. */
class RankCorrelationTest extends SparkTestBase {
  private static final double EPS = 1e-12;

  /** Rows (group, key, x, y); x and y are Integer or null. */
  private Map<String, Row> correlate(Object[]... rows) {
    List<Row> data = new ArrayList<>();
    for (Object[] r : rows) {
      data.add(RowFactory.create(r));
    }
    Dataset<Row> df =
        spark.createDataFrame(data, StructType.fromDDL("g STRING, k STRING, x INT, y INT"));
    Map<String, Row> out = new TreeMap<>();
    for (Row r : RankCorrelation.byGroup(df, "g", "k", "x", "y").collectAsList()) {
      out.put(r.getString(0), r);
    }
    return out;
  }

  private static Object[][] group(String g, Integer[] x, Integer[] y) {
    Object[][] rows = new Object[x.length][];
    for (int i = 0; i < x.length; i++) {
      rows[i] = new Object[] {g, "z" + i, x[i], y[i]};
    }
    return rows;
  }

  private static Object[][] concat(Object[][]... groups) {
    List<Object[]> all = new ArrayList<>();
    for (Object[][] g : groups) {
      all.addAll(List.of(g));
    }
    return all.toArray(Object[][]::new);
  }

  @Test
  void twoSwapsAndAPerfectReversalInOneCall() {
    Map<String, Row> r =
        correlate(
            concat(
                group("swaps", new Integer[] {1, 2, 3, 4, 5}, new Integer[] {2, 1, 4, 3, 5}),
                group("reverse", new Integer[] {1, 2, 3, 4}, new Integer[] {4, 3, 2, 1})));
    Row swaps = r.get("swaps");
    assertEquals(5, swaps.getInt(1));
    // d = −1, 1, −1, 1, 0 → Σd² = 4; 1 − 6·4 / (5·24) = 1 − 24/120 = 0.8
    assertEquals(0.8, swaps.getDouble(2), EPS);
    // 10 pairs, discordant (1,2) and (3,4) only: (8 − 2) / 10 = 0.6
    assertEquals(0.6, swaps.getDouble(3), EPS);
    Row reverse = r.get("reverse");
    // every pair discordant: Σd² = 9 + 1 + 1 + 9 = 20, 1 − 6·20/(4·15) = −1; tau = −6/6
    assertEquals(-1.0, reverse.getDouble(2), EPS);
    assertEquals(-1.0, reverse.getDouble(3), EPS);
  }

  @Test
  void tiesUseAverageRanksAndTauB() {
    // competition ranks x = 1, 2, 2, 4 (z1 and z2 tied), y = 1, 2, 3, 4
    Map<String, Row> r =
        correlate(group("ties", new Integer[] {1, 2, 2, 4}, new Integer[] {1, 2, 3, 4}));
    Row t = r.get("ties");
    // average ranks x = 1, 2.5, 2.5, 4; y = 1, 2, 3, 4; both means 2.5
    // dx = −1.5, 0, 0, 1.5; dy = −1.5, −0.5, 0.5, 1.5
    // Σdxdy = 2.25 + 2.25 = 4.5; Σdx² = 4.5; Σdy² = 5 → rho = 4.5 / √(4.5·5) = √0.9
    assertEquals(Math.sqrt(0.9), t.getDouble(2), EPS);
    // n0 = 6 pairs: (z1,z2) (z1,z3) (z1,z4) (z2,z4) (z3,z4) concordant, (z2,z3) tied on x only
    // C = 5, D = 0, n1 = 1, n2 = 0 → tau-b = 5 / √((6 − 1)(6 − 0)) = 5 / √30
    assertEquals(5 / Math.sqrt(30), t.getDouble(3), EPS);
  }

  @Test
  void nullsAreLeftOutAndDegenerateGroupsHaveNoCorrelation() {
    Map<String, Row> r =
        correlate(
            concat(
                // z3 has no y: left out, leaving 1,2,4 vs 1,2,3 — the same order
                group("with-null", new Integer[] {1, 2, 3, 4}, new Integer[] {1, 2, null, 3}),
                group("single", new Integer[] {1}, new Integer[] {1}),
                group("all-tied", new Integer[] {1, 1, 1}, new Integer[] {1, 2, 3})));
    assertEquals(3, r.get("with-null").getInt(1));
    assertEquals(1.0, r.get("with-null").getDouble(2), EPS);
    assertEquals(1.0, r.get("with-null").getDouble(3), EPS);
    assertEquals(1, r.get("single").getInt(1));
    assertNull(r.get("single").get(2));
    assertNull(r.get("single").get(3));
    assertEquals(3, r.get("all-tied").getInt(1));
    assertNull(r.get("all-tied").get(2), "x has no variance");
    assertNull(r.get("all-tied").get(3), "every pair is tied on x");
  }
}
