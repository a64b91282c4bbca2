package zoneassess.schema.dataset;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.BOOLEAN;
import static zoneassess.schema.dataset.ColumnType.DATE;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import java.util.Optional;

/**
 * The canonical input datasets: one declaration each. Ingestion conforms every input file to these
 * (header aliases, types, units), validates it, and stages the accepted rows under the same column
 * names; the data dictionary ({@code docs/data-dictionary.md}) is generated from here.
 *
 * <p>Order matters: a dataset is validated after the datasets it references.
 *
 * <p>Longer than 500 lines on purpose: it is a table of declarations (one block per dataset, one
 * line per column), read top to bottom like the data dictionary; splitting it would only scatter
 * the validation order over files.
 */
public final class Datasets {
  /**
   * The years input rows can plausibly be about: from the first assessments with comparable
   * statistics to a few years ahead of the current round. Widen {@code LAST_PLAUSIBLE_YEAR} as the
   * rounds go by.
   */
  public static final int FIRST_PLAUSIBLE_YEAR = 2000;

  public static final int LAST_PLAUSIBLE_YEAR = 2030;

  /** yyyy, yyyyQn or yyyy-MM. */
  public static final String PERIOD_PATTERN = "^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$";

  public static final DatasetContract AREAS =
      DatasetContract.builder("areas")
          .zh("行政区划")
          .doc(
              "Administrative areas: the province's cities and counties/districts (GB/T 2260 codes).")
          .column(
              builder("area_code", STRING)
                  .required()
                  .zh("区划代码")
                  .aliases("行政区划代码", "代码")
                  .pattern("^[0-9]{6}$")
                  .doc("Six-digit GB/T 2260 code."))
          .column(builder("area_name", STRING).required().zh("区划名称").aliases("名称", "地区"))
          .column(
              builder("area_level", STRING)
                  .required()
                  .zh("层级")
                  .aliases("级别")
                  .accepted("province", "city", "county"))
          .column(builder("parent_code", STRING).zh("上级区划代码").aliases("上级代码").pattern("^[0-9]{6}$"))
          .column(
              builder("region", STRING)
                  .zh("区域")
                  .aliases("苏南苏中苏北", "片区")
                  .accepted("south", "central", "north")
                  .doc("South / central / north region (苏南 / 苏中 / 苏北); blank for the province."))
          .key("area_code")
          .build();

  public static final DatasetContract ZONES =
      DatasetContract.builder("zones")
          .zh("开发区名录")
          .doc("One row per assessed development zone.")
          .column(
              builder("zone_code", STRING)
                  .required()
                  .zh("园区代码")
                  .aliases("开发区代码", "园区编码")
                  .pattern("^[A-Z0-9-]{3,20}$"))
          .column(builder("zone_name", STRING).required().zh("园区名称").aliases("开发区名称"))
          .column(builder("city", STRING).required().zh("设区市").aliases("所在市", "城市"))
          .column(
              builder("city_code", STRING)
                  .required()
                  .zh("设区市代码")
                  .aliases("市代码")
                  .pattern("^[0-9]{6}$"))
          .column(builder("county", STRING).zh("县（市、区）").aliases("所在县区", "县区"))
          .column(builder("county_code", STRING).zh("县区代码").aliases("县代码").pattern("^[0-9]{6}$"))
          .column(
              builder("region", STRING)
                  .required()
                  .zh("区域")
                  .aliases("片区")
                  .accepted("south", "central", "north"))
          .column(
              builder("level", STRING)
                  .required()
                  .zh("级别")
                  .aliases("园区级别", "开发区级别")
                  .accepted("national", "provincial"))
          .column(
              builder("zone_type", STRING)
                  .required()
                  .zh("类型")
                  .aliases("园区类型", "开发区类型")
                  .accepted("economic_technological", "high_tech", "bonded", "industrial_park"))
          .column(
              builder("approved_area_km2", DOUBLE)
                  .required()
                  .unit("平方公里")
                  .zh("批准面积")
                  .aliases("核准面积", "批准面积（平方公里）")
                  .range(0.01, 2000.0))
          .column(
              builder("established_year", INTEGER)
                  .zh("设立年份")
                  .aliases("批准设立年份", "成立年份")
                  .range(1984.0, 2030.0))
          .key("zone_code")
          .references("city_code", "areas", "area_code")
          .references("county_code", "areas", "area_code")
          .build();

