package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.spark.OrderedSum;

/**
 * Carries monthly prices to quarters and years by each factor's declared rule, and lists the months
 * a location is missing.
 *
 * <p>Rules: {@code average} = mean of the months present in the quarter or year; {@code period_end}
 * = value of the latest month present. A reported quarterly or annual value takes precedence over
 * one carried from months; a year without months is carried from reported quarters by the same
 * rule.
 *
 * <p>A gap is a month in which at least one location reported a factor sub-category (the province's
 * calendar for that series) but a location that reports the series in the same year did not. Gaps
 * are listed, never filled: the quarter and year are carried from the months present, and {@code
 * months_covered} says how many that was.
 */
public final class PeriodCarryForward {
  /** Columns of a carried value. */
  public static final String[] VALUE_COLUMNS = {
    "location_code",
    "location_level",
    "factor_code",
    "subcategory",
    "period",
    "period_type",
    "value",
    "months_covered",
    "carry_rule"
  };

  private static final String[] SERIES = {
    "location_code", "location_level", "factor_code", "subcategory"
  };

  private PeriodCarryForward() {}

  /**
   * @param observations converted prices ({@link FactorPriceConformer#OBSERVATION_COLUMNS})
   * @param factors {@link FactorCatalogueTables#factors()}
   * @return month, quarter and year values ({@link #VALUE_COLUMNS})
   */
  public static Dataset<Row> carry(Dataset<Row> observations, Dataset<Row> factors) {
    // One shuffle by series: the aggregations to quarters and years and the pick below group by
    // the series and more, so each finds its rows within one partition.
    Dataset<Row> withRule =
        observations
            .join(broadcast(factors.select("factor_code", "carry_rule")), "factor_code")
            .repartition(
                col("location_code"),
                col("location_level"),
                col("factor_code"),
                col("subcategory"));
    Dataset<Row> months =
        withRule
            .filter(col("period_type").equalTo("month"))
            .withColumn("year", substring(col("period"), 1, 4))
            .withColumn("month", substring(col("period"), 6, 2).try_cast("int"))
            .withColumn("quarter", expr("cast((month + 2) / 3 as int)"));
    Dataset<Row> quarters =
        withRule
            .filter(col("period_type").equalTo("quarter"))
            .withColumn("year", substring(col("period"), 1, 4))
            .withColumn("quarter", substring(col("period"), 6, 1).try_cast("int"));

    Dataset<Row> monthValues =
        months.select(
            col("location_code"),
            col("location_level"),
            col("factor_code"),
            col("subcategory"),
            col("period"),
            col("period_type"),
            col("value"),
            lit(null).cast("int").as("months_covered"),
            lit("reported").as("carry_rule"),
            lit(0).as("priority"));
    Dataset<Row> quarterFromMonths =
        aggregate(months, "month", col("quarter"), 1)
            .select(
                seriesAnd(
                    concat(col("year"), lit("Q"), col("quarter").cast("string")).as("period"),
                    lit("quarter").as("period_type"),
                    col("value"),
                    col("covered").as("months_covered"),
                    col("carry_rule"),
                    lit(1).as("priority")));
    Dataset<Row> yearFromMonths =
        aggregate(months, "month", null, 1)
            .select(
                seriesAnd(
                    col("year").as("period"),
                    lit("year").as("period_type"),
                    col("value"),
                    col("covered").as("months_covered"),
                    col("carry_rule"),
                    lit(1).as("priority")));
    Dataset<Row> yearFromQuarters =
        aggregate(quarters, "quarter", null, 3)
            .select(
                seriesAnd(
                    col("year").as("period"),
                    lit("year").as("period_type"),
                    col("value"),
                    col("covered").as("months_covered"),
                    col("carry_rule"),
                    lit(2).as("priority")));
    Dataset<Row> reportedQuartersAndYears =
        withRule
            .filter(col("period_type").isin("quarter", "year"))
            .select(
                seriesAnd(
                    col("period"),
                    col("period_type"),
                    col("value"),
                    lit(null).cast("int").as("months_covered"),
                    lit("reported").as("carry_rule"),
                    lit(0).as("priority")));
    Dataset<Row> all =
        monthValues
            .unionByName(quarterFromMonths)
            .unionByName(yearFromMonths)
            .unionByName(yearFromQuarters)
            .unionByName(reportedQuartersAndYears);
    return all.withColumn(
            "pick",
            row_number()
                .over(
                    Window.partitionBy(
                            col("location_code"),
                            col("location_level"),
                            col("factor_code"),
                            col("subcategory"),
                            col("period"))
                        .orderBy(col("priority"))))
        .filter(col("pick").equalTo(1))
        .select(VALUE_COLUMNS[0], FactorPriceConformer.rest(VALUE_COLUMNS));
  }

