package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.routine.RoutineRules;

/**
 * 平时与年度相结合: the annual score with routine results weighed in (the rules file's {@code
 * routine.annual_weighting}). For each zone and annual period Y:
 *
 * <pre>
 * routine_score  = mean of the zone's routine final scores of Y (Q1…Q4, or the months)
 * weighted_score = round(routine% × routine_score + annual% × annual final_score, decimals)
 * </pre>
 *
 * A zone with fewer than {@code min_periods} routine scores in Y keeps its annual final score; an
 * ineligible (vetoed) zone stays unranked. Weighted ranks are competition ranks per period.
 */
public final class RoutineWeighting {
  private RoutineWeighting() {}

  /**
   * @param annual the assessment mart rows of annual periods
   * @param routine assessment rows of routine periods (any years)
   */
  public static Dataset<Row> apply(
      Dataset<Row> annual,
      Dataset<Row> routine,
      RoutineRules.AnnualWeighting w,
      int decimals,
      int digits) {
    Dataset<Row> perYear =
        routine
            .filter(col("final_score").isNotNull())
            .groupBy(col("zone_code"), substring(col("period"), 1, 4).as("period"))
            .agg(
                avg(col("final_score")).as("routine_score"),
                count(lit(1)).cast("int").as("routine_periods"));
    Column applies =
        col("routine_periods").geq(w.minPeriods()).and(col("annual_score").isNotNull());
    Column weighted =
        col("routine_score")
            .multiply(w.routineShare() / 100.0)
            .plus(col("annual_score").multiply(w.annualShare() / 100.0));
    Dataset<Row> df =
        annual
            .filter(col("period").rlike("^[0-9]{4}$"))
            .select(
                col("zone_code"),
                col("zone_name"),
                col("city"),
                col("level"),
                col("period"),
                col("eligible"),
                col("final_score").as("annual_score"),
                col("rank_all").as("annual_rank_all"))
            .join(perYear, new String[] {"zone_code", "period"}, "left")
            .withColumn("routine_share", lit(w.routineShare()))
            .withColumn(
                "weighted_score",
                when(applies, round(RankComparison.key(weighted, digits), decimals))
                    .otherwise(col("annual_score")));
    df = ZoneRankings.rank(df, "weighted_score", List.of(), "weighted_", digits);
    List<Column> out = new ArrayList<>();
    RoutineMarts.ASSESSMENT_WEIGHTED.columnNames().forEach(c -> out.add(col(c)));
    return df.select(out.toArray(Column[]::new));
  }
}
