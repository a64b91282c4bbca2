package zoneassess.jobs.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.marts.AllocationMarts;

/**
 * The land_recovery mart (盘活): per zone of the policy's city and year, the idle land (闲置土地) and
 * low-efficiency land (低效用地) the zone statistics report (km² × 1 500 = 亩), and the land of every
 * firm in D for at least the policy's {@code persistent_d_years} consecutive years that no
 * exemption guarantees.
 */
public final class LandRecovery {
  static final double MU_PER_KM2 = 1500.0;

  private LandRecovery() {}

  /**
   * @param zoneStats staged zone_stats
   * @param zones staged zones
   * @param allocationEnterprise the allocation_enterprise rows
   */
  public static Dataset<Row> apply(
      Dataset<Row> zoneStats,
      Dataset<Row> zones,
      Dataset<Row> allocationEnterprise,
      AllocationPolicy policy,
      int year) {
    Dataset<Row> names = zones.select("zone_code", "zone_name", "city");
    if (policy.city() != null) {
      names = names.filter(col("city").equalTo(policy.city()));
    }
    Dataset<Row> stats =
        zoneStats
            .filter(
                col("period")
                    .cast("string")
                    .equalTo(String.valueOf(year))
                    .and(col("indicator_code").isin("idle_land", "low_efficiency_land"))
                    .and(col("basis").isNull().or(col("basis").equalTo("final"))))
            .select(
                col("zone_code"),
                lit(year).as("year"),
                col("indicator_code").as("candidate_type"),
                lit(null).cast("string").as("credit_code"),
                lit(null).cast("string").as("enterprise_name"),
                lit(null).cast("int").as("years_in_d"),
                col("value").multiply(MU_PER_KM2).as("area_mu"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("indicator_code").equalTo("idle_land"), lit("闲置土地：依法处置、限期开发或收回盘活"))
                    .otherwise(lit("低效用地：二次开发、提容增效"))
                    .as("measure_zh"));
    int n = policy.persistentDYears();
    Dataset<Row> firms =
        allocationEnterprise
            .filter(
                col("year")
                    .equalTo(year)
                    .and(col("per_mu_class").equalTo("D"))
                    .and(col("years_in_d").geq(n))
                    .and(col("guaranteed").unary_$bang())
                    .and(col("zone_code").isNotNull()))
            .select(
                col("zone_code"),
                col("year"),
                lit("persistent_d").as("candidate_type"),
                col("credit_code"),
                col("enterprise_name"),
                col("years_in_d"),
                col("land_area_mu").as("area_mu"),
                org.apache
                    .spark
                    .sql
                    .functions
                    .concat(lit("连续"), col("years_in_d"), lit("年D类：整治提升或依法收回，新增供地租让结合、先租后让"))
                    .as("measure_zh"));
    Column[] out =
        AllocationMarts.LAND_RECOVERY.columnNames().stream()
            .map(c -> col(c))
            .toArray(Column[]::new);
    return stats
        .unionByName(firms)
        .join(names, "zone_code")
        .withColumn("policy_id", lit(policy.id()))
        .select(out);
  }
}
