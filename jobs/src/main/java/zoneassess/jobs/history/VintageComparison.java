package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What a data revision did: two runs of the same periods on two vintages of the inputs, compared
 * per zone and indicator (raw value before and after) with the effect on the zone's final score and
 * province rank. Inputs are the {@code assessment_indicators} and {@code assessment} marts of both
 * runs; the result has one row per (period, zone, indicator) whose raw value changed, appeared or
 * disappeared:
 *
 * <pre>
 * period, zone_code, zone_name, indicator_code, value_before, value_after,
 * score_before, score_after, score_change, rank_before, rank_after, rank_shift (+ = moved up)
 * </pre>
 */
public final class VintageComparison {
  private VintageComparison() {}

  public static Dataset<Row> changes(
      Dataset<Row> indicatorsBefore,
      Dataset<Row> indicatorsAfter,
      Dataset<Row> assessmentBefore,
      Dataset<Row> assessmentAfter) {
    Dataset<Row> b =
        indicatorsBefore.select(
            col("period"),
            col("zone_code"),
            col("indicator_code"),
            col("raw_value").as("value_before"));
    Dataset<Row> a =
        indicatorsAfter.select(
            col("period"),
            col("zone_code"),
            col("indicator_code"),
            col("raw_value").as("value_after"));
    Dataset<Row> changed =
        b.join(a, new String[] {"period", "zone_code", "indicator_code"}, "full_outer")
            .where(not(col("value_before").eqNullSafe(col("value_after"))));
    Dataset<Row> sb =
        assessmentBefore.select(
            col("period"),
            col("zone_code"),
            col("zone_name").as("name_before"),
            col("final_score").as("score_before"),
            col("rank_all").as("rank_before"));
    Dataset<Row> sa =
        assessmentAfter.select(
            col("period"),
            col("zone_code"),
            col("zone_name").as("name_after"),
            col("final_score").as("score_after"),
            col("rank_all").as("rank_after"));
    Dataset<Row> effect = sb.join(sa, new String[] {"period", "zone_code"}, "full_outer");
    return changed
        .join(effect, new String[] {"period", "zone_code"}, "left")
        .select(
            col("period"),
            col("zone_code"),
            coalesce(col("name_after"), col("name_before")).as("zone_name"),
            col("indicator_code"),
            col("value_before"),
            col("value_after"),
            col("score_before"),
            col("score_after"),
            col("score_after").minus(col("score_before")).as("score_change"),
            col("rank_before"),
            col("rank_after"),
            col("rank_before").minus(col("rank_after")).as("rank_shift"))
        .orderBy(order());
  }

  /**
   * The zones whose rank moved between the two runs (or that are ranked in only one of them):
   * {@code period, zone_code, zone_name, rank_before, rank_after, rank_shift} (+ = moved up),
   * biggest move first (zones ranked in only one run last), then period and zone code.
   */
  public static Dataset<Row> rankMoves(
      Dataset<Row> assessmentBefore, Dataset<Row> assessmentAfter) {
    Dataset<Row> sb =
        assessmentBefore.select(
            col("period"),
            col("zone_code"),
            col("zone_name").as("name_before"),
            col("rank_all").as("rank_before"));
    Dataset<Row> sa =
        assessmentAfter.select(
            col("period"),
            col("zone_code"),
            col("zone_name").as("name_after"),
            col("rank_all").as("rank_after"));
    return sb.join(sa, new String[] {"period", "zone_code"}, "full_outer")
        .where(not(col("rank_before").eqNullSafe(col("rank_after"))))
        .select(
            col("period"),
            col("zone_code"),
            coalesce(col("name_after"), col("name_before")).as("zone_name"),
            col("rank_before"),
            col("rank_after"),
            col("rank_before").minus(col("rank_after")).as("rank_shift"))
        .orderBy(abs(col("rank_shift")).desc_nulls_last(), col("period"), col("zone_code"));
  }

  /** Number of changed values per indicator: {@code indicator_code, changed_values}, most first. */
  public static Dataset<Row> changesPerIndicator(Dataset<Row> changes) {
    return changes
        .groupBy("indicator_code")
        .agg(count(lit(1)).cast("int").as("changed_values"))
        .orderBy(col("changed_values").desc(), col("indicator_code"));
  }

  private static Column[] order() {
    return new Column[] {col("period"), col("zone_code"), col("indicator_code")};
  }
}
