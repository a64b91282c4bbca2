package zoneassess.jobs.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.round;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class RankComparisonTest extends SparkTestBase {

  private List<Double> keys(int digits, Double... values) {
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      rows.add(RowFactory.create(i, values[i]));
    }
    return spark
        .createDataFrame(rows, StructType.fromDDL("i int, v double"))
        .orderBy("i")
        .select(RankComparison.key(col("v"), digits).as("k"))
        .collectAsList()
        .stream()
        .map(r -> r.isNullAt(0) ? null : r.getDouble(0))
        .toList();
  }

  @Test
  void roundsToSignificantDigitsHalfUp() {
    List<Double> k =
        keys(12, 0.24 + 2.49 + 0.22, 2.95, 0.1 + 0.2, 123456.78901234, 1.00000000002, 0.0);
    // 2.9500000000000006 and 2.95 meet; 0.30000000000000004 → 0.3; 12 digits, not 12 decimals
    assertEquals(List.of(2.95, 2.95, 0.3, 123456.789012, 1.00000000002, 0.0), k);
    // 3 digits: 2.345 → 2.35 (half up), 12345 → 12300, 0.00012345 → 0.000123, −2.345 → −2.35
    assertEquals(
        List.of(2.35, 12300.0, 0.000123, -2.35), keys(3, 2.345, 12345.0, 0.00012345, -2.345));
  }

  @Test
  void significantDigitsBeforeDecimalsRoundAScoreTheSameWhicheverPathReachedIt() {
    // 88.94499999999998 is the double just below 88.945; at 12 significant digits both are
    // 88.9450000000, which rounds half up to 88.95 at 2 decimals. Rounded directly, the second
    // would give 88.94.
    double reached = 88.94499999999998;
    assertEquals(Math.nextDown(88.945), reached);
    List<Row> rows = List.of(RowFactory.create(0, 88.945), RowFactory.create(1, reached));
    List<Row> out =
        spark
            .createDataFrame(rows, StructType.fromDDL("i int, v double"))
            .orderBy("i")
            .select(
                round(RankComparison.key(col("v"), 12), 2).as("assessed"),
                round(col("v"), 2).as("direct"))
            .collectAsList();
    assertEquals(88.95, out.get(0).getDouble(0));
    assertEquals(88.95, out.get(1).getDouble(0));
    assertEquals(88.94, out.get(1).getDouble(1));
  }

  @Test
  void negativeZeroNullAndNonFinite() {
    List<Double> k = keys(12, -0.0, null, Double.NaN, Double.POSITIVE_INFINITY);
    assertEquals(Double.valueOf(0.0), k.get(0), "−0 compares as +0");
    assertNull(k.get(1));
    assertEquals(Double.NaN, k.get(2));
    assertEquals(Double.POSITIVE_INFINITY, k.get(3));
  }

  @Test
  void sparkExpressionAgreesWithTheReference() {
    Double[] values = {
      1e-300, -7.77e-5, 9.999999999995, 99999.9999999949, 0.7444999999999999, 5e15 + 3, 42.0
    };
    List<Double> expected =
        Arrays.stream(values)
            .map(v -> zoneassess.schema.ranking.RankPrecision.comparable(v, 12))
            .toList();
    assertEquals(expected, keys(12, values));
    // hand values for three of them: 9.999999999995 → 10.0000000000; 0.7444999999999999 → 0.7445
    assertEquals(10.0, expected.get(2));
    assertEquals(0.7445, expected.get(4));
    assertEquals(5e15, expected.get(5));
  }
}