  /**
   * Aggregates sub-periods ({@code order} = month or quarter) per series, year and optionally
   * {@code group}; {@code covered} = sub-periods present × {@code monthsEach}.
   */
  private static Dataset<Row> aggregate(
      Dataset<Row> rows, String order, Column group, int monthsEach) {
    Column[] keys =
        group == null
            ? new Column[] {
              col("location_code"),
              col("location_level"),
              col("factor_code"),
              col("subcategory"),
              col("carry_rule"),
              col("year")
            }
            : new Column[] {
              col("location_code"),
              col("location_level"),
              col("factor_code"),
              col("subcategory"),
              col("carry_rule"),
              col("year"),
              group
            };
    return rows.groupBy(keys)
        .agg(
            OrderedSum.mean("value").as("mean_value"),
            max_by(col("value"), col(order)).as("last_value"),
            count(lit(1)).multiply(monthsEach).cast("int").as("covered"))
        .withColumn(
            "value",
            when(col("carry_rule").equalTo("period_end"), col("last_value"))
                .otherwise(col("mean_value")));
  }

  private static Column[] seriesAnd(Column... more) {
    Column[] out = new Column[SERIES.length + more.length];
    for (int i = 0; i < SERIES.length; i++) {
      out[i] = col(SERIES[i]);
    }
    System.arraycopy(more, 0, out, SERIES.length, more.length);
    return out;
  }

  /**
   * Missing months: for each series reported in a year, the months of the province's calendar of
   * that factor sub-category and year that the location did not report.
   *
   * @param reported reported monthly prices (no derived sub-categories)
   * @param factors {@link FactorCatalogueTables#factors()}, for the rule in the note
   */
  public static Dataset<Row> gaps(Dataset<Row> reported, Dataset<Row> factors) {
    Dataset<Row> months =
        reported
            .filter(col("period_type").equalTo("month"))
            .withColumn("year", substring(col("period"), 1, 4));
    Dataset<Row> calendar =
        months.select("factor_code", "subcategory", "year", "period").distinct();
    Dataset<Row> seriesYears =
        months
            .select("location_code", "location_level", "factor_code", "subcategory", "year")
            .distinct();
    Dataset<Row> expected =
        seriesYears.join(calendar, new String[] {"factor_code", "subcategory", "year"}, "inner");
    Dataset<Row> present =
        months.select("location_code", "location_level", "factor_code", "subcategory", "period");
    return expected
        .join(
            present,
            new String[] {
              "location_code", "location_level", "factor_code", "subcategory", "period"
            },
            "left_anti")
        .join(factors.select("factor_code", "carry_rule"), "factor_code")
        .select(
            col("location_code"),
            col("location_level"),
            col("factor_code"),
            col("subcategory"),
            col("period"),
            lit("missing_month").as("kind"),
            concat(
                    lit("no price for "),
                    col("period"),
                    lit(
                        " although other locations reported it; quarter and year carried from the"
                            + " months present (rule: "),
                    col("carry_rule"),
                    lit(")"))
                .as("note"),
            lit(null).cast("string").as("source_file"),
            lit(null).cast("int").as("source_row"));
  }

  /** Last month a period covers, as yyyy-MM (for filtering periods up to a reporting period). */
  public static Column periodEndMonth(Column period, Column periodType) {
    return when(periodType.equalTo("month"), period)
        .when(
            periodType.equalTo("quarter"),
            concat(
                substring(period, 1, 4),
                lit("-"),
                lpad(substring(period, 6, 1).try_cast("int").multiply(3).cast("string"), 2, "0")))
        .otherwise(concat(period, lit("-12")));
  }
}
