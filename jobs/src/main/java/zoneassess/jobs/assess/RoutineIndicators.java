package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.routine.RoutineSpec;

/**
 * The {@code routine_indicators} mart: for every zone and routine period, each year-to-date and
 * carried column of the methodology's routine section, long, with its source period and the same
 * period a year earlier. Year-to-date growth = value ÷ value a year earlier − 1 (null when either
 * is missing or the earlier value is 0).
 */
public final class RoutineIndicators {
  private RoutineIndicators() {}

  /**
   * @param facts routine zone facts (after {@link RoutineFacts#carry})
   * @param carried the carried values with their source periods ({@link RoutineFacts.Carried})
   */
  public static Dataset<Row> build(Dataset<Row> facts, Dataset<Row> carried, RoutineSpec spec) {
    Dataset<Row> out = null;
    for (String c : spec.ytd()) {
      out = union(out, long_(facts, c, "ytd"));
    }
    for (String c : spec.carried()) {
      out = union(out, long_(facts, c, "carried"));
    }
    Dataset<Row> sources =
        carried.select(
            col("zone_code"),
            col("period"),
            col("indicator_code"),
            col("source_period").as("_carried_from"));
    Dataset<Row> withSource =
        out.join(sources, new String[] {"zone_code", "period", "indicator_code"}, "left")
            .withColumn(
                "source_period",
                when(col("basis").equalTo("ytd").and(col("value").isNotNull()), col("period"))
                    .otherwise(col("_carried_from")))
            .withColumn("prev_year_period", Periods.previous(col("period")));
    Dataset<Row> earlier =
        out.select(
            col("zone_code").as("_z"),
            col("period").as("_p"),
            col("indicator_code").as("_i"),
            col("value").as("prev_year_value"));
    Dataset<Row> joined =
        withSource.join(
            earlier,
            col("zone_code")
                .equalTo(col("_z"))
                .and(col("prev_year_period").equalTo(col("_p")))
                .and(col("indicator_code").equalTo(col("_i"))),
            "left");
    Column growth =
        when(
            col("basis")
                .equalTo("ytd")
                .and(col("prev_year_value").isNotNull())
                .and(col("prev_year_value").notEqual(0.0)),
            col("value").divide(col("prev_year_value")).minus(1.0));
    List<Column> cols = new ArrayList<>();
    for (String name : RoutineMarts.ROUTINE_INDICATORS.columnNames()) {
      cols.add(name.equals("ytd_growth") ? growth.as(name) : col(name));
    }
    return joined.select(cols.toArray(Column[]::new));
  }

  private static Dataset<Row> long_(Dataset<Row> facts, String column, String basis) {
    return facts.select(
        col("zone_code"),
        col("period"),
        lit(column).as("indicator_code"),
        lit(basis).as("basis"),
        col(column).cast("double").as("value"));
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
