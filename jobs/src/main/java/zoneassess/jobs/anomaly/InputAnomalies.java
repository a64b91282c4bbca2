package zoneassess.jobs.anomaly;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.schema.anomaly.AnomalyCheck;
import zoneassess.schema.anomaly.DatasetChecks;
import zoneassess.schema.marts.AnomalyMarts;

/**
 * Input anomaly checks over one staged dataset (docs/input-anomalies.md). A series is one unit and
 * indicator over periods of one kind (years; or one quarter or month of the year, year after year),
 * so "a year earlier" is the previous period of the series. Rows with a {@code basis} column count
 * only when final (annual) or year-to-date (sub-annual); preliminary rows are not checked. The
 * result has the columns of the {@code input_anomalies} mart, one row per finding.
 */
public final class InputAnomalies {
  private InputAnomalies() {}

  public static Dataset<Row> find(Dataset<Row> staged, DatasetChecks spec) {
    Dataset<Row> base = base(staged, spec);
    Dataset<Row> out = null;
    for (AnomalyCheck c : spec.checks()) {
      Dataset<Row> scope =
          c.indicators().isEmpty() ? base : base.filter(col("_ind").isin(c.indicators().toArray()));
      Dataset<Row> f =
          switch (c.rule()) {
            case "change" -> change(scope, c);
            case "robust_z" -> robustZ(scope, c);
            case "ytd_decrease" -> ytdDecrease(scope);
            case "repeated" -> repeated(scope, c);
            case "round_number" -> round(scope, c);
            case "part_exceeds_whole" -> partOverWhole(base, c);
            default -> throw new IllegalArgumentException("unknown rule " + c.rule());
          };
      Dataset<Row> rows =
          f.select(
              lit(spec.dataset()).as("dataset"),
              lit(c.id()).as("rule_id"),
              lit(c.rule()).as("rule"),
              lit(c.severity()).as("severity"),
              col("_unit").as("unit_key"),
              col("_ind").as("indicator_code"),
              col("_period").as("period"),
              col("_value").as("value"),
              col("_prev_period").cast("string").as("previous_period"),
              col("_prev_value").cast("double").as("previous_value"),
              col("_measure").cast("double").as("measure"),
              col("_msg").as("message_zh"));
      out = out == null ? rows : out.unionByName(rows);
    }
    if (out == null) {
      return staged.sparkSession().createDataFrame(List.of(), schemaOf());
    }
    List<Column> cols = new ArrayList<>();
    AnomalyMarts.INPUT_ANOMALIES.columnNames().forEach(n -> cols.add(col(n)));
    return out.select(cols.toArray(Column[]::new));
  }

  private static org.apache.spark.sql.types.StructType schemaOf() {
    return zoneassess.jobs.spark.ContractSchemas.of(AnomalyMarts.INPUT_ANOMALIES);
  }

  /** _unit, _ind, _period, _value, _year, _slot; final or ytd rows only. */
  static Dataset<Row> base(Dataset<Row> staged, DatasetChecks spec) {
    Column period = col(spec.periodColumn()).cast("string");
    Dataset<Row> df = staged;
    if (List.of(staged.columns()).contains("basis")) {
      Column annual = length(period).equalTo(4);
      df =
          df.filter(
              when(annual, coalesce(col("basis"), lit("final")).equalTo("final"))
                  .otherwise(coalesce(col("basis"), lit("ytd")).equalTo("ytd")));
    }
    return df.filter(col(spec.valueColumn()).isNotNull())
        .select(
            col(spec.unitColumn()).cast("string").as("_unit"),
            col(spec.indicatorColumn()).cast("string").as("_ind"),
            period.as("_period"),
            col(spec.valueColumn()).cast("double").as("_value"))
        .groupBy("_unit", "_ind", "_period")
        .agg(org.apache.spark.sql.functions.max(col("_value")).as("_value"))
        .withColumn("_year", substring(col("_period"), 1, 4).cast("int"))
        .withColumn("_slot", substring(col("_period"), 5, 4));
  }