  public static final DatasetContract ZONE_STATS =
      DatasetContract.builder("zone_stats")
          .zh("开发区统计指标")
          .doc(
              "Long format: one raw statistic of one zone for one period. Periods are yyyy"
                  + " (annual), yyyyQn (quarter) or yyyy-MM (month); sub-annual figures of flow"
                  + " indicators are year-to-date.")
          .column(builder("zone_code", STRING).required().zh("园区代码").aliases("开发区代码", "园区编码"))
          .column(
              builder("period", STRING)
                  .required()
                  .zh("统计期")
                  .aliases("年份", "期间", "统计期间")
                  .pattern(PERIOD_PATTERN))
          .column(
              builder("indicator_code", STRING)
                  .required()
                  .zh("指标代码")
                  .aliases("指标", "指标名称")
                  .doc("A code of the indicator catalogue (or its Chinese name)."))
          .column(builder("value", DOUBLE).required().zh("数值").aliases("指标值", "值"))
          .column(
              builder("unit", STRING)
                  .required()
                  .zh("单位")
                  .aliases("计量单位")
                  .doc("Converted to the catalogue's unit where the family allows."))
          .column(builder("source", STRING).zh("数据来源").aliases("来源"))
          .column(
              builder("basis", STRING)
                  .zh("口径")
                  .aliases("数据口径")
                  .accepted("final", "ytd", "preliminary")
                  .doc(
                      "final = annual final figure; ytd = year to date; blank = final for a year,"
                          + " ytd for a quarter or month."))
          .key("zone_code", "period", "indicator_code")
          .references("zone_code", "zones", "zone_code")
          .rule(
              new RowRule(
                  "non_negative",
                  Severity.REJECT,
                  "value >= 0",
                  List.of("value"),
                  "统计值不能为负 / a raw statistic cannot be negative"))
          .rule(
              new RowRule(
                  "percent_range",
                  Severity.REJECT,
                  "unit <> '%' OR value <= 100",
                  List.of("value"),
                  "百分比应在 0–100 之间 / a percentage must lie in 0–100"))
          .rule(
              new RowRule(
                  "basis_period",
                  Severity.REJECT,
                  "NOT (basis = 'final' AND length(period) <> 4)"
                      + " AND NOT (basis = 'ytd' AND length(period) = 4)",
                  List.of("basis", "period"),
                  "口径与统计期不符 / final figures are for a year, year-to-date ones for a quarter"
                      + " or month"))
          .plausibleYears(FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR, "period")
          .partitionBy("period")
          .build();

