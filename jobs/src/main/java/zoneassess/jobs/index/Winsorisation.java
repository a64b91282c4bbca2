package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.kurtosis;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.skewness;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Iterative winsorisation with a log fallback, per indicator and partition, on the long table
 * (which carries the settings columns of {@link IndicatorSettings}).
 *
 * <p>Skewness and kurtosis are the sample statistics of spreadsheets (SKEW, KURT; R's e1071 type
 * 2). Spark's aggregates are the population versions g1 and g2, converted as G1 =
 * g1·√(n(n−1))/(n−2) and G2 = ((n+1)·g2 + 6)·(n−1)/((n−2)(n−3)).
 *
 * <p>Each round is one pass of window functions over the data; the loop stops when no indicator
 * fails with rounds left, which is checked with a single count (no data is collected).
 */
final class Winsorisation {
  static final String ORIGINAL = "w_original";
  static final String ROUNDS = "w_rounds";
  static final String HIGH = "w_high";
  static final String LOW = "w_low";
  static final String LOGGED = "w_log";
  private static final int SAFETY_ROUNDS = 1000;

  private Winsorisation() {}

  /** Sample skewness (Excel SKEW) of the values in {@code w}. */
  static Column sampleSkewness(Column v, WindowSpec w) {
    Column n = count(v).over(w);
    return functions.try_divide(
        skewness(v).over(w).multiply(sqrt(n.multiply(n.minus(1)))), n.minus(2));
  }

  /** Sample excess kurtosis (Excel KURT) of the values in {@code w}. */
  static Column sampleKurtosis(Column v, WindowSpec w) {
    Column n = count(v).over(w);
    return functions.try_divide(
        n.plus(1).multiply(kurtosis(v).over(w)).plus(6).multiply(n.minus(1)),
        n.minus(2).multiply(n.minus(3)));
  }

  private static Column fails(Column skew, Column kurt) {
    Column ok =
        skew.isNotNull()
            .and(kurt.isNotNull())
            .and(functions.not(isnan(skew)))
            .and(functions.not(isnan(kurt)));
    return when(ok, abs(skew).geq(col("s_t_skew")).and(kurt.geq(col("s_t_kurt")))).otherwise(false);
  }

  /** The long table with the treatment columns of an untreated run (nothing winsorised). */
  static Dataset<Row> untreated(Dataset<Row> longTable) {
    return longTable
        .withColumn(ORIGINAL, col(LongTable.VALUE))
        .withColumn(ROUNDS, lit(0))
        .withColumn(HIGH, lit(false))
        .withColumn(LOW, lit(false))
        .withColumn(LOGGED, lit(false));
  }

  static Dataset<Row> apply(Dataset<Row> longTable, List<String> partitions) {
    List<String> by = new ArrayList<>(partitions);
    by.add(LongTable.NODE);
    WindowSpec w = Window.partitionBy(by.stream().map(functions::col).toArray(Column[]::new));
    Column v = col(LongTable.VALUE);
    Dataset<Row> d =
        longTable
            .withColumn(ORIGINAL, v)
            .withColumn(ROUNDS, lit(0))
            .withColumn(HIGH, lit(false))
            .withColumn(LOW, lit(false))
            .withColumn(
                "w_limit",
                when(col("s_max_rounds").gt(0), col("s_max_rounds"))
                    .otherwise(ceil(col("s_max_share").multiply(count(v).over(w))).cast("int")));
    for (int round = 0; round < SAFETY_ROUNDS; round++) {
      d =
          d.withColumn("w_skew", sampleSkewness(v, w))
              .withColumn("w_kurt", sampleKurtosis(v, w))
              .withColumn(
                  "w_go",
                  col("s_winsorise")
                      .and(fails(col("w_skew"), col("w_kurt")))
                      .and(col(ROUNDS).lt(col("w_limit"))))
              .localCheckpoint();
      if (d.filter(col("w_go")).limit(1).count() == 0) {
        break;
      }
      Column up = col("w_skew").geq(0);
      Column mx = max(v).over(w);
      Column nextHigh = max(when(v.lt(mx), v)).over(w);
      Column mn = min(v).over(w);
      Column nextLow = min(when(v.gt(mn), v)).over(w);
      d =
          d.withColumn("w_mx", mx)
              .withColumn("w_nh", nextHigh)
              .withColumn("w_mn", mn)
              .withColumn("w_nl", nextLow)
              .withColumn(HIGH, col(HIGH).or(col("w_go").and(up).and(v.equalTo(col("w_mx")))))
              .withColumn(
                  LOW, col(LOW).or(col("w_go").and(functions.not(up)).and(v.equalTo(col("w_mn")))))
              .withColumn(
                  LongTable.VALUE,
                  when(col("w_go").and(up).and(v.equalTo(col("w_mx"))), col("w_nh"))
                      .when(
                          col("w_go").and(functions.not(up)).and(v.equalTo(col("w_mn"))),
                          col("w_nl"))
                      .otherwise(v))
              .withColumn(ROUNDS, when(col("w_go"), col(ROUNDS).plus(1)).otherwise(col(ROUNDS)))
              .drop("w_mx", "w_nh", "w_mn", "w_nl");
    }
    // still failing after the rounds: log of the original values, shifted to stay positive
    Column o = col(ORIGINAL);
    Column omin = min(o).over(w);
    Column omax = max(o).over(w);
    d =
        d.withColumn(
                LOGGED,
                col("s_winsorise")
                    .and(col("s_log_fallback"))
                    .and(fails(col("w_skew"), col("w_kurt"))))
            .withColumn(
                LongTable.VALUE,
                when(col(LOGGED), log(o.minus(omin).plus(omax.minus(omin).multiply(0.01))))
                    .otherwise(v))
            .withColumn(HIGH, col(HIGH).and(functions.not(col(LOGGED))))
            .withColumn(LOW, col(LOW).and(functions.not(col(LOGGED))))
            .drop("w_skew", "w_kurt", "w_go", "w_limit");
    return d;
  }
}
