package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.negate;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.jobs.spark.RankComparison;

/**
 * Every zone's value on every leaf indicator under each normalisation of the analysis, the grid
 * completed (every zone × every leaf). Input: {@code indicators (zone_code, node_code,
 * treated_value, normalised_value, direction)} of one period and the leaf codes; output: {@code
 * zone_code, node_code, normalisation, value, geo_value}.
 *
 * <p>The directed value d is the treated value, negated for {@code direction = 'lower'}. Per
 * indicator, over the zones with a value: minmax = (d − min)/(max − min) × 100; zscore = (d −
 * mean)/sd (sample sd); rank = (competition rank from the worst − 1)/(n − 1) × 100; methodology =
 * the run's normalised_value.
 *
 * <p>Missing values count as the worst: 0 for methodology (as before: the engine's 0–100 scales
 * have 0 as the floor), and the indicator's worst observed value otherwise (0 for minmax and rank,
 * the lowest z for zscore). An indicator on which every zone has the same value (or only one has a
 * value) scores 0 for everyone: it separates no one.
 *
 * <p>geo_value, the input of the geometric mean, is value rescaled min-max per indicator to [1,
 * 100] (after imputation, so a missing value becomes 1); a constant indicator gets 1 everywhere.
 */
public final class ScoreVariants {
  private ScoreVariants() {}

  public static Dataset<Row> of(
      Dataset<Row> indicators, List<String> leaves, List<ScoreNormalisation> normalisations) {
    Dataset<Row> zones = indicators.select("zone_code").distinct();
    Dataset<Row> leafTable =
        indicators.sparkSession().createDataset(leaves, Encoders.STRING()).toDF("node_code");
    Dataset<Row> grid =
        zones
            .crossJoin(leafTable)
            .join(
                indicators.select(
                    "zone_code", "node_code", "treated_value", "normalised_value", "direction"),
                new String[] {"zone_code", "node_code"},
                "left");
    WindowSpec w = Window.partitionBy("node_code");
    Column d = col("d");
    Dataset<Row> stats =
        grid.withColumn(
                "d",
                when(col("direction").equalTo("lower"), negate(col("treated_value")))
                    .otherwise(col("treated_value")))
            .withColumn("d_min", min(d).over(w))
            .withColumn("d_max", max(d).over(w))
            .withColumn("d_mean", avg(d).over(w))
            .withColumn("d_sd", stddev_samp(d).over(w))
            .withColumn("d_n", count(d).over(w))
            .withColumn(
                "d_rank",
                when(
                    d.isNotNull(), rank().over(w.orderBy(RankComparison.key(d).asc_nulls_last()))));
    Dataset<Row> out = null;
    for (ScoreNormalisation n : normalisations) {
      Dataset<Row> one =
          stats.select(
              col("zone_code"),
              col("node_code"),
              lit(n.key()).as("normalisation"),
              value(n).as("value"));
      out = out == null ? one : out.unionByName(one);
    }
    WindowSpec byIndicator = Window.partitionBy("normalisation", "node_code");
    Column range = max("value").over(byIndicator).minus(min("value").over(byIndicator));
    return out.withColumn(
        "geo_value",
        coalesce(
            lit(1.0)
                .plus(
                    lit(99.0)
                        .multiply(
                            try_divide(col("value").minus(min("value").over(byIndicator)), range))),
            lit(1.0)));
  }

  private static Column value(ScoreNormalisation n) {
    Column d = col("d");
    return switch (n) {
      case METHODOLOGY -> coalesce(col("normalised_value"), lit(0.0));
      case MINMAX ->
          coalesce(
              try_divide(d.minus(col("d_min")), col("d_max").minus(col("d_min"))).multiply(100),
              lit(0.0));
      case ZSCORE ->
          coalesce(
              try_divide(d.minus(col("d_mean")), col("d_sd")),
              try_divide(col("d_min").minus(col("d_mean")), col("d_sd")),
              lit(0.0));
      case RANK ->
          coalesce(try_divide(col("d_rank").minus(1), col("d_n").minus(1)).multiply(100), lit(0.0));
    };
  }
}