  public static final DatasetContract ENTERPRISES =
      DatasetContract.builder("enterprises")
          .zh("企业亩均效益数据")
          .doc("One row per enterprise and year (per-mu evaluation micro-data).")
          .column(
              builder("credit_code", STRING)
                  .required()
                  .zh("统一社会信用代码")
                  .aliases("信用代码", "社会信用代码")
                  .pattern(CreditCode.SHAPE)
                  .doc("18 characters, GB 32100-2015; the check character is verified."))
          .column(builder("enterprise_name", STRING).required().zh("企业名称").aliases("单位名称"))
          .column(builder("zone_code", STRING).zh("园区代码").aliases("所在园区代码", "开发区代码"))
          .column(
              builder("county_code", STRING)
                  .required()
                  .zh("县区代码")
                  .aliases("所在县区代码")
                  .pattern("^[0-9]{6}$"))
          .column(builder("county", STRING).zh("县区").aliases("所在县区"))
          .column(
              builder("year", INTEGER).required().zh("年份").aliases("评价年度").range(2000.0, 2100.0))
          .column(
              builder("industry_code", STRING)
                  .zh("行业代码")
                  .aliases("国民经济行业代码")
                  .pattern("^[A-T]?[0-9]{2,4}$")
                  .doc("GB/T 4754 class."))
          .column(
              builder("scale", STRING)
                  .required()
                  .zh("规模")
                  .aliases("规上规下", "企业规模")
                  .accepted("above", "below")
                  .doc("above / below designated size (规上 / 规下)."))
          .column(
              builder("land_area_mu", DOUBLE)
                  .required()
                  .unit("亩")
                  .zh("用地面积")
                  .aliases("用地面积（亩）", "占地面积")
                  .range(0.0, 100000.0)
                  .doc("Land used; zero or blank is rejected (no per-mu value without land)."))
          .column(
              builder("tax_paid_10k", DOUBLE)
                  .required()
                  .unit("万元")
                  .zh("实缴税收")
                  .aliases("税收", "税收（万元）", "实缴税金")
                  .range(0.0, null))
          .column(
              builder("revenue_10k", DOUBLE)
                  .unit("万元")
                  .zh("销售收入")
                  .aliases("营业收入", "主营业务收入", "销售收入（万元）")
                  .range(0.0, null))
          .column(
              builder("value_added_10k", DOUBLE).unit("万元").zh("工业增加值").aliases("增加值", "增加值（万元）"))
          .column(
              builder("energy_tce", DOUBLE)
                  .unit("吨标煤")
                  .zh("综合能耗")
                  .aliases("能耗", "综合能耗（吨标煤）")
                  .range(0.0, null))
          .column(
              builder("electricity_10k_kwh", DOUBLE)
                  .unit("万千瓦时")
                  .zh("用电量")
                  .aliases("用电量（万千瓦时）")
                  .range(0.0, null))
          .column(
              builder("emissions_eq_t", DOUBLE)
                  .unit("吨")
                  .zh("主要污染物排放当量")
                  .aliases("排放当量", "排污当量")
                  .range(0.0, null))
          .column(
              builder("rnd_expense_10k", DOUBLE)
                  .unit("万元")
                  .zh("研发经费")
                  .aliases("研发费用", "R&D经费")
                  .range(0.0, null))
          .column(
              builder("employees", INTEGER)
                  .unit("人")
                  .zh("从业人数")
                  .aliases("年平均职工人数", "从业人员")
                  .range(0.0, 1000000.0))
          .column(
              builder("production_start_year", INTEGER)
                  .zh("投产年份")
                  .aliases("投产时间")
                  .range(1900.0, 2100.0))
          .column(
              builder("utility", BOOLEAN)
                  .zh("公用事业")
                  .aliases("水电气企业")
                  .doc("Water, power or gas supplier (not evaluated: class T)."))
          .column(
              builder("water_10k_m3", DOUBLE)
                  .unit("万立方米")
                  .zh("用水量")
                  .aliases("用水量（万立方米）", "用水量（万吨）")
                  .range(0.0, null)
                  .doc("Optional: for differentiated water prices (docs/allocation.md)."))
          .column(
              builder("gas_10k_m3", DOUBLE)
                  .unit("万立方米")
                  .zh("天然气用量")
                  .aliases("用气量", "天然气用量（万立方米）")
                  .range(0.0, null)
                  .doc("Optional: for differentiated gas prices."))
          .column(
              builder("sewage_10k_m3", DOUBLE)
                  .unit("万立方米")
                  .zh("污水排放量")
                  .aliases("排水量", "污水排放量（万立方米）", "污水排放量（万吨）")
                  .range(0.0, null)
                  .doc("Optional: for differentiated sewage-treatment prices."))
          .column(
              builder("specialised_level", STRING)
                  .zh("专精特新等级")
                  .aliases("专精特新", "专精特新级别")
                  .accepted("national", "provincial")
                  .doc("专精特新: national (国家级“小巨人”) or provincial (省级); blank = neither."))
          .column(
              builder("high_tech", BOOLEAN)
                  .zh("高新技术企业")
                  .aliases("是否高新技术企业", "高企")
                  .doc("Certified high-tech enterprise (高新技术企业)."))
          .key("credit_code", "year")
          .references("zone_code", "zones", "zone_code")
          .references("county_code", "areas", "area_code")
          .rule(
              new RowRule(
                  "land_positive",
                  Severity.REJECT,
                  "land_area_mu > 0",
                  List.of("land_area_mu"),
                  "用地面积必须大于 0 / land area must be positive"))
          .rule(
              new RowRule(
                  "tax_vs_revenue",
                  Severity.REJECT,
                  "revenue_10k IS NULL OR revenue_10k = 0 OR tax_paid_10k <= 2 * revenue_10k",
                  List.of("tax_paid_10k", "revenue_10k"),
                  "税收超过销售收入 2 倍，不可信 / tax exceeds twice the revenue"))
          .rule(
              new RowRule(
                  "tax_over_revenue",
                  Severity.WARN,
                  "revenue_10k IS NULL OR tax_paid_10k <= revenue_10k",
                  List.of("tax_paid_10k", "revenue_10k"),
                  "税收大于销售收入，请核实 / tax larger than revenue, check"))
          .rule(
              new RowRule(
                  "production_after_year",
                  Severity.REJECT,
                  "production_start_year IS NULL OR production_start_year <= year",
                  List.of("production_start_year"),
                  "投产年份晚于评价年度 / production starts after the evaluated year"))
          .plausibleYears(FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR, "year")
          .partitionBy("year")
          .build();