  private static WindowSpec series() {
    return Window.partitionBy("_unit", "_ind", "_slot").orderBy("_period");
  }

  /** Adds _prev_period / _prev_value: the same period a year earlier, when reported. */
  private static Dataset<Row> withYearEarlier(Dataset<Row> df) {
    Column lagPeriod = lag(col("_period"), 1).over(series());
    Column lagValue = lag(col("_value"), 1).over(series());
    Column yearEarlier = concat(col("_year").minus(1).cast("string"), col("_slot"));
    return df.withColumn("_prev_period", when(lagPeriod.equalTo(yearEarlier), lagPeriod))
        .withColumn("_prev_value", when(lagPeriod.equalTo(yearEarlier), lagValue));
  }

  private static Dataset<Row> change(Dataset<Row> df, AnomalyCheck c) {
    Dataset<Row> d =
        withYearEarlier(df)
            .filter(
                col("_prev_value")
                    .geq(Math.max(c.minValue(), Double.MIN_VALUE))
                    .and(col("_value").gt(0)))
            .withColumn("_measure", try_divide(col("_value"), col("_prev_value")));
    return d.filter(col("_measure").gt(c.threshold()).or(col("_measure").lt(1.0 / c.threshold())))
        .withColumn(
            "_msg",
            format_string(
                "%s %s %s：%s，上年同期（%s）%s，为其 %.2f 倍（限 %s 倍以内）",
                col("_unit"),
                col("_ind"),
                col("_period"),
                num(col("_value")),
                col("_prev_period"),
                num(col("_prev_value")),
                col("_measure"),
                lit(plain(c.threshold()))));
  }

  /**
   * ln(value ÷ a year earlier) per unit; among the units of one indicator and period, z = (x −
   * median) ÷ (1.4826 × MAD); findings above the threshold (groups of at least min_value units, MAD
   * &gt; 0).
   */
  private static Dataset<Row> robustZ(Dataset<Row> df, AnomalyCheck c) {
    Dataset<Row> x =
        withYearEarlier(df)
            .filter(col("_prev_value").gt(0).and(col("_value").gt(0)))
            .withColumn("_x", log(try_divide(col("_value"), col("_prev_value"))));
    var group = Window.partitionBy("_ind", "_period");
    Dataset<Row> m =
        x.withColumn("_median", expr("percentile(_x, 0.5)").over(group))
            .withColumn("_n", count(lit(1)).over(group))
            .withColumn("_dev", abs(col("_x").minus(col("_median"))))
            .withColumn("_mad", expr("percentile(_dev, 0.5)").over(group))
            .filter(col("_n").geq(c.minValue()).and(col("_mad").gt(0)))
            .withColumn(
                "_measure",
                try_divide(col("_x").minus(col("_median")), col("_mad").multiply(1.4826)));
    return m.filter(abs(col("_measure")).gt(c.threshold()))
        .withColumn(
            "_msg",
            format_string(
                "%s %s %s：%s，上年同期（%s）%s，变动幅度的稳健 z 值 %.1f（限 ±%s）",
                col("_unit"),
                col("_ind"),
                col("_period"),
                num(col("_value")),
                col("_prev_period"),
                num(col("_prev_value")),
                col("_measure"),
                lit(plain(c.threshold()))));
  }

  /** A year-to-date value below the previous reported period of the same year. */
  private static Dataset<Row> ytdDecrease(Dataset<Row> df) {
    var inYear = Window.partitionBy("_unit", "_ind", "_year").orderBy("_period");
    Dataset<Row> d =
        df.filter(length(col("_period")).gt(4))
            .withColumn("_prev_period", lag(col("_period"), 1).over(inYear))
            .withColumn("_prev_value", lag(col("_value"), 1).over(inYear))
            .filter(col("_prev_value").isNotNull().and(col("_value").lt(col("_prev_value"))))
            .withColumn("_measure", col("_value").minus(col("_prev_value")));
    return d.withColumn(
        "_msg",
        format_string(
            "%s %s %s：年初累计 %s，低于同年 %s 的 %s（累计数不应下降）",
            col("_unit"),
            col("_ind"),
            col("_period"),
            num(col("_value")),
            col("_prev_period"),
            num(col("_prev_value"))));
  }

