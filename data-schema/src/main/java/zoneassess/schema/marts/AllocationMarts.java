package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.BOOLEAN;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.factor.PriceFactor;

/**
 * The resource-allocation marts (see {@code docs/allocation.md}): what the per-mu classes drive for
 * every enterprise, how a city's land and energy quotas are split, and which land can be recovered.
 * Doubles are unrounded.
 */
public final class AllocationMarts {
  private AllocationMarts() {}

  public static final DatasetContract ENTERPRISE = enterprise();

  public static final DatasetContract ZONE =
      DatasetContract.builder("allocation_zone")
          .zh("园区（县区）用地用能指标分配")
          .doc(
              "One row per quota unit (zone or county of the policy's city) and year: land and"
                  + " energy reserved for guaranteed projects, the performance share of the rest"
                  + " and the rule that bounded it.")
          .column(builder("policy_id", STRING).required())
          .column(builder("year", INTEGER).required())
          .column(builder("unit_level", STRING).required().accepted("zone", "county"))
          .column(builder("unit_code", STRING).required())
          .column(builder("unit_name", STRING))
          .column(builder("city", STRING))
          .column(builder("basis", STRING).required().doc("the performance column shares follow"))
          .column(builder("basis_value", DOUBLE).doc("the unit's value of the basis"))
          .column(
              builder("raw_share", DOUBLE).unit("0-1").doc("basis ÷ Σ basis, before floor and cap"))
          .column(builder("share", DOUBLE).required().unit("0-1").doc("share of the rest"))
          .column(
              builder("share_rule", STRING)
                  .required()
                  .accepted("proportional", "floor", "cap", "equal")
                  .doc("what set the share"))
          .column(builder("guaranteed_projects", INTEGER).required())
          .column(builder("guaranteed_project_ids", STRING).doc("served first, ';'-joined"))
          .column(builder("guaranteed_firms", INTEGER).required().doc("应保尽保 firms in the unit"))
          .column(builder("guaranteed_land_mu", DOUBLE).required().unit("亩"))
          .column(builder("share_land_mu", DOUBLE).required().unit("亩"))
          .column(builder("land_quota_mu", DOUBLE).required().unit("亩"))
          .column(builder("guaranteed_energy_10k_tce", DOUBLE).required().unit("万吨标煤"))
          .column(builder("share_energy_10k_tce", DOUBLE).required().unit("万吨标煤"))
          .column(builder("energy_quota_10k_tce", DOUBLE).required().unit("万吨标煤"))
          .column(builder("rule_zh", STRING).required())
          .key("policy_id", "year", "unit_code")
          .build();

  public static final DatasetContract LAND_RECOVERY =
      DatasetContract.builder("land_recovery")
          .zh("低效闲置土地盘活候选")
          .doc(
              "Recovery (盘活) candidates per zone and year: the zone's idle and low-efficiency"
                  + " land as reported, and the land of every persistently D-class firm.")
          .column(builder("policy_id", STRING).required())
          .column(builder("zone_code", STRING).required())
          .column(builder("zone_name", STRING))
          .column(builder("city", STRING))
          .column(builder("year", INTEGER).required())
          .column(
              builder("candidate_type", STRING)
                  .required()
                  .accepted("idle_land", "low_efficiency_land", "persistent_d"))
          .column(builder("credit_code", STRING).doc("the firm, for persistent_d"))
          .column(builder("enterprise_name", STRING))
          .column(builder("years_in_d", INTEGER))
          .column(builder("area_mu", DOUBLE).required().unit("亩"))
          .column(builder("measure_zh", STRING).required())
          .key("policy_id", "zone_code", "year", "candidate_type", "credit_code")
          .build();

  public static final List<DatasetContract> ALL = List.of(ENTERPRISE, ZONE, LAND_RECOVERY);

  private static DatasetContract enterprise() {
    DatasetContract.Builder b =
        DatasetContract.builder("allocation_enterprise")
            .zh("企业资源要素差别化配置")
            .doc(
                "One row per enterprise and evaluated year: the class's policy, every measure with"
                    + " its amount, exemptions and guarantees, and the reason. Partitioned by year.")
            .column(builder("policy_id", STRING).required())
            .column(builder("credit_code", STRING).required())
            .column(builder("enterprise_name", STRING))
            .column(builder("zone_code", STRING))
            .column(builder("county_code", STRING))
            .column(builder("county", STRING))
            .column(builder("city", STRING))
            .column(builder("year", INTEGER).required())
            .column(builder("per_mu_class", STRING).required())
            .column(builder("years_in_d", INTEGER).required())
            .column(builder("total_score", DOUBLE))
            .column(builder("land_area_mu", DOUBLE).unit("亩"))
            .column(builder("policy_name_zh", STRING).required().doc("优先发展类 …"))
            .column(builder("land_priority", BOOLEAN).required())
            .column(builder("energy_priority", BOOLEAN).required())
            .column(builder("credit_list", BOOLEAN).required())
            .column(builder("land_auction_barred", BOOLEAN).required())
            .column(builder("exemption", STRING).doc("code of the first matching exemption"))
            .column(builder("exemption_name_zh", STRING))
            .column(builder("guaranteed", BOOLEAN).required().doc("应保尽保"))
            .column(
                builder("priority_rank", INTEGER)
                    .doc(
                        "place in line for land and energy within county and year: guaranteed"
                            + " firms first, then the priority classes; null = not in line"));
    for (PriceFactor f : PriceFactor.values()) {
      b.column(
              builder(f.consumptionColumn(), DOUBLE)
                  .unit(f == PriceFactor.ELECTRICITY ? "万千瓦时" : "万立方米"))
          .column(
              builder(f.code() + "_surcharge_rate", DOUBLE)
                  .required()
                  .unit(f.priceUnit())
                  .doc("after the exemption factor"))
          .column(
              builder(f.code() + "_surcharge_10k", DOUBLE)
                  .unit("万元")
                  .doc("rate × consumption; null when the consumption is not reported"));
    }
    return b.column(builder("surcharge_total_10k", DOUBLE).required().unit("万元"))
        .column(builder("land_use_tax_reduction", DOUBLE).required().unit("0-1"))
        .column(builder("land_use_tax_relief_10k", DOUBLE).required().unit("万元"))
        .column(builder("reason_zh", STRING).required())
        .key("policy_id", "credit_code", "year")
        .partitionBy("year")
        .build();
  }
}
