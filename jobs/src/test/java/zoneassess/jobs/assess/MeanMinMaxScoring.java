package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * TEST-ONLY stand-in for the composite-index engine: each listed column is min-max normalised
 * within its period ((v − min) ÷ (max − min); 1 when all zones are equal; null when missing) and
 * the index is 100 × the mean of the available normalised values. One dimension "all" carries the
 * index. Never used in main: the real scorer is the engine the lead wires in.
 */
final class MeanMinMaxScoring implements ZoneScoring {
  private final List<String> columns;

  MeanMinMaxScoring(List<String> columns) {
    this.columns = List.copyOf(columns);
  }

  @Override
  public ScoredZones score(Dataset<Row> facts, String methodologyLocation) {
    var byPeriod = Window.partitionBy("period");
    Dataset<Row> n = facts;
    Column sum = lit(0.0);
    Column present = lit(0);
    for (String c : columns) {
      Column v = col(c).cast("double");
      Column lo = min(v).over(byPeriod);
      Column hi = max(v).over(byPeriod);
      n =
          n.withColumn(
              "_n_" + c,
              when(
                  v.isNotNull(),
                  when(hi.gt(lo), v.minus(lo).divide(hi.minus(lo))).otherwise(lit(1.0))));
      sum = sum.plus(when(col("_n_" + c).isNotNull(), col("_n_" + c)).otherwise(lit(0.0)));
      present = present.plus(when(col("_n_" + c).isNotNull(), 1).otherwise(0));
    }
    n = n.withColumn("index_score", when(present.gt(0), sum.divide(present).multiply(100.0)));
    Dataset<Row> index = n.select("zone_code", "period", "index_score");
    Dataset<Row> dims =
        n.select(
            col("zone_code"),
            col("period"),
            lit("all").as("dimension_code"),
            lit("综合").as("dimension_name_zh"),
            lit("All").as("dimension_name_en"),
            lit(1.0).as("weight"),
            col("index_score").as("score"),
            lit(1).as("sort_order"));
    List<Dataset<Row>> parts = new ArrayList<>();
    for (String c : columns) {
      parts.add(
          n.select(
              col("zone_code"),
              col("period"),
              lit(c).as("indicator_code"),
              lit(c).as("indicator_name_zh"),
              lit("").as("unit"),
              lit("all").as("dimension_code"),
              lit("higher").as("direction"),
              col(c).cast("double").as("raw_value"),
              col(c).cast("double").as("treated_value"),
              col("_n_" + c).as("normalised_value"),
              col(c).isNull().as("imputed")));
    }
    Dataset<Row> indicators = parts.stream().reduce(Dataset::unionByName).orElseThrow();
    return new ScoredZones("test-mean-minmax", "0", index, dims, indicators);
  }
}
