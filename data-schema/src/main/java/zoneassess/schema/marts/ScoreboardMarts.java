package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.BOOLEAN;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/** The 两增强五提升 scoreboard mart (see {@code docs/allocation.md}). */
public final class ScoreboardMarts {
  private ScoreboardMarts() {}

  public static final DatasetContract SCOREBOARD =
      DatasetContract.builder("scoreboard")
          .zh("两增强五提升目标完成情况")
          .doc(
              "One row per zone, annual period, goal and measure: the measured value, the target"
                  + " and whether it is met; goal_met applies the goal's all/any rule.")
          .column(builder("scoreboard_id", STRING).required())
          .column(builder("zone_code", STRING).required())
          .column(builder("zone_name", STRING))
          .column(builder("city", STRING))
          .column(builder("period", STRING).required())
          .column(builder("goal_code", STRING).required())
          .column(builder("goal_name_zh", STRING).required())
          .column(builder("goal_kind", STRING).required().accepted("增强", "提升"))
          .column(builder("measure", STRING).required().accepted("growth", "value", "delta_rank"))
          .column(builder("indicator", STRING))
          .column(
              builder("value", DOUBLE)
                  .doc("growth as a ratio (0.08 = 8 %); null when it cannot be measured"))
          .column(builder("target", DOUBLE).required())
          .column(builder("met", BOOLEAN).doc("value ≥ target; null without a value"))
          .column(
              builder("goal_met", BOOLEAN).required().doc("a measure without a value is not met"))
          .column(builder("status_zh", STRING).required().accepted("达标", "未达标", "无数据"))
          .column(builder("note_zh", STRING).required())
          .key("scoreboard_id", "zone_code", "period", "goal_code", "measure", "indicator")
          .build();

  public static final List<DatasetContract> ALL = List.of(SCOREBOARD);
}
