package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.jobs.spark.RankComparison;

/**
 * Normalises treated values, per indicator and partition, by the method in each indicator's
 * settings (see {@link IndicatorSettings}). The value is first transformed (log …), then turned
 * around for lower-is-better indicators, then scored. Fixed parameters (goalposts, target,
 * benchmark) are given in the indicator's own unit and transformed the same way.
 */
final class Normaliser {
  static final String SCORE = "score";

  private Normaliser() {}

  static Column transform(Column x) {
    Column t = col("s_transform");
    return when(t.equalTo("LOG"), when(x.gt(0), functions.log(x)))
        .when(t.equalTo("LOG10"), when(x.gt(0), functions.log10(x)))
        .when(t.equalTo("LOG1P"), when(x.gt(-1), functions.log1p(x)))
        .otherwise(x);
  }

  /**
   * @param digits significant digits at which the rank-based methods compare values ({@link
   *     zoneassess.schema.ranking.RankPrecision})
   */
  static Dataset<Row> apply(Dataset<Row> longTable, List<String> partitions, int digits) {
    List<String> by = new ArrayList<>(partitions);
    by.add(LongTable.NODE);
    WindowSpec w = Window.partitionBy(by.stream().map(functions::col).toArray(Column[]::new));
    Column t = transform(col(LongTable.VALUE));
    Column sign = col("s_sign");
    Dataset<Row> d = longTable.withColumn("n_t", t).withColumn("n_d", col("n_t").multiply(sign));
    Column x = col("n_t");
    Column dv = col("n_d");
    Column dmin = min(dv).over(w);
    Column dmax = max(dv).over(w);
    Column n = count(dv).over(w);
    // competition ranks on the directed value: ascending (worst = 1) and descending (best = 1)
    Column compared = RankComparison.key(dv, digits);
    Column rankUp = when(dv.isNotNull(), rank().over(w.orderBy(compared.asc_nulls_last())));
    Column rankDown = when(dv.isNotNull(), rank().over(w.orderBy(compared.desc_nulls_last())));
    d =
        d.withColumn("n_dmin", dmin)
            .withColumn("n_dmax", dmax)
            .withColumn("n_n", n)
            .withColumn("n_mean", avg(dv).over(OrderedSum.window(w, dv)))
            .withColumn("n_sd", stddev_samp(dv).over(OrderedSum.window(w, dv)))
            .withColumn("n_rank_up", rankUp)
            .withColumn("n_rank_down", rankDown);
    Column range = col("n_dmax").minus(col("n_dmin"));
    Column low = col("s_low");
    Column high = col("s_high");
    Column scale = col("s_scale");
    Column higher = sign.gt(0);

    Column minmax =
        when(
            range.notEqual(0),
            functions
                .try_divide(dv.minus(col("n_dmin")), range)
                .multiply(high.minus(low))
                .plus(low));

    Column gmin = transform(col("s_min"));
    Column gmax = transform(col("s_max"));
    Column goal =
        functions.try_divide(
            when(higher, x.minus(gmin)).otherwise(gmax.minus(x)), gmax.minus(gmin));
    goal = when(col("s_cap"), clamp(goal, lit(0.0), lit(1.0))).otherwise(goal).multiply(scale);

    Column zscore =
        when(
            col("n_sd").gt(0),
            functions
                .try_divide(dv.minus(col("n_mean")), col("n_sd"))
                .multiply(scale)
                .plus(col("s_centre")));

    Column rankScore = col("n_rank_up").cast("double");
    Column percentile =
        when(col("n_n").gt(1), functions.try_divide(col("n_rank_up").minus(1), col("n_n").minus(1)))
            .otherwise(when(dv.isNotNull(), lit(1.0)))
            .multiply(scale);
    Column points =
        greatest(
            col("s_floor"),
            col("s_first").minus(col("s_step").multiply(col("n_rank_down").minus(1))));
    points = when(dv.isNotNull(), points);

    // distance to target: the worst observed value scores 0, the target scores 1
    Column target = transform(col("s_target")).multiply(sign);
    Column dist = FormulaColumns.safeDivide(dv.minus(col("n_dmin")), target.minus(col("n_dmin")));
    dist =
        when(col("s_cap").and(dist.isNotNull()), least(dist, lit(1.0)))
            .otherwise(dist)
            .multiply(scale);

    Column bench = transform(col("s_benchmark"));
    Column ratio =
        when(higher, FormulaColumns.safeDivide(x, bench))
            .otherwise(FormulaColumns.safeDivide(bench, x));
    ratio =
        when(
                col("s_cap_ratio").isNotNull().and(ratio.isNotNull()),
                least(ratio, col("s_cap_ratio")))
            .otherwise(ratio)
            .multiply(scale);
    // lower-is-better at zero is as good as it gets: the cap applies
    ratio =
        when(
                functions.not(higher).and(x.equalTo(0)).and(col("s_cap_ratio").isNotNull()),
                col("s_cap_ratio").multiply(scale))
            .otherwise(ratio);

    Column method = col("s_method");
    Column score =
        when(dv.isNull(), lit(null).cast("double"))
            .when(method.equalTo("NONE"), x)
            .when(method.equalTo("MINMAX"), minmax)
            .when(method.equalTo("GOALPOSTS"), goal)
            .when(method.equalTo("ZSCORE"), zscore)
            .when(method.equalTo("RANK"), rankScore)
            .when(method.equalTo("PERCENTILE_RANK"), percentile)
            .when(method.equalTo("RANK_POINTS"), points)
            .when(method.equalTo("DISTANCE_TO_TARGET"), dist)
            .when(method.equalTo("BENCHMARK"), ratio);
    return d.withColumn(SCORE, score.cast("double"));
  }

  private static Column clamp(Column c, Column lo, Column hi) {
    return least(greatest(c, lo), hi);
  }
}
