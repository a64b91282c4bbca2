package zoneassess.jobs.scoreboard;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.marts.ScoreboardMarts;
import zoneassess.schema.scoreboard.Scoreboard;

/**
 * The 两增强五提升 scoreboard: for every zone and annual period, each measure of each goal of the file
 * (growth of a statistic against the zone's previous year, a statistic or project fact as it is, or
 * the places gained in the all-zones list) against its target, and whether the goal is met.
 */
public final class GoalScoreboard {
  private GoalScoreboard() {}

  /**
   * @param facts zone facts (zone_code, period, zone_name, city, one column per statistic and
   *     project fact), annual periods are used
   * @param assessment the assessment mart (zone_code, period, delta_rank)
   */
  public static Dataset<Row> apply(
      Dataset<Row> facts, Dataset<Row> assessment, Scoreboard scoreboard) {
    Column annual = col("period").rlike("^[0-9]{4}$");
    Dataset<Row> base =
        facts
            .filter(annual)
            .withColumn("_year", col("period").cast("int"))
            .join(
                assessment.select(col("zone_code"), col("period"), col("delta_rank")),
                new String[] {"zone_code", "period"},
                "left");
    WindowSpec previousYear =
        Window.partitionBy("zone_code").orderBy(col("_year")).rangeBetween(-1, -1);
    Dataset<Row> out = null;
    for (Scoreboard.Goal g : scoreboard.goals()) {
      for (Scoreboard.Measure m : g.measures()) {
        Column value =
            switch (m.kind()) {
              case "growth" -> {
                Column v = col(m.indicator()).cast("double");
                Column prev = first(v, true).over(previousYear);
                yield when(prev.gt(0), v.divide(prev).minus(1.0));
              }
              case "value" -> col(m.indicator()).cast("double");
              default -> col("delta_rank").cast("double");
            };
        Dataset<Row> rows =
            base.select(
                lit(scoreboard.id()).as("scoreboard_id"),
                col("zone_code"),
                col("zone_name"),
                col("city"),
                col("period"),
                lit(g.code()).as("goal_code"),
                lit(g.nameZh()).as("goal_name_zh"),
                lit(g.kind()).as("goal_kind"),
                lit(g.all()).as("_all"),
                lit(m.kind()).as("measure"),
                lit(m.indicator()).cast("string").as("indicator"),
                value.as("value"),
                lit(m.target()).as("target"),
                lit(label(m)).as("_label"));
        out = out == null ? rows : out.unionByName(rows);
      }
    }
    Column met = col("value").geq(col("target"));
    WindowSpec goal = Window.partitionBy("zone_code", "period", "goal_code");
    Column anyMet = max(coalesce(met, lit(false)).cast("int")).over(goal);
    Column allMet = min(coalesce(met, lit(false)).cast("int")).over(goal);
    return out.withColumn("met", met)
        .withColumn("goal_met", when(col("_all"), allMet).otherwise(anyMet).equalTo(1))
        .withColumn(
            "status_zh",
            when(col("value").isNull(), lit("无数据"))
                .when(col("met"), lit("达标"))
                .otherwise(lit("未达标")))
        .withColumn("note_zh", note())
        .select(
            ScoreboardMarts.SCOREBOARD.columnNames().stream()
                .map(c -> col(c))
                .toArray(Column[]::new));
  }

  private static Column note() {
    Column isGrowth = col("measure").equalTo("growth");
    Column shown =
        when(isGrowth, format_string("%.2f%%", col("value").multiply(100)))
            .otherwise(format_string("%.2f", col("value")));
    Column target =
        when(isGrowth, format_string("%.2f%%", col("target").multiply(100)))
            .otherwise(format_string("%.2f", col("target")));
    return concat(
        col("_label"),
        lit(" "),
        coalesce(shown, lit("—")),
        lit("，目标 "),
        target,
        lit("，"),
        col("status_zh"));
  }

  private static String label(Scoreboard.Measure m) {
    if (m.kind().equals("delta_rank")) {
      return "综合排名进位（位）";
    }
    String name =
        IndicatorCatalogue.find(m.indicator())
            .map(RawIndicator::nameZh)
            .orElse(
                switch (m.indicator()) {
                  case "projects_started_1e8" -> "新开工亿元以上项目数";
                  case "projects_started_1e9" -> "新开工10亿元以上项目数";
                  case "projects_started_5e9" -> "新开工重特大项目数";
                  case "projects_started_1e10" -> "新开工100亿元以上项目数";
                  default -> "新开工项目投资额";
                });
    return m.kind().equals("growth") ? name + "增速" : name;
  }
}
