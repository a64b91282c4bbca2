package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.rank;
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
    Dataset<Row> compared =
        located.join(catalogue.compareLevels(), new String[] {"factor_code", "location_level"});
    String[] group = {"factor_code", "subcategory", "period", "period_type", "location_level"};
    Dataset<Row> distribution = distribution(compared, group);
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

  /** Adds change_prev_pct and change_yoy_pct by joining each row with its earlier periods. */
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
    String[] key = {"factor_code", "subcategory", "period_type", "location_level", "location_code"};
    Dataset<Row> earlier =
        placed.select(
            col("factor_code"),
            col("subcategory"),
            col("period_type"),
            col("location_level"),
            col("location_code"),
            col("period").as("e_period"),
            col("value").as("e_value"));
    Dataset<Row> withKeys = placed.withColumn("prev_period", prev).withColumn("yoy_period", yoy);
    Dataset<Row> withPrev =
        joinEarlier(withKeys, earlier, key, "prev_period")
            .withColumnRenamed("e_value", "prev_value");
    Dataset<Row> withYoy =
        joinEarlier(withPrev, earlier, key, "yoy_period").withColumnRenamed("e_value", "yoy_value");
    return withYoy
        .withColumn("change_prev_pct", change(col("value"), col("prev_value")))
        .withColumn("change_yoy_pct", change(col("value"), col("yoy_value")))
        .drop("prev_period", "yoy_period", "prev_value", "yoy_value");
  }

  private static Dataset<Row> joinEarlier(
      Dataset<Row> rows, Dataset<Row> earlier, String[] key, String periodColumn) {
    Dataset<Row> e = earlier;
    Column cond = col(periodColumn).equalTo(col("r.e_period"));
    for (String k : key) {
      e = e.withColumnRenamed(k, "e_" + k);
    }
    Dataset<Row> right = e.alias("r");
    for (String k : key) {
      cond = cond.and(col(k).equalTo(col("r.e_" + k)));
    }
    Dataset<Row> joined = rows.join(right, cond, "left");
    for (String k : key) {
      joined = joined.drop(col("r.e_" + k));
    }
    return joined.drop(col("r.e_period"));
  }

  private static Column change(Column value, Column earlier) {
    return when(
        earlier.isNotNull().and(earlier.notEqual(0)), value.divide(earlier).minus(1).multiply(100));
  }
}