  public static final DatasetContract FACTOR_COSTS =
      DatasetContract.builder("factor_costs")
          .zh("生产要素成本")
          .doc(
              "One price of one factor sub-category at one location (city, county or zone) for"
                  + " one period (usually a month).")
          .column(
              builder("region_code", STRING)
                  .required()
                  .zh("地区代码")
                  .aliases("区划代码", "地区编码")
                  .doc("Area code for a city or county, zone code for a zone."))
          .column(
              builder("region_level", STRING)
                  .required()
                  .zh("地区层级")
                  .aliases("层级")
                  .accepted("city", "county", "zone"))
          .column(
              builder("period", STRING)
                  .required()
                  .zh("期间")
                  .aliases("月份", "统计期")
                  .pattern(PERIOD_PATTERN))
          .column(builder("factor_code", STRING).required().zh("要素代码").aliases("要素"))
          .column(
              builder("subcategory", STRING)
                  .required()
                  .zh("细分类别")
                  .aliases("子类", "类别")
                  .doc("Voltage class, time of use, tier … as the factor catalogue declares."))
          .column(
              builder("value", DOUBLE).required().zh("价格").aliases("数值", "价格水平").range(0.0, null))
          .column(builder("unit", STRING).required().zh("单位").aliases("计量单位"))
          .column(builder("source", STRING).zh("来源"))
          .key("region_code", "period", "factor_code", "subcategory")
          .referencesWhen("region_level = 'zone'", "region_code", "zones", "zone_code")
          .referencesWhen("region_level <> 'zone'", "region_code", "areas", "area_code")
          .plausibleYears(FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR, "period")
          .partitionBy("period")
          .build();

