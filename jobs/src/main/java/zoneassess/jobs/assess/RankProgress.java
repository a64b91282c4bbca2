package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.schema.rules.ProgressRule;

/**
 * Rank progress (进位) against the previous period of the same zone: the previous year for an annual
 * period, the same quarter or month a year earlier otherwise. A zone without a ranked row in that
 * period (new, absent or vetoed then) has no previous rank and is classed 新进入; a zone that
 * disappears simply has no row, so nobody else's previous rank moves.
 */
public final class RankProgress {
  public static final String UP = "进位";
  public static final String SAME = "持平";
  public static final String DOWN = "退位";
  public static final String NEW = "新进入";

  private RankProgress() {}

  /** Adds {@code prevColumn}: the zone's {@code rankColumn} in the previous period, or null. */
  public static Dataset<Row> previousRank(Dataset<Row> df, String rankColumn, String prevColumn) {
    // One series per zone and kind of period (the year, Q3, -09): with every quarter of two years
    // present, 2025Q3 follows 2024Q3, not 2025Q2.
    var byZone =
        Window.partitionBy(col("zone_code"), Periods.slot(col("period"))).orderBy(col("period"));
    Column prevPeriod = lag(col("period"), 1).over(byZone);
    Column prevRank = lag(col(rankColumn), 1).over(byZone);
    return df.withColumn(
        prevColumn,
        when(prevPeriod.equalTo(Periods.previous(col("period"))), prevRank).cast("int"));
  }

  /** {@code prev − current}: positive = moved up; null when either is missing. */
  public static Column delta(Column prev, Column current) {
    return prev.minus(current).cast("int");
  }

  /** 进位 / 持平 / 退位 / 新进入; null for a zone not ranked this period. */
  public static Column progressClass(Column prev, Column current) {
    return when(current.isNull(), lit(null).cast("string"))
        .when(prev.isNull(), lit(NEW))
        .when(prev.gt(current), lit(UP))
        .when(prev.equalTo(current), lit(SAME))
        .otherwise(lit(DOWN));
  }

  /**
   * Progress points: places gained ÷ previous rank × points-per-share, capped; 0 without a gain
   * (losing places costs nothing) and for zones not ranked now or before. From rank 10 to 6 with 20
   * points per share: (10 − 6) ÷ 10 × 20 = 8.
   */
  public static Column points(Column prev, Column current, ProgressRule rule) {
    if (!rule.enabled()) {
      return lit(0.0);
    }
    Column gained = prev.minus(current).cast("double");
    Column raw = gained.divide(prev.cast("double")).multiply(rule.pointsPerShare());
    return when(
            prev.isNotNull().and(current.isNotNull()).and(prev.gt(current)),
            RuleExpressions.capped(raw, rule.cap()))
        .otherwise(lit(0.0));
  }
}
