package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.BOOLEAN;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.LONG;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;

/**
 * The per-mu efficiency marts (see {@code docs/per-mu.md}). Column names are the contract with the
 * reports module; doubles are unrounded.
 */
public final class PerMuMarts {
  private PerMuMarts() {}

  private static final List<String> RATIOS =
      List.of(
          "tax_per_mu",
          "revenue_per_mu",
          "value_added_per_mu",
          "value_added_per_energy",
          "tax_per_energy",
          "tax_per_electricity",
          "value_added_per_emission",
          "labour_productivity",
          "rnd_share");

  public static final DatasetContract ENTERPRISE = enterprise();

  public static final DatasetContract ENTERPRISE_ITEMS =
      DatasetContract.builder("permu_enterprise_items")
          .zh("企业亩均效益评价分项得分")
          .doc("One row per evaluated enterprise, year and scored item. Partitioned by year.")
          .column(builder("credit_code", STRING).required())
          .column(builder("year", INTEGER).required())
          .column(builder("scale", STRING).required().doc("formula set: above / below"))
          .column(builder("item_code", STRING).required())
          .column(builder("item_name_zh", STRING).required())
          .column(
              builder("item_order", INTEGER)
                  .required()
                  .doc("position of the item in the formula set"))
          .column(builder("unit", STRING))
          .column(builder("value", DOUBLE).doc("indicator value, null when not computable"))
          .column(builder("benchmark", DOUBLE))
          .column(
              builder("benchmark_basis", STRING)
                  .accepted("fixed", "prior_year", "same_year")
                  .doc(
                      "fixed value, prior-year group average, or same-year average (no prior year)"))
          .column(builder("weight", DOUBLE).required())
          .column(
              builder("item_score", DOUBLE)
                  .doc("null when the item was dropped (missing: reweight)"))
          .column(
              builder("imputed", BOOLEAN)
                  .required()
                  .doc("true when the item got the missing-data score"))
          .key("credit_code", "year", "item_code")
          .partitionBy("year")
          .build();

  public static final DatasetContract ZONE =
      measures(
              DatasetContract.builder("permu_zone")
                  .zh("园区亩均效益汇总")
                  .doc("One row per zone and year: firms located in the zone.")
                  .column(builder("zone_code", STRING).required())
                  .column(builder("zone_name", STRING))
                  .column(builder("city", STRING))
                  .column(builder("county", STRING))
                  .column(builder("year", INTEGER).required()),
              true)
          .key("zone_code", "year")
          .build();

  public static final DatasetContract AREA =
      measures(
              DatasetContract.builder("permu_area")
                  .zh("县区、设区市亩均效益汇总")
                  .doc("One row per county or city and year: firms located in the area.")
                  .column(builder("area_code", STRING).required())
                  .column(builder("area_name", STRING))
                  .column(builder("area_level", STRING).required().accepted("city", "county"))
                  .column(builder("city", STRING))
                  .column(builder("year", INTEGER).required()),
              false)
          .key("area_code", "year")
          .build();

  public static final DatasetContract ZONE_INDICATORS =
      DatasetContract.builder("permu_zone_indicators")
          .zh("园区亩均效益指标（供综合考核）")
          .doc("Long rows the zone assessment can join: zone, period, indicator, value.")
          .column(builder("zone_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(
              builder("indicator_code", STRING)
                  .required()
                  .accepted(
                      "permu_tax_per_mu",
                      "permu_value_added_per_mu",
                      "permu_share_a",
                      "permu_share_d"))
          .column(builder("value", DOUBLE).required())
          .key("zone_code", "period", "indicator_code")
          .build();

  public static final List<DatasetContract> ALL =
      List.of(ENTERPRISE, ENTERPRISE_ITEMS, ZONE, AREA, ZONE_INDICATORS);

  private static DatasetContract enterprise() {
    DatasetContract.Builder b =
        DatasetContract.builder("permu_enterprise")
            .zh("企业亩均效益评价结果")
            .doc("One row per enterprise and evaluated year. Partitioned by year.")
            .column(builder("credit_code", STRING).required())
            .column(builder("enterprise_name", STRING).required())
            .column(builder("zone_code", STRING))
            .column(builder("county_code", STRING).required())
            .column(builder("county", STRING))
            .column(builder("city", STRING))
            .column(builder("city_code", STRING))
            .column(builder("year", INTEGER).required())
            .column(builder("scale", STRING).required().accepted("above", "below"))
            .column(builder("scheme_id", STRING).required())
            .column(builder("land_area_mu", DOUBLE).required().unit("亩"))
            .column(builder("tax_paid_10k", DOUBLE).unit("万元"))
            .column(builder("revenue_10k", DOUBLE).unit("万元"))
            .column(builder("value_added_10k", DOUBLE).unit("万元"))
            .column(builder("electricity_10k_kwh", DOUBLE).unit("万千瓦时"));
    for (String r : RATIOS) {
      b.column(builder(r, DOUBLE));
    }
    return b.column(builder("total_score", DOUBLE).doc("null for class T"))
        .column(builder("group_code", STRING).doc("class grouping: county / zone / city code"))
        .column(builder("group_size", INTEGER).doc("evaluated firms in the group; null for T"))
        .column(builder("rank_in_group", INTEGER).doc("competition rank, 1 = best; null for T"))
        .column(builder("per_mu_class", STRING).required())
        .column(builder("t_reason", STRING))
        .column(builder("years_in_d", INTEGER).required())
        .column(builder("surcharge_per_kwh", DOUBLE).required().unit("元/千瓦时"))
        .column(builder("surcharge_estimate_10k", DOUBLE).unit("万元"))
        .key("credit_code", "year")
        .partitionBy("year")
        .build();
  }

  private static DatasetContract.Builder measures(DatasetContract.Builder b, boolean zoneStats) {
    b.column(builder("enterprises", LONG).required())
        .column(builder("evaluated", LONG).required())
        .column(builder("land_mu", DOUBLE).required().unit("亩"))
        .column(builder("tax_per_mu", DOUBLE).unit("万元/亩"))
        .column(builder("value_added_per_mu", DOUBLE).unit("万元/亩"))
        .column(builder("revenue_per_mu", DOUBLE).unit("万元/亩"))
        .column(builder("output_per_km2_100m", DOUBLE).unit("亿元/平方公里"));
    if (zoneStats) {
      b.column(builder("output_per_km2_zone_stats", DOUBLE).unit("亿元/平方公里"));
    }
    for (String c : List.of("count_a", "count_b", "count_c", "count_d", "count_t")) {
      b.column(builder(c, LONG).required());
    }
    for (String c : List.of("share_a", "share_b", "share_c", "share_d")) {
      b.column(builder(c, DOUBLE));
    }
    return b.column(builder("d_land_mu", DOUBLE).required().unit("亩"))
        .column(builder("surcharge_revenue_10k", DOUBLE).required().unit("万元"))
        .column(builder("tax_per_mu_prev", DOUBLE).unit("万元/亩"))
        .column(builder("tax_per_mu_change_pct", DOUBLE).unit("%"));
  }

  /** Column names of {@code contract}, in order (for selects). */
  public static List<String> columns(DatasetContract contract) {
    return contract.columns().stream().map(ColumnSpec::name).toList();
  }
}
