package zoneassess.reports.marts;

import zoneassess.reports.model.CostIndex;
import zoneassess.reports.model.CostPosition;
import zoneassess.reports.model.DEnterprise;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.FunnelRow;
import zoneassess.reports.model.IndicatorValue;
import zoneassess.reports.model.PerMuArea;
import zoneassess.reports.model.PerMuMeasures;
import zoneassess.reports.model.PerMuZone;
import zoneassess.reports.model.ProfileCost;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;

/**
 * The one place that knows mart names and column names (docs/marts.md). If an engine publishes a
 * column under another name, change it here and nowhere else. Columns read with {@code opt*} may be
 * missing; the others must exist.
 */
public final class MartMapping {
  private MartMapping() {}

  public static final String ASSESSMENT = "assessment";
  public static final String DIMENSIONS = "assessment_dimensions";
  public static final String INDICATORS = "assessment_indicators";
  public static final String WARNINGS = "assessment_warnings";
  public static final String FUNNEL = "project_funnel";
  public static final String PERMU_ENTERPRISE = "permu_enterprise";
  public static final String PERMU_ZONE = "permu_zone";
  public static final String PERMU_AREA = "permu_area";
  public static final String COST_BENCHMARK = "cost_benchmark";
  public static final String COST_PROFILE = "cost_profile";
  public static final String COST_INDEX = "cost_index";
  public static final String ALLOCATION_ENTERPRISE = "allocation_enterprise";
  public static final String ALLOCATION_ZONE = "allocation_zone";
  public static final String LAND_RECOVERY = "land_recovery";

  /** Price factors of {@code allocation_enterprise}: column prefix and Chinese name. */
  public static final java.util.List<String[]> PRICE_FACTORS =
      java.util.List.of(
          new String[] {"electricity", "电"},
          new String[] {"water", "水"},
          new String[] {"natural_gas", "天然气"},
          new String[] {"sewage", "污水处理"});

  /** The column that holds the per-mu class in {@code permu_enterprise}. */
  public static final String PER_MU_CLASS = "per_mu_class";

  public static final String ENTERPRISE_CITY = "city";
  public static final String ENTERPRISE_ZONE = "zone_code";
  public static final String ENTERPRISE_YEAR = "year";

  public static ZoneResult zoneResult(MartRow r) {
    Integer warnings = r.optInteger("warning_count");
    Boolean eligible = r.bool("eligible");
    return new ZoneResult(
        r.str("zone_code"),
        r.str("zone_name"),
        r.str("city"),
        r.optStr("county"),
        r.optStr("region"),
        r.str("level"),
        r.optStr("zone_type"),
        r.str("period"),
        r.optStr("methodology_id"),
        r.optStr("methodology_version"),
        r.optDbl("index_score"),
        r.optDbl("deductions"),
        r.optDbl("bonuses"),
        r.optDbl("progress_points"),
        r.dbl("final_score"),
        eligible == null || eligible,
        r.optStr("veto_reason"),
        r.integer("rank_all"),
        r.optInteger("rank_level"),
        r.optInteger("rank_city"),
        r.optInteger("zones_all"),
        r.optInteger("prev_rank_all"),
        r.optInteger("delta_rank"),
        r.optStr("progress_class"),
        r.optStr("tier"),
        r.optDbl("salary_coefficient"),
        r.optStr("mark"),
        warnings == null ? 0 : warnings);
  }

  public static DimensionScore dimension(MartRow r) {
    Integer order = r.optInteger("sort_order");
    return new DimensionScore(
        r.str("zone_code"),
        r.str("period"),
        r.str("dimension_code"),
        r.str("dimension_name_zh"),
        r.optDbl("weight"),
        r.dbl("score"),
        r.optInteger("rank_all"),
        r.optDbl("province_mean"),
        r.optDbl("province_best"),
        order == null ? 0 : order);
  }

  public static IndicatorValue indicator(MartRow r) {
    Boolean imputed = r.optBool("imputed");
    return new IndicatorValue(
        r.str("zone_code"),
        r.str("period"),
        r.str("indicator_code"),
        r.str("indicator_name_zh"),
        r.optStr("unit"),
        r.optStr("dimension_code"),
        r.optDbl("raw_value"),
        imputed != null && imputed,
        r.optDbl("percentile"),
        r.optStr("direction"));
  }

  public static Warning warning(MartRow r) {
    return new Warning(
        r.str("zone_code"),
        r.str("period"),
        r.optStr("rule_id"),
        r.optStr("rule_name_zh"),
        r.optStr("kind"),
        r.optStr("severity"),
        r.optDbl("points"),
        r.optStr("triggered_years"),
        r.optStr("message_zh"));
  }

