package zoneassess.schema.catalogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw zone statistics the product accepts in {@code zone_stats}, with canonical units. A row
 * with an indicator code not listed here is rejected; a row in a unit of another family is
 * rejected; a row in a convertible unit (亿元 for 万元, 公顷 for 平方公里, 亿美元 for 万美元) is converted to the
 * canonical unit.
 */
public final class IndicatorCatalogue {
  private static final Map<String, RawIndicator> BY_CODE = new LinkedHashMap<>();

  static {
    add("gdp", "地区生产总值", "Gross domestic product", "亿元", true, "statistics");
    add(
        "industrial_output",
        "规上工业总产值",
        "Industrial output (above-scale)",
        "亿元",
        true,
        "statistics");
    add(
        "leading_industry_output",
        "主导产业产值",
        "Output of the leading industries",
        "亿元",
        true,
        "statistics");
    add("industrial_value_added", "工业增加值", "Industrial value added", "亿元", true, "statistics");
    add("tax_revenue", "税收收入", "Tax revenue", "亿元", true, "tax");
    add(
        "public_budget_revenue",
        "一般公共预算收入",
        "General public budget revenue",
        "亿元",
        true,
        "finance");
    add("fixed_asset_investment", "固定资产投资", "Fixed-asset investment", "亿元", true, "statistics");
    add("fdi_actual", "实际使用外资", "Actual foreign direct investment", "万美元", true, "commerce");
    add("trade_total", "进出口总额", "Imports and exports", "亿美元", true, "customs");
    add("export_total", "出口总额", "Exports", "亿美元", true, "customs");
    add("hightech_trade", "高新技术产品进出口额", "High-tech product trade", "亿美元", true, "customs");
    add("foreign_enterprises", "外资企业数", "Foreign-invested enterprises", "个", false, "commerce");
    add("rnd_expense", "研究与试验发展经费支出", "R&D expenditure", "亿元", true, "statistics");
    add("hightech_enterprises", "高新技术企业数", "High-tech enterprises", "个", false, "science");
    add("invention_patents", "有效发明专利数", "Valid invention patents", "个", false, "ip");
    add(
        "tech_progress_contribution",
        "科技进步贡献率",
        "Contribution of technical progress to growth",
        "%",
        false,
        "science");
    add(
        "hightech_output_share",
        "高新技术产业产值占比",
        "Share of high-tech industry output",
        "%",
        false,
        "statistics");
    add("energy_consumption", "综合能源消费量", "Total energy consumption", "万吨标煤", true, "statistics");
    add("co2_emissions", "二氧化碳排放量", "CO2 emissions", "万吨", true, "ecology");
    add("approved_area", "批准面积", "Approved area", "平方公里", false, "land");
    add("developed_land", "已开发土地面积", "Developed land", "平方公里", false, "land");
    add("industrial_land", "工业用地面积", "Industrial land", "平方公里", false, "land");
    add("idle_land", "闲置土地面积", "Idle land", "平方公里", false, "land");
    add("low_efficiency_land", "低效用地面积", "Low-efficiency industrial land", "平方公里", false, "land");
    add("new_urban_jobs", "城镇新增就业人数", "New urban jobs", "人", true, "labour");
    add("employees", "从业人员数", "Employed persons", "人", false, "labour");
    add("cooperative_parks", "合作共建园区数", "Co-built parks", "个", false, "commerce");
    add("sewage_treatment_rate", "污水集中处理率", "Sewage treatment rate", "%", false, "ecology");
    add(
        "major_projects_started",
        "新开工重大项目数",
        "Major projects started (reported)",
        "个",
        true,
        "commerce");
  }

  private IndicatorCatalogue() {}

  private static void add(
      String code, String zh, String en, String unit, boolean flow, String source) {
    BY_CODE.put(code, new RawIndicator(code, zh, en, unit, flow, source));
  }

  public static Optional<RawIndicator> find(String code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** Looks an indicator up by code or by its Chinese name. */
  public static Optional<RawIndicator> findByCodeOrName(String codeOrName) {
    if (codeOrName == null) {
      return Optional.empty();
    }
    String s = codeOrName.strip();
    RawIndicator byCode = BY_CODE.get(s);
    if (byCode != null) {
      return Optional.of(byCode);
    }
    return BY_CODE.values().stream().filter(r -> r.nameZh().equals(s)).findFirst();
  }

  public static List<RawIndicator> all() {
    return List.copyOf(BY_CODE.values());
  }
}
