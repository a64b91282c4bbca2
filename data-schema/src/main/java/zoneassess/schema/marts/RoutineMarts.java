package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/** The marts of a routine (平时, quarterly or monthly) run (see {@code docs/routine.md}). */
public final class RoutineMarts {
  private RoutineMarts() {}

  public static final DatasetContract ROUTINE_INDICATORS =
      DatasetContract.builder("routine_indicators")
          .zh("平时监测指标")
          .doc(
              "One row per zone, routine period and raw column the methodology's routine section"
                  + " names: the year-to-date or carried value, where it came from, and the same"
                  + " period a year earlier.")
          .column(builder("zone_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(builder("indicator_code", STRING).required())
          .column(builder("basis", STRING).required().accepted("ytd", "carried"))
          .column(builder("value", DOUBLE).doc("null when not reported and nothing to carry"))
          .column(
              builder("source_period", STRING)
                  .doc("the period the value was reported for (carried: an earlier period)"))
          .column(builder("prev_year_period", STRING).required())
          .column(builder("prev_year_value", DOUBLE))
          .column(
              builder("ytd_growth", DOUBLE)
                  .doc("ytd: value ÷ prev_year_value − 1 (0.08 = 8 %); null for carried values"))
          .key("zone_code", "period", "indicator_code")
          .build();

  public static final DatasetContract ROUTINE_SCOREBOARD =
      DatasetContract.builder("routine_scoreboard")
          .zh("平时监测红黄蓝榜")
          .doc(
              "One row per zone in the routine period: rank, rank progress against the previous"
                  + " routine period and the same period a year earlier, the year's pace, the"
                  + " indicators that fell, and the red/yellow/blue mark the rules file's routine"
                  + " section gives.")
          .column(builder("zone_code", STRING).required())
          .column(builder("zone_name", STRING))
          .column(builder("city", STRING))
          .column(builder("level", STRING))
          .column(builder("period", STRING).required())
          .column(builder("final_score", DOUBLE))
          .column(builder("rank_all", INTEGER))
          .column(builder("prev_period", STRING).required().doc("the previous routine period"))
          .column(builder("prev_rank_all", INTEGER))
          .column(builder("delta_rank_period", INTEGER).doc("prev − current: + = moved up"))
          .column(builder("prev_year_period", STRING).required())
          .column(builder("prev_year_rank_all", INTEGER))
          .column(builder("delta_rank_year", INTEGER).doc("prev − current: + = moved up"))
          .column(builder("progress_class", STRING).doc("进位/持平/退位/新进入 against a year earlier"))
          .column(builder("pace_indicator", STRING).required())
          .column(
              builder("pace_share", DOUBLE)
                  .doc(
                      "year-to-date value ÷ (last year's annual value × (1 + target growth)):"
                          + " the share of the year's target reached"))
          .column(builder("time_share", DOUBLE).required().doc("months elapsed ÷ 12"))
          .column(builder("behind_pace", INTEGER).required().doc("1 when pace_share < time_share"))
          .column(builder("falling_indicators", INTEGER).required())
          .column(builder("falling_list_zh", STRING).required())
          .column(builder("mark", STRING).required().accepted("red", "yellow", "blue", "none"))
          .column(builder("reason_zh", STRING).required())
          .key("zone_code", "period")
          .build();

  public static final DatasetContract ASSESSMENT_WEIGHTED =
      DatasetContract.builder("assessment_weighted")
          .zh("平时与年度相结合综合得分")
          .doc(
              "One row per zone and annual period when the rules file weighs routine results into"
                  + " the annual score: the annual final score, the mean of the year's routine"
                  + " final scores, the weighted score and its rank.")
          .column(builder("zone_code", STRING).required())
          .column(builder("zone_name", STRING))
          .column(builder("city", STRING))
          .column(builder("level", STRING))
          .column(builder("period", STRING).required())
          .column(builder("annual_score", DOUBLE))
          .column(builder("annual_rank_all", INTEGER))
          .column(builder("routine_score", DOUBLE).doc("mean routine final score of the year"))
          .column(builder("routine_periods", INTEGER))
          .column(builder("routine_share", DOUBLE).required().doc("平时 share in percent"))
          .column(
              builder("weighted_score", DOUBLE)
                  .doc(
                      "routine% × routine_score + annual% × annual_score, rounded; the annual"
                          + " score alone with fewer routine periods than min_periods"))
          .column(builder("weighted_rank_all", INTEGER))
          .key("zone_code", "period")
          .build();

  public static final List<DatasetContract> ALL =
      List.of(ROUTINE_INDICATORS, ROUTINE_SCOREBOARD, ASSESSMENT_WEIGHTED);
}