  public static FunnelRow funnel(MartRow r) {
    return new FunnelRow(
        r.str("zone_code"),
        r.integer("year"),
        r.str("tier"),
        zeroIfNull(r.lng("signed")),
        zeroIfNull(r.lng("started")),
        zeroIfNull(r.lng("producing")),
        zeroIfNull(r.lng("target_met")),
        r.optDbl("investment_started_100m"));
  }

  public static PerMuZone perMuZone(MartRow r) {
    return new PerMuZone(
        r.str("zone_code"),
        r.optStr("zone_name"),
        r.optStr("city"),
        r.integer("year"),
        measures(r));
  }

  public static PerMuArea perMuArea(MartRow r) {
    return new PerMuArea(
        r.str("area_code"),
        r.str("area_name"),
        r.str("area_level"),
        r.optStr("city"),
        r.integer("year"),
        measures(r));
  }

  private static PerMuMeasures measures(MartRow r) {
    return new PerMuMeasures(
        r.optLng("enterprises"),
        r.optLng("evaluated"),
        r.optDbl("land_mu"),
        r.optDbl("tax_per_mu"),
        r.optDbl("value_added_per_mu"),
        r.optDbl("revenue_per_mu"),
        zeroIfNull(r.optLng("count_a")),
        zeroIfNull(r.optLng("count_b")),
        zeroIfNull(r.optLng("count_c")),
        zeroIfNull(r.optLng("count_d")),
        zeroIfNull(r.optLng("count_t")),
        r.optDbl("share_a"),
        r.optDbl("share_b"),
        r.optDbl("share_c"),
        r.optDbl("share_d"),
        r.optDbl("d_land_mu"),
        r.optDbl("surcharge_revenue_10k"),
        r.optDbl("tax_per_mu_change_pct"));
  }

  public static boolean isDClass(MartRow r) {
    return "D".equals(r.str(PER_MU_CLASS));
  }

  public static DEnterprise dEnterprise(MartRow r) {
    return new DEnterprise(
        r.str("credit_code"),
        r.str("enterprise_name"),
        r.optStr("zone_code"),
        r.optStr("county"),
        r.optStr("city"),
        r.integer("year"),
        r.optStr("scale"),
        r.optDbl("land_area_mu"),
        r.optDbl("tax_per_mu"),
        r.optDbl("revenue_per_mu"),
        r.optDbl("total_score"),
        r.optInteger("rank_in_group"),
        r.optInteger("group_size"),
        r.optInteger("years_in_d"),
        r.optDbl("surcharge_per_kwh"),
        r.optDbl("surcharge_estimate_10k"));
  }

  public static CostPosition costPosition(MartRow r) {
    return new CostPosition(
        r.str("factor_code"),
        r.str("factor_name_zh"),
        r.optStr("subcategory"),
        r.optStr("subcategory_name_zh"),
        r.optStr("unit"),
        r.str("period"),
        r.optStr("period_type"),
        r.str("location_code"),
        r.str("location_name"),
        r.str("location_level"),
        r.optStr("city"),
        r.optDbl("value"),
        r.optDbl("p_min"),
        r.optDbl("p25"),
        r.optDbl("median"),
        r.optDbl("p75"),
        r.optDbl("p_max"),
        r.optInteger("n_locations"),
        r.optDbl("index_vs_median"),
        r.optDbl("percentile"),
        r.optInteger("rank"),
        r.optDbl("change_yoy_pct"));
  }

  public static ProfileCost profileCost(MartRow r) {
    return new ProfileCost(
        r.str("profile_id"),
        r.str("profile_name_zh"),
        r.str("location_code"),
        r.str("location_name"),
        r.str("location_level"),
        r.optStr("city"),
        r.integer("year"),
        r.optDbl("total_cost_10k"),
        r.optInteger("rank"),
        r.optDbl("gap_to_cheapest_10k"),
        r.optDbl("gap_to_median_10k"),
        r.optDbl("index_vs_median"));
  }

  public static CostIndex costIndex(MartRow r) {
    return new CostIndex(
        r.str("location_code"),
        r.str("location_name"),
        r.str("location_level"),
        r.optStr("city"),
        r.integer("year"),
        r.optDbl("composite_index"),
        r.optInteger("rank"));
  }

  private static long zeroIfNull(Long v) {
    return v == null ? 0L : v;
  }
}
