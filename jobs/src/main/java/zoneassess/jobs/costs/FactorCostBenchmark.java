package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.jobs.spark.RankComparison;

/**
 * Places every location's price in the provincial distribution of its level, per factor,
 * sub-category and period.
 *
 * <p>Definitions (n = locations of the level with a value):
 *
 * <ul>
 *   <li>p25, median, p75: exact percentiles with linear interpolation between order statistics: for
 *       sorted values x₀…xₙ₋₁ the p-quantile is at position h = (n − 1)·p, value x⌊h⌋ + (h −
 *       ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋) (Spark's {@code percentile}, Hyndman–Fan type 7).
 *   <li>index_vs_median = value / median × 100 (null when the median is 0).
 *   <li>rank: competition ranking by value ascending, 1 = cheapest; values equal at the default
 *       rank precision ({@link zoneassess.schema.ranking.RankPrecision}, 12 significant digits)
 *       share a rank and the next rank skips (1, 2, 2, 4).
 *   <li>percentile = 100 × (number of other locations strictly cheaper) / (n − 1), i.e. 100 × (rank
 *       − 1) / (n − 1); 0 = cheapest, 100 = dearest, 0 when n = 1.
 *   <li>change_prev_pct = (value / value of the previous period of the same type − 1) × 100;
 *       change_yoy_pct against the same period a year earlier. Null when either is missing or 0.
 * </ul>
 */
public final class FactorCostBenchmark {
  public static final String[] MART_COLUMNS = {
    "factor_code",
    "factor_name_zh",
    "subcategory",
    "subcategory_name_zh",
    "unit",
    "period",
    "period_type",
    "location_code",
    "location_name",
    "location_level",
    "city",
    "value_source",
    "value",
    "p_min",
    "p25",
    "median",
    "p75",
    "p_max",
    "mean",
    "n_locations",
    "index_vs_median",
    "percentile",
    "rank",
    "change_prev_pct",
    "change_yoy_pct",
    "months_covered",
    "carry_rule"
  };

  private FactorCostBenchmark() {}

  /**
   * @param located values of every location ({@link PriceInheritance#inherit})
   * @param catalogue catalogue tables (compare levels and names)
   * @return the {@code cost_benchmark} rows for every period present (unfiltered, unsorted)
   */
  public static Dataset<Row> benchmark(Dataset<Row> located, FactorCatalogueTables catalogue) {
    // One shuffle by the columns the distributions and the series share: the aggregation, the
    // ranking window and the changes window below all find their groups within one partition.
    Dataset<Row> compared =
        located
            .join(
                broadcast(catalogue.compareLevels()),
                new String[] {"factor_code", "location_level"})
            .repartition(
                col("factor_code"), col("subcategory"), col("period_type"), col("location_level"));
    String[] group = {"factor_code", "subcategory", "period", "period_type", "location_level"};
    // A few rows per distribution: broadcast back instead of shuffling the values again.
    Dataset<Row> distribution = broadcast(distribution(compared, group));
    WindowSpec byValue =
        Window.partitionBy(
                col("factor_code"),
                col("subcategory"),
                col("period"),
                col("period_type"),
                col("location_level"))
            .orderBy(RankComparison.key(col("value")));
    Dataset<Row> placed =
        compared
            .join(distribution, group)
            .withColumn(
                "index_vs_median",
                when(col("median").notEqual(0), col("value").divide(col("median")).multiply(100)))
            .withColumn("rank", rank().over(byValue))
            .withColumn("percentile", percent_rank().over(byValue).multiply(100));
    return withChanges(placed)
        .join(catalogue.factors().select("factor_code", "factor_name_zh", "unit"), "factor_code")
        .join(
            catalogue.subcategories().select("factor_code", "subcategory", "subcategory_name_zh"),
            new String[] {"factor_code", "subcategory"})
        .select(MART_COLUMNS[0], FactorPriceConformer.rest(MART_COLUMNS));
  }

