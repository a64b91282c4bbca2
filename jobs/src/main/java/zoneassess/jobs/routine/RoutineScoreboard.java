package zoneassess.jobs.routine;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.jobs.assess.RoutineFacts;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.routine.RoutineRules;

/**
 * The monthly/quarterly 红黄蓝 scoreboard of one routine period (docs/routine.md): rank and rank
 * progress against the previous routine period and the same period a year earlier, the year's pace
 * (时序进度: year-to-date value ÷ (last year's annual value × (1 + target growth)) against months
 * elapsed ÷ 12), the year-to-date indicators that fell, and the mark:
 *
 * <ul>
 *   <li>red — among the last {@code red.bottom} ranked zones, or behind pace with at least {@code
 *       red.behind_pace_and_falling} indicators falling;
 *   <li>yellow (not red) — lost at least {@code yellow.drop_places} places against the previous
 *       routine period, or at least {@code yellow.falling_indicators} indicators falling, or behind
 *       pace when {@code yellow.behind_pace};
 *   <li>blue (neither) — among the first {@code blue.top}, or gained at least {@code
 *       blue.rise_places} places against the previous routine period.
 * </ul>
 */
public final class RoutineScoreboard {
  private RoutineScoreboard() {}

  /**
   * @param assessment the assessment mart of a routine run (all its routine periods)
   * @param indicators the routine_indicators mart
   * @param lastYear {@code zone_code, value}: the pace indicator's annual final value of the year
   *     before the period
   * @param period the routine period
   */
  public static Dataset<Row> build(
      Dataset<Row> assessment,
      Dataset<Row> indicators,
      Dataset<Row> lastYear,
      String period,
      RoutineRules.Scoreboard rule) {
    String prevPeriod = RoutineFacts.previousRoutine(period);
    String prevYear = (Integer.parseInt(period.substring(0, 4)) - 1) + period.substring(4);
    double timeShare = endMonth(period) / 12.0;
    Dataset<Row> now =
        assessment
            .filter(col("period").equalTo(period))
            .select(
                col("zone_code"),
                col("zone_name"),
                col("city"),
                col("level"),
                col("period"),
                col("final_score"),
                col("rank_all"),
                col("prev_rank_all").as("prev_year_rank_all"),
                col("progress_class"),
                col("zones_all"));
    Dataset<Row> before =
        assessment
            .filter(col("period").equalTo(prevPeriod))
            .select(col("zone_code"), col("rank_all").as("prev_rank_all"));
    Dataset<Row> pace =
        indicators
            .filter(
                col("period")
                    .equalTo(period)
                    .and(col("indicator_code").equalTo(rule.paceIndicator())))
            .select(col("zone_code"), col("value").as("_ytd"))
            .join(lastYear.select(col("zone_code"), col("value").as("_last")), "zone_code");
    Dataset<Row> falling =
        indicators
            .filter(
                col("period")
                    .equalTo(period)
                    .and(col("basis").equalTo("ytd"))
                    .and(col("ytd_growth").lt(rule.fallingBelow())))
            .groupBy("zone_code")
            .agg(
                count(lit(1)).cast("int").as("_falling"),
                array_sort(collect_list(names().apply(col("indicator_code")))).as("_names"));
    Dataset<Row> df =
        now.join(before, new String[] {"zone_code"}, "left")
            .join(pace, new String[] {"zone_code"}, "left")
            .join(falling, new String[] {"zone_code"}, "left")
            .withColumn("prev_period", lit(prevPeriod))
            .withColumn("prev_year_period", lit(prevYear))
            .withColumn(
                "delta_rank_period", col("prev_rank_all").minus(col("rank_all")).cast("int"))
            .withColumn(
                "delta_rank_year", col("prev_year_rank_all").minus(col("rank_all")).cast("int"))
            .withColumn("pace_indicator", lit(rule.paceIndicator()))
            .withColumn(
                "pace_share",
                when(
                    col("_last").gt(0),
                    col("_ytd").divide(col("_last").multiply(1.0 + rule.targetGrowth()))))
            .withColumn("time_share", lit(timeShare))
            .withColumn(
                "behind_pace", when(col("pace_share").lt(lit(timeShare)), lit(1)).otherwise(lit(0)))
            .withColumn("falling_indicators", coalesce(col("_falling"), lit(0)))
            .withColumn("falling_list_zh", coalesce(concat_ws("、", col("_names")), lit("")));

    Column behind = col("behind_pace").equalTo(1);
    Column fallingN = col("falling_indicators");
    Column ranked = col("rank_all").isNotNull();
    Column redBottom = ranked.and(col("rank_all").gt(col("zones_all").minus(rule.redBottom())));
    Column redPace = behind.and(fallingN.geq(rule.redFalling())).and(lit(rule.redFalling() > 0));
    Column yDrop =
        coalesce(col("delta_rank_period"), lit(0))
            .leq(-rule.yellowDrop())
            .and(lit(rule.yellowDrop() > 0));
    Column yFalling = fallingN.geq(rule.yellowFalling()).and(lit(rule.yellowFalling() > 0));
    Column yPace = behind.and(lit(rule.yellowBehindPace()));
    Column bTop = ranked.and(col("rank_all").leq(rule.blueTop()));
    Column bRise =
        coalesce(col("delta_rank_period"), lit(0))
            .geq(rule.blueRise())
            .and(lit(rule.blueRise() > 0));
    Column red = redBottom.or(redPace);
    Column yellow = yDrop.or(yFalling).or(yPace);
    Column blue = bTop.or(bRise);
    df =
        df.withColumn(
                "mark",
                when(red, lit("red"))
                    .when(yellow, lit("yellow"))
                    .when(blue, lit("blue"))
                    .otherwise(lit("none")))
            .withColumn(
                "reason_zh",
                when(
                        red,
                        concat_ws(
                            "；",
                            when(redBottom, lit("排名末" + rule.redBottom() + "位")),
                            when(redPace, lit("落后时序进度且" + rule.redFalling() + "项以上指标同比下降"))))
                    .when(
                        yellow,
                        concat_ws(
                            "；",
                            when(yDrop, lit("较上期退位" + rule.yellowDrop() + "位以上")),
                            when(yFalling, lit(rule.yellowFalling() + "项以上指标同比下降")),
                            when(yPace, lit("落后时序进度"))))
                    .when(
                        blue,
                        concat_ws(
                            "；",
                            when(bTop, lit("排名前" + rule.blueTop() + "位")),
                            when(bRise, lit("较上期进位" + rule.blueRise() + "位以上"))))
                    .otherwise(lit("")));
    List<Column> out = new ArrayList<>();
    RoutineMarts.ROUTINE_SCOREBOARD.columnNames().forEach(c -> out.add(col(c)));
    return df.select(out.toArray(Column[]::new));
  }

  /** The pace indicator's annual final value in the year before {@code period}, per zone. */
  public static Dataset<Row> lastYear(Dataset<Row> stats, String period, String indicator) {
    String year = String.valueOf(Integer.parseInt(period.substring(0, 4)) - 1);
    return stats
        .filter(
            col("period")
                .equalTo(year)
                .and(col("indicator_code").equalTo(indicator))
                .and(coalesce(col("basis"), lit("final")).equalTo("final")))
        .groupBy("zone_code")
        .agg(max(col("value")).cast("double").as("value"));
  }

  static int endMonth(String period) {
    return period.charAt(4) == 'Q'
        ? 3 * (period.charAt(5) - '0')
        : Integer.parseInt(period.substring(5, 7));
  }

  private static java.util.function.Function<Column, Column> names() {
    List<Column> kv = new ArrayList<>();
    for (RawIndicator i : IndicatorCatalogue.all()) {
      kv.add(lit(i.code()));
      kv.add(lit(i.nameZh()));
    }
    Column m = map(kv.toArray(Column[]::new));
    return c -> coalesce(element_at(m, c), c);
  }
}
