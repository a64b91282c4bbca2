package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.schema.rules.ConsequenceRules;
import zoneassess.schema.rules.ConsequenceRules.BottomPlaces;
import zoneassess.schema.rules.ConsequenceRules.ProjectDrought;

/**
 * Consequences that look back over several annual periods of the run (sub-annual periods never
 * trigger them). Each adds a column holding the triggering years ("2024,2025"), null when the rule
 * does not fire:
 *
 * <ul>
 *   <li>{@code delisting_years}: a zone of the rule's level (provincial) in the bottom N places of
 *       its level's list in at least K of the last W years (this one included);
 *   <li>{@code national_exit_years}: the same shape for national zones (bottom 5, 2 of 2 years);
 *   <li>{@code drought_years}: the zone was assessed in each of the last W years and started no
 *       project counted by the rule's indicator in any of them.
 * </ul>
 *
 * "Bottom N" is {@code rank_level > zones_level − N}: tied zones share the better rank, so a tie
 * across the boundary keeps all of them out. A vetoed year counts as a bottom year when the rule
 * says so.
 */
public final class MultiYearConsequences {
  private MultiYearConsequences() {}

  /**
   * Needs {@code zone_code, period, level, eligible, rank_level, zones_level} and the drought
   * indicator.
   */
  public static Dataset<Row> flag(Dataset<Row> assessment, ConsequenceRules rules) {
    Dataset<Row> out =
        assessment.withColumn(
            "_year", when(Periods.isAnnual(col("period")), Periods.year(col("period"))));
    out = out.withColumn("delisting_years", bottomYears(rules.delisting()));
    out = out.withColumn("national_exit_years", bottomYears(rules.nationalExit()));
    out = out.withColumn("drought_years", droughtYears(rules.projectDrought()));
    return out.drop("_year");
  }

  private static WindowSpec lastYears(int years) {
    return Window.partitionBy("zone_code").orderBy(col("_year")).rangeBetween(-(years - 1), 0);
  }

  private static Column bottomYears(BottomPlaces rule) {
    if (rule == null) {
      return lit(null).cast("string");
    }
    Column inBottom =
        col("level")
            .equalTo(rule.level())
            .and(
                when(col("eligible"), col("rank_level").gt(col("zones_level").minus(rule.bottom())))
                    .otherwise(lit(rule.vetoCountsAsBottom())));
    Column hit = col("_year").isNotNull().and(coalesce(inBottom, lit(false)));
    WindowSpec w = lastYears(rule.windowYears());
    Column hits = sum(when(hit, 1).otherwise(0)).over(w);
    Column years =
        concat_ws(",", array_sort(collect_list(when(hit, col("_year").cast("string"))).over(w)));
    return when(
        col("_year")
            .isNotNull()
            .and(col("level").equalTo(rule.level()))
            .and(hits.geq(rule.minHits())),
        years);
  }

  private static Column droughtYears(ProjectDrought rule) {
    if (rule == null) {
      return lit(null).cast("string");
    }
    WindowSpec w = lastYears(rule.years());
    Column assessedYears = count(col("_year")).over(w);
    Column projects = col(rule.indicator());
    for (Map.Entry<String, String> e : rule.indicatorByLevel().entrySet()) {
      projects = when(col("level").equalTo(e.getKey()), col(e.getValue())).otherwise(projects);
    }
    Column started = sum(coalesce(projects, lit(0L))).over(w);
    Column years = concat_ws(",", array_sort(collect_list(col("_year").cast("string")).over(w)));
    Column fired =
        col("_year").isNotNull().and(assessedYears.equalTo(rule.years())).and(started.equalTo(0));
    if (rule.slowGrowth() != null) {
      fired = fired.and(coalesce(slowGrowth(rule.slowGrowth().indicator()), lit(false)));
    }
    return when(fired, years);
  }

  /**
   * 发展缓慢: growth of {@code indicator} against the zone's previous annual value below the median
   * growth of the zones of the same period (null without a previous value).
   */
  static Column slowGrowth(String indicator) {
    WindowSpec previousYear =
        Window.partitionBy(col("zone_code"), col("_year").isNull())
            .orderBy(col("_year"))
            .rangeBetween(-1, -1);
    Column previous = first(col(indicator), true).over(previousYear);
    Column growth =
        when(
            col("_year").isNotNull().and(previous.gt(0)),
            col(indicator).cast("double").divide(previous).minus(1.0));
    return growth.lt(median(growth));
  }

