package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/** The input anomaly findings of a run (see {@code docs/input-anomalies.md}). */
public final class AnomalyMarts {
  private AnomalyMarts() {}

  public static final DatasetContract INPUT_ANOMALIES =
      DatasetContract.builder("input_anomalies")
          .zh("输入数据异常")
          .doc(
              "One row per finding of the input anomaly checks on the staged rows: dataset, key,"
                  + " period, value, the value compared with, and the rule. A warning never drops"
                  + " the value; an error stops the run.")
          .column(builder("dataset", STRING).required())
          .column(builder("rule_id", STRING).required())
          .column(
              builder("rule", STRING)
                  .required()
                  .accepted(
                      "change",
                      "robust_z",
                      "ytd_decrease",
                      "repeated",
                      "round_number",
                      "part_exceeds_whole"))
          .column(builder("severity", STRING).required().accepted("warning", "error"))
          .column(builder("unit_key", STRING).required().doc("the unit, e.g. the zone code"))
          .column(builder("indicator_code", STRING).required())
          .column(builder("period", STRING).required())
          .column(builder("value", DOUBLE).required())
          .column(builder("previous_period", STRING).doc("the period (or whole) compared with"))
          .column(builder("previous_value", DOUBLE))
          .column(builder("measure", DOUBLE).doc("ratio, z-score, run length or share found"))
          .column(builder("message_zh", STRING).required())
          .key("dataset", "rule_id", "unit_key", "indicator_code", "period")
          .build();

  public static final List<DatasetContract> ALL = List.of(INPUT_ANOMALIES);
}
