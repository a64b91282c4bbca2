package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.schema.permu.SurchargeRule;

/**
 * Consecutive years in the lowest class and the electricity surcharge they bring. A streak is a run
 * of D years with no year between them: a year in another class, or a year the firm is absent from
 * the data, starts the count again.
 */
public final class DClassHistory {
  private DClassHistory() {}

  /**
   * @param classified rows with credit_code, year, per_mu_class, electricity_10k_kwh
   * @param lowestClass the class that is surcharged (the scheme's last band, usually D)
   * @return the rows with years_in_d, surcharge_per_kwh (元/kWh) and surcharge_estimate_10k (万元 =
   *     万kWh × 元/kWh)
   */
  public static Dataset<Row> apply(
      Dataset<Row> classified, String lowestClass, SurchargeRule rule) {
    WindowSpec byFirm = Window.partitionBy("credit_code").orderBy("year");
    Column isD = col("per_mu_class").equalTo(lowestClass);
    Column continues =
        isD.and(lag(col("per_mu_class"), 1).over(byFirm).equalTo(lowestClass))
            .and(lag(col("year"), 1).over(byFirm).equalTo(col("year").minus(1)));
    // Every row that does not continue a streak starts one; within a streak the years are
    // consecutive, so the count is year − first year of the streak + 1.
    Dataset<Row> marked =
        classified.withColumn(
            "_start_year", when(continues, lit(null).cast("int")).otherwise(col("year")));
    Column streakStart =
        max(col("_start_year"))
            .over(byFirm.rowsBetween(Window.unboundedPreceding(), Window.currentRow()));
    Dataset<Row> counted =
        marked
            .withColumn(
                "years_in_d",
                when(isD, col("year").minus(streakStart).plus(1)).otherwise(lit(0)).cast("int"))
            .drop("_start_year");
    Column surcharge;
    if (rule.perKwhByYearInD().isEmpty()) {
      surcharge = lit(0.0);
    } else {
      Column steps = array(rule.perKwhByYearInD().stream().map(v -> lit(v)).toArray(Column[]::new));
      surcharge =
          when(col("years_in_d").leq(0), lit(0.0))
              .otherwise(
                  element_at(steps, least(col("years_in_d"), lit(rule.perKwhByYearInD().size()))));
    }
    return counted
        .withColumn("surcharge_per_kwh", surcharge)
        .withColumn(
            "surcharge_estimate_10k",
            when(col("surcharge_per_kwh").equalTo(0), lit(0.0))
                .otherwise(col("surcharge_per_kwh").multiply(col("electricity_10k_kwh"))));
  }
}
