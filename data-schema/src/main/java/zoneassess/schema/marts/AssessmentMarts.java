package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.BOOLEAN;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.LONG;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/**
 * The assessment marts written by the assess stage and read by the reports (see docs/marts.md).
 * Every mart holds all periods of the run. Column names are fixed; columns may be added.
 */
public final class AssessmentMarts {
  public static final String TIER_TOTAL = "合计";

  /** Funnel tiers, lowest threshold first; each project counts in its highest tier only. */
  public static final List<String> FUNNEL_TIERS = List.of("1亿以上", "10亿以上", "50亿以上", "100亿以上");

  public static final DatasetContract ASSESSMENT =
      DatasetContract.builder("assessment")
          .zh("开发区综合考核结果")
          .doc("One row per zone and period: scores, rule effects, ranks, progress, tier.")
          .column(builder("zone_code", STRING).required().zh("园区代码"))
          .column(builder("zone_name", STRING).zh("园区名称"))
          .column(builder("city", STRING).zh("设区市"))
          .column(builder("county", STRING).zh("县（市、区）"))
          .column(builder("region", STRING).zh("区域"))
          .column(builder("level", STRING).zh("级别").accepted("national", "provincial"))
          .column(builder("zone_type", STRING).zh("类型"))
          .column(builder("period", STRING).required().zh("考核期"))
          .column(builder("methodology_id", STRING).zh("评价方法"))
          .column(builder("methodology_version", STRING).zh("方法版本"))
          .column(builder("rules_id", STRING).zh("考核规则").doc("Added: the rules file's id."))
          .column(builder("index_score", DOUBLE).zh("综合指数").doc("The composite before rules."))
          .column(builder("deductions", DOUBLE).zh("扣分").range(0.0, null))
          .column(builder("bonuses", DOUBLE).zh("加分").range(0.0, null))
          .column(builder("progress_points", DOUBLE).zh("进位加分"))
          .column(
              builder("final_score", DOUBLE)
                  .zh("最终得分")
                  .doc(
                      "index − deductions + bonuses + progress points, rounded to the rules' decimals."))
          .column(builder("eligible", BOOLEAN).zh("参与排名"))
          .column(builder("veto_reason", STRING).zh("否决原因"))
          .column(
              builder("provisional_rank_all", INTEGER)
                  .zh("预排名")
                  .doc("Added: rank before progress points (the basis of progress points)."))
          .column(builder("rank_all", INTEGER).zh("全省排名"))
          .column(builder("rank_level", INTEGER).zh("同级别排名"))
          .column(builder("rank_city", INTEGER).zh("市内排名"))
          .column(builder("zones_all", INTEGER).zh("参与排名园区数"))
          .column(builder("zones_level", INTEGER).zh("同级别参与排名数").doc("Added."))
          .column(builder("prev_rank_all", INTEGER).zh("上期排名"))
          .column(
              builder("delta_rank", INTEGER).zh("位次变化").doc("prev_rank_all − rank_all; + = up."))
          .column(builder("progress_class", STRING).zh("进退位").accepted("进位", "持平", "退位", "新进入"))
          .column(builder("tier", STRING).zh("档次"))
          .column(builder("salary_coefficient", DOUBLE).zh("薪酬系数"))
          .column(
              builder("demoted", BOOLEAN).zh("降档").doc("Added: tier lowered by a project drought."))
          .column(builder("mark", STRING).zh("标识").accepted("red", "yellow", "blue", "none"))
          .column(builder("warning_count", INTEGER).zh("预警数"))
          .key("zone_code", "period")
          .build();

  public static final DatasetContract ASSESSMENT_DIMENSIONS =
      DatasetContract.builder("assessment_dimensions")
          .zh("分维度得分")
          .doc("One row per zone, period and dimension of the methodology.")
          .column(builder("zone_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(builder("dimension_code", STRING).required())
          .column(builder("dimension_name_zh", STRING).zh("维度"))
          .column(builder("dimension_name_en", STRING))
          .column(builder("weight", DOUBLE).zh("权重").doc("Effective weight for that zone."))
          .column(builder("score", DOUBLE).zh("得分"))
          .column(
              builder("rank_all", INTEGER)
                  .zh("维度排名")
                  .doc("Competition rank among zones scored that period."))
          .column(builder("province_mean", DOUBLE).zh("全省均值"))
          .column(builder("province_best", DOUBLE).zh("全省最优"))
          .column(builder("sort_order", INTEGER))
          .key("zone_code", "period", "dimension_code")
          .build();

  public static final DatasetContract ASSESSMENT_INDICATORS =
      DatasetContract.builder("assessment_indicators")
          .zh("分指标数据")
          .doc("One row per zone, period and indicator of the methodology.")
          .column(builder("zone_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(builder("indicator_code", STRING).required())
          .column(builder("indicator_name_zh", STRING).zh("指标"))
          .column(builder("unit", STRING).zh("单位"))
          .column(builder("dimension_code", STRING))
          .column(builder("raw_value", DOUBLE).zh("原始值"))
          .column(builder("treated_value", DOUBLE).zh("处理后值"))
          .column(builder("normalised_value", DOUBLE).zh("标准化值"))
          .column(builder("imputed", BOOLEAN).zh("插补"))
          .column(
              builder("percentile", DOUBLE)
                  .zh("百分位")
                  .range(0.0, 100.0)
                  .doc(
                      "Within the province and period, direction-aware: 100 = best; null without a value."))
          .column(builder("direction", STRING).accepted("higher", "lower"))
          .key("zone_code", "period", "indicator_code")
          .build();

  public static final DatasetContract ASSESSMENT_WARNINGS =
      DatasetContract.builder("assessment_warnings")
          .zh("考核预警与奖惩")
          .doc("One row per rule that fired for a zone in a period.")
          .column(builder("zone_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(builder("rule_id", STRING).required())
          .column(builder("rule_name_zh", STRING))
          .column(
              builder("kind", STRING)
                  .accepted(
                      "veto",
                      "deduction",
                      "bonus",
                      "delisting",
                      "national_exit",
                      "project_drought",
                      "tier",
                      "progress"))
          .column(builder("severity", STRING).accepted("red", "yellow", "info"))
          .column(builder("points", DOUBLE))
          .column(
              builder("triggered_years", STRING)
                  .doc("Years that triggered the rule, e.g. 2024,2025."))
          .column(builder("message_zh", STRING))
          .key("zone_code", "period", "rule_id")
          .build();

  public static final DatasetContract PROJECT_FUNNEL =
      DatasetContract.builder("project_funnel")
          .zh("重大项目推进漏斗")
          .doc(
              "Per zone, year and investment tier: projects signed, started, producing and meeting"
                  + " targets in that year (by the year of each date), and the investment started.")
          .column(builder("zone_code", STRING).required())
          .column(builder("year", INTEGER).required())
          .column(builder("tier", STRING).required())
          .column(builder("signed", LONG))
          .column(builder("started", LONG))
          .column(builder("producing", LONG))
          .column(builder("target_met", LONG))
          .column(builder("investment_started_100m", DOUBLE).unit("亿元"))
          .key("zone_code", "year", "tier")
          .build();

  public static final List<DatasetContract> ALL =
      List.of(
          ASSESSMENT,
          ASSESSMENT_DIMENSIONS,
          ASSESSMENT_INDICATORS,
          ASSESSMENT_WARNINGS,
          PROJECT_FUNNEL);

  private AssessmentMarts() {}
}
