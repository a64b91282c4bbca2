package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The zone aggregates as long indicator rows the zone assessment joins into its wide table:
 * permu_tax_per_mu and permu_value_added_per_mu (万元/亩), permu_share_a and permu_share_d (share of
 * evaluated firms, 0–1). Period is the year as text; rows without a value are left out.
 */
public final class PerMuZoneIndicators {
  private PerMuZoneIndicators() {}

  /**
   * @param zoneMart permu_zone rows
   */
  public static Dataset<Row> fromZones(Dataset<Row> zoneMart) {
    return zoneMart
        .select(
            col("zone_code"),
            col("year").cast("string").as("period"),
            expr(
                "stack(4, 'permu_tax_per_mu', tax_per_mu, 'permu_value_added_per_mu', value_added_per_mu,"
                    + " 'permu_share_a', share_a, 'permu_share_d', share_d) as (indicator_code, value)"))
        .filter(col("value").isNotNull())
        .orderBy("zone_code", "period", "indicator_code");
  }
}