  /** The same value in N consecutive periods of a series (years running, or a quarter yearly). */
  private static Dataset<Row> repeated(Dataset<Row> df, AnomalyCheck c) {
    int n = c.periods();
    Column same = lit(true);
    for (int k = 1; k < n; k++) {
      Column yearK = concat(col("_year").minus(k).cast("string"), col("_slot"));
      same =
          same.and(lag(col("_value"), k).over(series()).equalTo(col("_value")))
              .and(lag(col("_period"), k).over(series()).equalTo(yearK));
    }
    return df.withColumn("_same", same)
        .withColumn("_prev_period", lag(col("_period"), n - 1).over(series()))
        .filter(col("_same"))
        .withColumn("_prev_value", col("_value"))
        .withColumn("_measure", lit((double) n))
        .withColumn(
            "_msg",
            format_string(
                "%s %s %s：%s 与 %s 起连续 %d 期相同（限 %d 期以内）",
                col("_unit"),
                col("_ind"),
                col("_period"),
                num(col("_value")),
                col("_prev_period"),
                lit(n),
                lit(n - 1)));
  }

  /** |value| ≥ min_value and a whole multiple of {@code multiple} (checked to the cent). */
  private static Dataset<Row> round(Dataset<Row> df, AnomalyCheck c) {
    Column cents = org.apache.spark.sql.functions.round(col("_value").multiply(100)).cast("long");
    long m = Math.round(c.multiple() * 100);
    return df.filter(abs(col("_value")).geq(c.minValue()).and(cents.mod(m).equalTo(0)))
        .withColumn("_prev_period", lit(null).cast("string"))
        .withColumn("_prev_value", lit(null).cast("double"))
        .withColumn("_measure", lit(c.multiple()))
        .withColumn(
            "_msg",
            format_string(
                "%s %s %s：%s 恰为 %s 的整数倍，疑似估报",
                col("_unit"),
                col("_ind"),
                col("_period"),
                num(col("_value")),
                lit(plain(c.multiple()))));
  }

  /** part ÷ whole above 100 % in the same unit and period. */
  private static Dataset<Row> partOverWhole(Dataset<Row> base, AnomalyCheck c) {
    Dataset<Row> out = null;
    for (int i = 0; i < c.indicators().size(); i++) {
      String part = c.indicators().get(i);
      String whole = c.wholes().get(i);
      Dataset<Row> w =
          base.filter(col("_ind").equalTo(whole))
              .select(
                  col("_unit").as("_wu"),
                  col("_period").as("_wp"),
                  col("_value").as("_prev_value"));
      Dataset<Row> one =
          base.filter(col("_ind").equalTo(part))
              .join(w, col("_unit").equalTo(col("_wu")).and(col("_period").equalTo(col("_wp"))))
              .filter(col("_prev_value").gt(0).and(col("_value").gt(col("_prev_value"))))
              .withColumn("_prev_period", lit(whole))
              .withColumn("_measure", try_divide(col("_value"), col("_prev_value")));
      out = out == null ? one : out.unionByName(one);
    }
    return out.withColumn(
        "_msg",
        format_string(
            "%s %s %s：%s 大于其总量 %s（%s），占比 %.1f%%",
            col("_unit"),
            col("_ind"),
            col("_period"),
            num(col("_value")),
            col("_prev_period"),
            num(col("_prev_value")),
            col("_measure").multiply(100)));
  }

  /** A value as text with up to 4 decimals, trailing zeros dropped. */
  private static Column num(Column v) {
    return regexp_replace(regexp_replace(format_string("%.4f", v), "0+$", ""), "\\.$", "");
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }
}