  public static final DatasetContract MAJOR_PROJECTS =
      DatasetContract.builder("major_projects")
          .zh("重大项目库")
          .doc("Register of major projects per zone, with the dates of each funnel stage.")
          .column(builder("project_id", STRING).required().zh("项目编号").aliases("项目代码"))
          .column(builder("project_name", STRING).required().zh("项目名称"))
          .column(builder("zone_code", STRING).required().zh("园区代码").aliases("所在园区代码"))
          .column(
              builder("investment_100m_cny", DOUBLE)
                  .required()
                  .unit("亿元")
                  .zh("总投资")
                  .aliases("总投资（亿元）", "计划总投资")
                  .range(0.0, 10000.0))
          .column(
              builder("foreign_investment_100m_usd", DOUBLE)
                  .unit("亿美元")
                  .zh("外资金额")
                  .aliases("外资（亿美元）", "利用外资")
                  .range(0.0, 1000.0))
          .column(builder("industry_chain", STRING).zh("产业链").aliases("所属产业链"))
          .column(builder("signed_date", DATE).zh("签约日期").aliases("签约时间"))
          .column(builder("construction_start_date", DATE).zh("开工日期").aliases("开工时间"))
          .column(builder("production_date", DATE).zh("投产日期").aliases("投产时间"))
          .column(builder("target_met_date", DATE).zh("达产日期").aliases("达产时间"))
          .column(
              builder("status", STRING)
                  .zh("状态")
                  .aliases("项目状态")
                  .accepted(
                      "signed", "under_construction", "in_production", "target_met", "cancelled"))
          .key("project_id")
          .references("zone_code", "zones", "zone_code")
          .rule(
              new RowRule(
                  "start_after_signing",
                  Severity.REJECT,
                  "signed_date IS NULL OR construction_start_date IS NULL"
                      + " OR construction_start_date >= signed_date",
                  List.of("construction_start_date", "signed_date"),
                  "开工早于签约 / construction started before signing"))
          .rule(
              new RowRule(
                  "production_after_start",
                  Severity.REJECT,
                  "construction_start_date IS NULL OR production_date IS NULL"
                      + " OR production_date >= construction_start_date",
                  List.of("production_date", "construction_start_date"),
                  "投产早于开工 / production before construction start"))
          .rule(
              new RowRule(
                  "production_after_signing",
                  Severity.REJECT,
                  "signed_date IS NULL OR production_date IS NULL OR production_date >= signed_date",
                  List.of("production_date", "signed_date"),
                  "投产早于签约 / production before signing"))
          .rule(
              new RowRule(
                  "target_after_production",
                  Severity.REJECT,
                  "target_met_date IS NULL OR target_met_date >="
                      + " greatest(signed_date, construction_start_date, production_date)",
                  List.of(
                      "target_met_date",
                      "production_date",
                      "construction_start_date",
                      "signed_date"),
                  "达产早于投产、开工或签约 / target met before production, construction start or"
                      + " signing"))
          .plausibleYears(
              FIRST_PLAUSIBLE_YEAR,
              LAST_PLAUSIBLE_YEAR,
              "signed_date",
              "construction_start_date",
              "production_date",
              "target_met_date")
          .build();

  public static final DatasetContract ZONE_EVENTS =
      DatasetContract.builder("zone_events")
          .zh("开发区事件")
          .doc("Events that trigger vetoes, deductions or bonuses in the assessment.")
          .column(builder("zone_code", STRING).required().zh("园区代码").aliases("开发区代码"))
          .column(builder("event_date", DATE).required().zh("发生日期").aliases("日期", "事件日期"))
          .column(
              builder("event_type", STRING)
                  .required()
                  .zh("事件类型")
                  .aliases("类型")
                  .accepted(
                      "major_safety_accident",
                      "environmental_incident",
                      "inspection_central",
                      "inspection_provincial",
                      "negative_case",
                      "award"))
          .column(
              builder("count", INTEGER)
                  .zh("次数")
                  .aliases("数量", "问题数")
                  .range(1.0, 1000.0)
                  .doc("Number of findings the event stands for (blank = 1)."))
          .column(builder("note", STRING).zh("说明").aliases("备注", "事件说明"))
          .key("zone_code", "event_date", "event_type")
          .references("zone_code", "zones", "zone_code")
          .plausibleYears(FIRST_PLAUSIBLE_YEAR, LAST_PLAUSIBLE_YEAR, "event_date")
          .build();

  /** All datasets in validation order (referenced datasets first). */
  public static final List<DatasetContract> ALL =
      List.of(AREAS, ZONES, ZONE_STATS, ENTERPRISES, FACTOR_COSTS, MAJOR_PROJECTS, ZONE_EVENTS);

  private Datasets() {}

  public static Optional<DatasetContract> find(String name) {
    return ALL.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  public static DatasetContract get(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("unknown dataset: " + name));
  }
}
