package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.factor.ProfileLine;
import zoneassess.schema.factor.TypicalFirmProfile;

/**
 * Prices typical-firm profiles at every location for a year.
 *
 * <p>A line costs quantity × price × cost_to_yuan / amortise_years 元; a wage-bill line (social
 * insurance) costs wage bill × rate × cost_to_yuan, the wage bill being the profile's cost of the
 * wage factors ({@link FactorCatalogueTables#WAGE_FACTORS}) at the same location. The price is the
 * location's annual value (own, or inherited from its county or city); where a location has no
 * price the line is priced at the median of its level and marked {@code median}; a line nobody in
 * the level has a price for costs nothing. The same profile priced at the level's median prices is
 * the reference for the composite index.
 */
public final class ProfileCosting {
  /** A sentinel location code for the profile priced at median prices. */
  public static final String MEDIAN_PRICES = "__median_prices__";

  /**
   * @param lineCosts profile_id, location_code, location_level, year, factor_code, cost_yuan,
   *     price_source — one row per line, including the median-price reference rows
   * @param breakdown the {@code cost_profile_breakdown} mart (locations only)
   * @param profiles the {@code cost_profile} mart
   */
  public record Priced(Dataset<Row> lineCosts, Dataset<Row> breakdown, Dataset<Row> profiles) {}

  private ProfileCosting() {}

  /** The profiles' lines as a table: one row per line. */
  public static Dataset<Row> lines(SparkSession spark, List<TypicalFirmProfile> profiles) {
    List<Row> rows = new ArrayList<>();
    for (TypicalFirmProfile p : profiles) {
      int n = 0;
      for (ProfileLine l : p.lines()) {
        rows.add(
            RowFactory.create(
                p.id(),
                p.nameZh(),
                n++,
                l.factorCode(),
                l.subcategory(),
                l.quantity(),
                l.amortiseYears(),
                l.wageBillBasis()));
      }
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("profile_id", DataTypes.StringType, false)
            .add("profile_name_zh", DataTypes.StringType, false)
            .add("line_no", DataTypes.IntegerType, false)
            .add("factor_code", DataTypes.StringType, false)
            .add("subcategory", DataTypes.StringType, false)
            .add("quantity", DataTypes.DoubleType, false)
            .add("amortise_years", DataTypes.DoubleType, false)
            .add("wage_bill_basis", DataTypes.BooleanType, false));
  }

  /**
   * @param located every location's values ({@link PriceInheritance#inherit}); annual rows of the
   *     wanted years are used
   * @param locations {@link PriceInheritance#locations}
   * @param lines {@link #lines}
   * @param years one column {@code year} (int): the years to price
   * @return the cost of every line at every location, and at the level's median prices (location
   *     {@link #MEDIAN_PRICES}): profile_id, profile_name_zh, location_code, location_level, year,
   *     line_no, factor_code, factor_name_zh, cost_yuan, price_source
   */
  public static Dataset<Row> price(
      Dataset<Row> located,
      Dataset<Row> locations,
      Dataset<Row> lines,
      Dataset<Row> years,
      FactorCatalogueTables catalogue) {
    Dataset<Row> annual =
        located
            .filter(col("period_type").equalTo("year"))
            .withColumn("year", col("period").try_cast("int"))
            .join(years, "year")
            .select(
                "location_code",
                "location_level",
                "factor_code",
                "subcategory",
                "year",
                "value",
                "value_source");
    Dataset<Row> medians =
        FactorCostBenchmark.distribution(
                annual, "factor_code", "subcategory", "year", "location_level")
            .select("factor_code", "subcategory", "year", "location_level", "median");
    Dataset<Row> pricedLines =
        lines.join(
            catalogue
                .factors()
                .select("factor_code", "factor_name_zh", "cost_to_yuan", "wage_factor"),
            "factor_code");
    Dataset<Row> atLocations =
        locations
            .select("location_code", "location_level")
            .crossJoin(years)
            .crossJoin(pricedLines)
            .join(
                annual,
                new String[] {
                  "location_code", "location_level", "factor_code", "subcategory", "year"
                },
                "left")
            .join(
                medians,
                new String[] {"factor_code", "subcategory", "year", "location_level"},
                "left")
            .withColumn("price", coalesce(col("value"), col("median")))
            .withColumn(
                "price_source",
                when(col("value").isNotNull(), col("value_source"))
                    .when(col("median").isNotNull(), lit("median")));
    Dataset<Row> atMedians =
        medians
            .select("location_level", "year")
            .distinct()
            .withColumn("location_code", lit(MEDIAN_PRICES))
            .crossJoin(pricedLines)
            .join(
                medians,
                new String[] {"factor_code", "subcategory", "year", "location_level"},
                "left")
            .withColumn("price", col("median"))
            .withColumn("price_source", lit("median"));
    String[] columns = {
      "profile_id",
      "profile_name_zh",
      "location_code",
      "location_level",
      "year",
      "line_no",
      "factor_code",
      "factor_name_zh",
      "quantity",
      "amortise_years",
      "wage_bill_basis",
      "cost_to_yuan",
      "wage_factor",
      "price",
      "price_source"
    };
    return lineCosts(
        atLocations
            .select(columns[0], FactorPriceConformer.rest(columns))
            .unionByName(atMedians.select(columns[0], FactorPriceConformer.rest(columns))));
  }