  /** The exact median over the zones of the period (linear between the two middle values). */
  private static Column median(Column growth) {
    return org.apache
        .spark
        .sql
        .functions
        .percentile(growth, lit(0.5))
        .over(Window.partitionBy(col("period")));
  }

  /** Rows of the warnings mart for the fired consequences. */
  public static Dataset<Row> warnings(Dataset<Row> flagged, ConsequenceRules rules) {
    Dataset<Row> out = null;
    if (rules.delisting() != null) {
      BottomPlaces r = rules.delisting();
      out =
          union(
              out,
              rows(
                  flagged,
                  "delisting_years",
                  "consequence.delisting",
                  "省级开发区考核排名靠后撤销预警",
                  "delisting",
                  "red",
                  concat(
                      lit("近" + r.windowYears() + "年中有"),
                      yearCount("delisting_years"),
                      lit("年（"),
                      col("delisting_years"),
                      lit("年）位列省级开发区考核后" + r.bottom() + "名，触发撤销（退出）预警"))));
    }
    if (rules.nationalExit() != null) {
      BottomPlaces r = rules.nationalExit();
      String lead =
          r.minHits() == r.windowYears()
              ? "连续" + r.windowYears() + "年（"
              : "近" + r.windowYears() + "年中（";
      out =
          union(
              out,
              rows(
                  flagged,
                  "national_exit_years",
                  "consequence.national_exit",
                  "国家级开发区考核排名靠后退出预警",
                  "national_exit",
                  "red",
                  concat(
                      lit(lead),
                      col("national_exit_years"),
                      lit("年）位列国家级开发区考核后" + r.bottom() + "名，触发退出国家级开发区名单预警"))));
    }
    if (rules.projectDrought() != null) {
      ProjectDrought r = rules.projectDrought();
      out =
          union(
              out,
              rows(
                  flagged,
                  "drought_years",
                  "consequence.project_drought",
                  "连续无重大项目开工降档",
                  "project_drought",
                  "yellow",
                  concat(
                      lit("连续" + r.years() + "年（"),
                      col("drought_years"),
                      lit("年）无"),
                      thresholdZh(r),
                      lit(
                          "重大项目开工"
                              + (r.slowGrowth() == null
                                  ? ""
                                  : "且发展缓慢（" + growthZh(r.slowGrowth().indicator()) + "增速低于全省中位数）")
                              + (r.demotionTiers() > 0
                                  ? "，薪酬系数降" + r.demotionTiers() + "档"
                                  : "")))));
    }
    return out;
  }

  private static Column yearCount(String yearsColumn) {
    return org.apache
        .spark
        .sql
        .functions
        .size(org.apache.spark.sql.functions.split(col(yearsColumn), ","))
        .cast("string");
  }

  private static Column thresholdZh(ProjectDrought rule) {
    Column out = lit(thresholdZh(rule.indicator()));
    for (Map.Entry<String, String> e : rule.indicatorByLevel().entrySet()) {
      out = when(col("level").equalTo(e.getKey()), lit(thresholdZh(e.getValue()))).otherwise(out);
    }
    return out;
  }

  private static String growthZh(String indicator) {
    return zoneassess.schema.catalogue.IndicatorCatalogue.find(indicator)
        .map(zoneassess.schema.catalogue.RawIndicator::nameZh)
        .orElse(indicator);
  }

  static String thresholdZh(String indicator) {
    return switch (indicator) {
      case ZoneFacts.STARTED_1E9 -> "10亿元以上";
      case ZoneFacts.STARTED_5E9 -> "50亿元以上";
      case ZoneFacts.STARTED_1E10 -> "100亿元以上";
      default -> "1亿元以上";
    };
  }

  private static Dataset<Row> rows(
      Dataset<Row> flagged,
      String yearsColumn,
      String ruleId,
      String nameZh,
      String kind,
      String severity,
      Column message) {
    return flagged
        .filter(col(yearsColumn).isNotNull())
        .select(
            col("zone_code"),
            col("period"),
            lit(ruleId).as("rule_id"),
            lit(nameZh).as("rule_name_zh"),
            lit(kind).as("kind"),
            lit(severity).as("severity"),
            lit(null).cast("double").as("points"),
            col(yearsColumn).as("triggered_years"),
            concat(col("zone_name"), lit("："), message).as("message_zh"));
  }

  private static Dataset<Row> union(Dataset<Row> a, Dataset<Row> b) {
    return a == null ? b : a.unionByName(b);
  }
}
