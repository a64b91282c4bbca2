package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.jobs.spark.RankComparison;

/**
 * The composite cost index of a location for a year, per location level.
 *
 * <ol>
 *   <li>Reference: every profile priced at the level's median prices; C⁰(p, f) = its cost of factor
 *       f, T⁰(p) = its total.
 *   <li>Weights: w(f) = mean over the profiles of C⁰(p, f) / T⁰(p) (the profiles' cost shares at
 *       median prices, each profile counting equally; Σ w = 1).
 *   <li>Relative of a factor at a location: r(f) = Σₚ C(p, f) / Σₚ C⁰(p, f), the profiles' cost of
 *       f there against their cost at median prices.
 *   <li>composite_vs_median_prices = 100 × Σ_f w(f) · r(f).
 *   <li>composite_index = composite_vs_median_prices / its median over the level's locations × 100,
 *       so the median location is 100; rank 1 = cheapest.
 * </ol>
 */
public final class CompositeCostIndex {
  private CompositeCostIndex() {}

  /**
   * @param lineCosts {@link ProfileCosting.Priced#lineCosts()} (with the median-price reference)
   * @param locations {@link PriceInheritance#locations}
   */
  public static Dataset<Row> compute(Dataset<Row> lineCosts, Dataset<Row> locations) {
    Dataset<Row> byFactor =
        lineCosts
            .groupBy("profile_id", "location_code", "location_level", "year", "factor_code")
            .agg(OrderedSum.of(coalesce(col("cost_yuan"), lit(0.0))).as("cost"));
    Dataset<Row> reference =
        byFactor
            .filter(col("location_code").equalTo(ProfileCosting.MEDIAN_PRICES))
            .drop("location_code");
    Dataset<Row> refTotals =
        reference
            .groupBy("profile_id", "location_level", "year")
            .agg(OrderedSum.of("cost").as("ref_total"));
    Dataset<Row> profileCount =
        reference.groupBy("location_level", "year").agg(countDistinct("profile_id").as("profiles"));
    Dataset<Row> weights =
        reference
            .join(refTotals, new String[] {"profile_id", "location_level", "year"})
            .join(profileCount, new String[] {"location_level", "year"})
            .withColumn(
                "share",
                when(col("ref_total").gt(0), col("cost").divide(col("ref_total"))).otherwise(0.0))
            .groupBy("location_level", "year", "factor_code")
            .agg(
                OrderedSum.of(col("share").divide(col("profiles"))).as("weight"),
                OrderedSum.of("cost").as("ref_cost"));
    Dataset<Row> raw =
        byFactor
            .filter(col("location_code").notEqual(ProfileCosting.MEDIAN_PRICES))
            .groupBy("location_code", "location_level", "year", "factor_code")
            .agg(OrderedSum.of("cost").as("cost"))
            .join(weights, new String[] {"location_level", "year", "factor_code"})
            .filter(col("ref_cost").gt(0))
            .groupBy("location_code", "location_level", "year")
            .agg(
                OrderedSum.of(col("weight").multiply(col("cost").divide(col("ref_cost"))))
                    .multiply(100)
                    .as("composite_vs_median_prices"));
    Dataset<Row> medians =
        raw.groupBy("location_level", "year")
            .agg(expr("percentile(composite_vs_median_prices, 0.5)").as("median_composite"));
    return raw.join(medians, new String[] {"location_level", "year"})
        .withColumn(
            "composite_index",
            col("composite_vs_median_prices").divide(col("median_composite")).multiply(100))
        .withColumn(
            "rank",
            rank()
                .over(
                    Window.partitionBy("location_level", "year")
                        .orderBy(RankComparison.key(col("composite_index"))))
                .cast("int"))
        .join(
            locations.select("location_code", "location_level", "location_name", "city"),
            new String[] {"location_code", "location_level"})
        .select(
            "location_code",
            "location_name",
            "location_level",
            "city",
            "year",
            "composite_index",
            "composite_vs_median_prices",
            "rank");
  }
}