  /** Distribution of {@code value} per {@code group}: min, p25, median, p75, max, mean, n. */
  public static Dataset<Row> distribution(Dataset<Row> values, String... group) {
    Column[] keys = java.util.Arrays.stream(group).map(c -> col(c)).toArray(Column[]::new);
    return values
        .groupBy(keys)
        .agg(
            min("value").as("p_min"),
            expr("percentile(value, array(0.25, 0.5, 0.75))").as("q"),
            max("value").as("p_max"),
            OrderedSum.mean("value").as("mean"),
            count(lit(1)).cast("int").as("n_locations"))
        .withColumn("p25", col("q").getItem(0))
        .withColumn("median", col("q").getItem(1))
        .withColumn("p75", col("q").getItem(2))
        .drop("q");
  }

  /**
   * Adds change_prev_pct and change_yoy_pct: the earlier values come from the location's own series
   * (one row per period), read through a window instead of joining the rows with themselves.
   *
   * <p>The series is ordered by a month index (a quarter at its first month, a year at January), so
   * the same period a year earlier lies exactly 12 before. The previous period, when present, is
   * the row just before; the row before is used only when its period is the previous period, and
   * the row 12 months before only when its period is the same period a year earlier: without them
   * the change is null, as with a join that finds no earlier row.
   */
  static Dataset<Row> withChanges(Dataset<Row> placed) {
    Column year = substring(col("period"), 1, 4).try_cast("int");
    Column prev =
        when(
                col("period_type").equalTo("month"),
                date_format(add_months(to_date(concat(col("period"), lit("-01"))), -1), "yyyy-MM"))
            .when(
                col("period_type").equalTo("quarter"),
                when(
                        substring(col("period"), 6, 1).equalTo("1"),
                        concat(year.minus(1).cast("string"), lit("Q4")))
                    .otherwise(
                        concat(
                            year.cast("string"),
                            lit("Q"),
                            substring(col("period"), 6, 1)
                                .try_cast("int")
                                .minus(1)
                                .cast("string"))))
            .otherwise(year.minus(1).cast("string"));
    Column yoy = concat(year.minus(1).cast("string"), substring(col("period"), 5, 3));
    Column monthIndex =
        year.cast("long")
            .multiply(12)
            .plus(
                when(
                        col("period_type").equalTo("month"),
                        substring(col("period"), 6, 2).try_cast("long").minus(1))
                    .when(
                        col("period_type").equalTo("quarter"),
                        substring(col("period"), 6, 1).try_cast("long").minus(1).multiply(3))
                    .otherwise(lit(0L)));
    WindowSpec series =
        Window.partitionBy(
                col("factor_code"),
                col("subcategory"),
                col("period_type"),
                col("location_level"),
                col("location_code"))
            .orderBy(col("month_index"));
    Column earlier = struct(col("period").as("period"), col("value").as("value"));
    // A join on the key finds no earlier row when a key column is null; nor may the window.
    Column keyed =
        col("factor_code")
            .isNotNull()
            .and(col("subcategory").isNotNull())
            .and(col("period_type").isNotNull())
            .and(col("location_level").isNotNull())
            .and(col("location_code").isNotNull());
    Dataset<Row> withEarlier =
        placed
            .withColumn("month_index", monthIndex)
            .withColumn("before", lag(earlier, 1).over(series))
            .withColumn("year_before", first(earlier).over(series.rangeBetween(-12, -12)));
    Column prevValue =
        when(
            keyed.and(col("before.period").equalTo(prev)).and(col("month_index").isNotNull()),
            col("before.value"));
    Column yoyValue =
        when(
            keyed.and(col("year_before.period").equalTo(yoy)).and(col("month_index").isNotNull()),
            col("year_before.value"));
    return withEarlier
        .withColumn("change_prev_pct", change(col("value"), prevValue))
        .withColumn("change_yoy_pct", change(col("value"), yoyValue))
        .drop("month_index", "before", "year_before");
  }

  private static Column change(Column value, Column earlier) {
    return when(
        earlier.isNotNull().and(earlier.notEqual(0)), value.divide(earlier).minus(1).multiply(100));
  }
}
