package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/** The factor-cost benchmark marts (written by the costs stage, read by the packs). */
public final class CostMarts {
  public static final DatasetContract COST_BENCHMARK =
      DatasetContract.builder("cost_benchmark")
          .zh("要素成本对标")
          .doc(
              "One price of one factor sub-category at one location for one period, placed in the"
                  + " provincial distribution of its location level (cities with cities, counties"
                  + " with counties, zones with zones). Lower is cheaper.")
          .column(builder("factor_code", STRING).required())
          .column(builder("factor_name_zh", STRING).required())
          .column(builder("subcategory", STRING).required())
          .column(builder("subcategory_name_zh", STRING).required())
          .column(builder("unit", STRING).required().doc("Catalogue unit of value."))
          .column(builder("period", STRING).required().doc("yyyy-MM, yyyyQn or yyyy."))
          .column(builder("period_type", STRING).required().accepted("month", "quarter", "year"))
          .column(builder("location_code", STRING).required())
          .column(builder("location_name", STRING))
          .column(builder("location_level", STRING).required().accepted("city", "county", "zone"))
          .column(builder("city", STRING).doc("Name of the city the location belongs to."))
          .column(
              builder("value_source", STRING)
                  .required()
                  .accepted("own", "county", "city")
                  .doc("own price, or the county's or city's price inherited."))
          .column(builder("value", DOUBLE).required())
          .column(builder("p_min", DOUBLE))
          .column(builder("p25", DOUBLE).doc("Exact percentile, linear interpolation."))
          .column(builder("median", DOUBLE))
          .column(builder("p75", DOUBLE))
          .column(builder("p_max", DOUBLE))
          .column(builder("mean", DOUBLE))
          .column(builder("n_locations", INTEGER))
          .column(builder("index_vs_median", DOUBLE).doc("value / median × 100."))
          .column(
              builder("percentile", DOUBLE)
                  .doc("100 × (locations strictly cheaper) / (n − 1); 0 = cheapest; 0 when n = 1."))
          .column(builder("rank", INTEGER).doc("Competition rank, 1 = cheapest, ties share."))
          .column(
              builder("change_prev_pct", DOUBLE).doc("vs the previous period of the same type."))
          .column(builder("change_yoy_pct", DOUBLE).doc("vs the same period a year earlier."))
          .column(
              builder("months_covered", INTEGER)
                  .doc("Months a quarter or year was carried from; null for reported values."))
          .column(builder("carry_rule", STRING).doc("average / period_end / reported."))
          .key("factor_code", "subcategory", "period", "location_level", "location_code")
          .build();

  public static final DatasetContract COST_GAPS =
      DatasetContract.builder("cost_gaps")
          .zh("要素成本缺报")
          .doc(
              "Missing months and input problems: a location that reports a series but misses a"
                  + " month in which other locations reported it, a unit that does not convert to"
                  + " the catalogue's, an unknown factor or sub-category.")
          .column(builder("location_code", STRING).required())
          .column(builder("location_level", STRING))
          .column(builder("factor_code", STRING))
          .column(builder("subcategory", STRING))
          .column(builder("period", STRING))
          .column(
              builder("kind", STRING)
                  .required()
                  .accepted(
                      "missing_month",
                      "unit_not_convertible",
                      "unknown_factor",
                      "unknown_subcategory"))
          .column(builder("note", STRING).required())
          .column(builder("source_file", STRING))
          .column(builder("source_row", INTEGER))
          .build();

  public static final DatasetContract COST_PROFILE =
      DatasetContract.builder("cost_profile")
          .zh("典型企业要素成本")
          .doc("A typical-firm profile priced at one location for one year.")
          .column(builder("profile_id", STRING).required())
          .column(builder("profile_name_zh", STRING).required())
          .column(builder("location_code", STRING).required())
          .column(builder("location_name", STRING))
          .column(builder("location_level", STRING).required())
          .column(builder("city", STRING))
          .column(builder("year", INTEGER).required())
          .column(builder("total_cost_10k", DOUBLE).unit("万元").doc("Annual cost, 万元/年."))
          .column(builder("rank", INTEGER).doc("Among locations of the same level; 1 = cheapest."))
          .column(builder("gap_to_cheapest_10k", DOUBLE).unit("万元"))
          .column(
              builder("gap_to_median_10k", DOUBLE)
                  .unit("万元")
                  .doc("total − median of the totals of the level."))
          .column(builder("index_vs_median", DOUBLE).doc("total / median total × 100."))
          .column(
              builder("median_priced_lines", INTEGER)
                  .doc("Lines priced at the level's median because the location has no price."))
          .key("profile_id", "year", "location_level", "location_code")
          .build();

  public static final DatasetContract COST_PROFILE_BREAKDOWN =
      DatasetContract.builder("cost_profile_breakdown")
          .zh("典型企业要素成本构成")
          .doc("A profile's annual cost at one location split by factor.")
          .column(builder("profile_id", STRING).required())
          .column(builder("location_code", STRING).required())
          .column(builder("location_level", STRING).required())
          .column(builder("year", INTEGER).required())
          .column(builder("factor_code", STRING).required())
          .column(builder("factor_name_zh", STRING))
          .column(builder("cost_10k", DOUBLE).unit("万元"))
          .column(builder("share", DOUBLE).doc("cost_10k / total, 0–1."))
          .column(
              builder("price_source", STRING)
                  .doc(
                      "own / county / city, 'median' when any line of the factor used the median."))
          .key("profile_id", "year", "location_level", "location_code", "factor_code")
          .build();

  public static final DatasetContract COST_INDEX =
      DatasetContract.builder("cost_index")
          .zh("要素成本综合指数")
          .doc(
              "Composite cost index per location and year: factor price relatives weighted by the"
                  + " profiles' cost shares at median prices, rescaled so that the median location of"
                  + " the level is 100. Lower is cheaper.")
          .column(builder("location_code", STRING).required())
          .column(builder("location_name", STRING))
          .column(builder("location_level", STRING).required())
          .column(builder("city", STRING))
          .column(builder("year", INTEGER).required())
          .column(builder("composite_index", DOUBLE).doc("Median location of the level = 100."))
          .column(
              builder("composite_vs_median_prices", DOUBLE)
                  .doc("Σ weight × relative × 100 before rescaling (median prices = 100)."))
          .column(builder("rank", INTEGER).doc("1 = cheapest."))
          .key("year", "location_level", "location_code")
          .build();

  public static final List<DatasetContract> ALL =
      List.of(COST_BENCHMARK, COST_GAPS, COST_PROFILE, COST_PROFILE_BREAKDOWN, COST_INDEX);

  private CostMarts() {}
}