  /**
   * The marts from {@link #price}'s line costs (callers may checkpoint the line costs first: the
   * plans below reuse them several times).
   */
  public static Priced marts(Dataset<Row> lineCosts, Dataset<Row> locations) {
    Dataset<Row> atLocationCosts = lineCosts.filter(col("location_code").notEqual(MEDIAN_PRICES));
    return new Priced(
        lineCosts, breakdown(atLocationCosts), profileTotals(atLocationCosts, locations));
  }

  /** Cost of each line in 元, wage-bill lines applied to the wage factors' cost. */
  static Dataset<Row> lineCosts(Dataset<Row> priced) {
    String[] key = {"profile_id", "location_code", "location_level", "year"};
    Dataset<Row> direct =
        priced.withColumn(
            "direct_yuan",
            when(
                col("wage_bill_basis").equalTo(false),
                col("quantity")
                    .multiply(col("price"))
                    .multiply(col("cost_to_yuan"))
                    .divide(col("amortise_years"))));
    Dataset<Row> wageBill =
        direct
            .filter(col("wage_factor"))
            .groupBy(key[0], FactorPriceConformer.rest(key))
            .agg(OrderedSum.of("direct_yuan").as("wage_bill_yuan"));
    return direct
        .join(wageBill, key, "left")
        .withColumn(
            "cost_yuan",
            when(
                    col("wage_bill_basis"),
                    col("wage_bill_yuan").multiply(col("price")).multiply(col("cost_to_yuan")))
                .otherwise(col("direct_yuan")))
        .select(
            "profile_id",
            "profile_name_zh",
            "location_code",
            "location_level",
            "year",
            "line_no",
            "factor_code",
            "factor_name_zh",
            "cost_yuan",
            "price_source");
  }

  static Dataset<Row> breakdown(Dataset<Row> lineCosts) {
    String[] key = {"profile_id", "location_code", "location_level", "year"};
    Dataset<Row> byFactor =
        lineCosts
            .groupBy("profile_id", "location_code", "location_level", "year", "factor_code")
            .agg(
                first("factor_name_zh").as("factor_name_zh"),
                OrderedSum.of(coalesce(col("cost_yuan"), lit(0.0))).divide(1e4).as("cost_10k"),
                max(when(col("price_source").equalTo("median"), 1).otherwise(0)).as("any_median"),
                min("price_source").as("least_local_source"));
    Dataset<Row> totals =
        byFactor
            .groupBy(key[0], FactorPriceConformer.rest(key))
            .agg(OrderedSum.of("cost_10k").as("total"));
    return byFactor
        .join(totals, key)
        .withColumn("share", when(col("total").gt(0), col("cost_10k").divide(col("total"))))
        .withColumn(
            "price_source",
            when(col("any_median").equalTo(1), lit("median")).otherwise(col("least_local_source")))
        .select(
            "profile_id",
            "location_code",
            "location_level",
            "year",
            "factor_code",
            "factor_name_zh",
            "cost_10k",
            "share",
            "price_source");
  }

  static Dataset<Row> profileTotals(Dataset<Row> lineCosts, Dataset<Row> locations) {
    Dataset<Row> totals =
        lineCosts
            .groupBy("profile_id", "location_code", "location_level", "year")
            .agg(
                first("profile_name_zh").as("profile_name_zh"),
                OrderedSum.of(coalesce(col("cost_yuan"), lit(0.0)))
                    .divide(1e4)
                    .as("total_cost_10k"),
                sum(when(col("price_source").equalTo("median"), 1).otherwise(0))
                    .cast("int")
                    .as("median_priced_lines"));
    Dataset<Row> stats =
        totals
            .groupBy("profile_id", "location_level", "year")
            .agg(
                min("total_cost_10k").as("cheapest"),
                expr("percentile(total_cost_10k, 0.5)").as("median_total"),
                count(lit(1)).as("n"));
    return totals
        .join(stats, new String[] {"profile_id", "location_level", "year"})
        .join(
            locations.select("location_code", "location_level", "location_name", "city"),
            new String[] {"location_code", "location_level"})
        .withColumn(
            "rank",
            rank()
                .over(
                    Window.partitionBy("profile_id", "location_level", "year")
                        .orderBy(RankComparison.key(col("total_cost_10k")))))
        .withColumn("gap_to_cheapest_10k", col("total_cost_10k").minus(col("cheapest")))
        .withColumn("gap_to_median_10k", col("total_cost_10k").minus(col("median_total")))
        .withColumn(
            "index_vs_median",
            when(
                col("median_total").gt(0),
                col("total_cost_10k").divide(col("median_total")).multiply(100)))
        .select(
            col("profile_id"),
            col("profile_name_zh"),
            col("location_code"),
            col("location_name"),
            col("location_level"),
            col("city"),
            col("year"),
            col("total_cost_10k"),
            col("rank").cast("int").as("rank"),
            col("gap_to_cheapest_10k"),
            col("gap_to_median_10k"),
            col("index_vs_median"),
            col("median_priced_lines"));
  }
}
