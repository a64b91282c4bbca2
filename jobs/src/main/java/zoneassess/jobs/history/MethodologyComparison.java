package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.marts.ResearchMarts;

/**
 * The same periods under two methodologies (RESEARCH.md marts 2–4). Inputs are two {@code
 * assessment} frames (zone_code, zone_name, city, level, period, methodology_id, final_score,
 * rank_all), A and B, computed on the same staged inputs; the score of a zone is its {@code
 * final_score}, its rank {@code rank_all} (null = not ranked: vetoed or not scored). A zone ranked
 * under only one methodology keeps its row with the other side null, is left out of the
 * correlations and is counted in {@code zones_ranked_a_only}/{@code zones_ranked_b_only} (columns
 * added after the contract's).
 */
public final class MethodologyComparison {
  /** Added to {@code method_correlation}: zones ranked under A but not B, and the reverse. */
  public static final String RANKED_A_ONLY = "zones_ranked_a_only";

  public static final String RANKED_B_ONLY = "zones_ranked_b_only";

  private MethodologyComparison() {}

  /** Publishing order of {@code method_comparison}: period, rank_b (nulls last), zone_code. */
  public static Column[] comparisonOrder() {
    return new Column[] {col("period"), col("rank_b").asc_nulls_last(), col("zone_code")};
  }

  /** Publishing order of {@code method_correlation}. */
  public static Column[] correlationOrder() {
    return new Column[] {col("period")};
  }

  /** Publishing order of {@code rank_trajectory}: methodology, zone_code, period. */
  public static Column[] trajectoryOrder() {
    return new Column[] {col("methodology"), col("zone_code"), col("period")};
  }

  /** {@code method_comparison}: one row per (period, zone) in A or B, sorted. */
  public static Dataset<Row> comparison(Dataset<Row> a, Dataset<Row> b) {
    Dataset<Row> joined =
        side(a, "_a").join(side(b, "_b"), new String[] {"period", "zone_code"}, "full_outer");
    return joined
        .select(
            col("period"),
            col("zone_code"),
            coalesce(col("zone_name_a"), col("zone_name_b")).as("zone_name"),
            coalesce(col("city_a"), col("city_b")).as("city"),
            coalesce(col("level_a"), col("level_b")).as("level"),
            col("score_a"),
            col("rank_a"),
            col("score_b"),
            col("rank_b"),
            col("score_b").minus(col("score_a")).as("score_change"),
            col("rank_a").minus(col("rank_b")).as("rank_shift"))
        .select(
            contractColumns(ResearchMarts.METHOD_COMPARISON.columnNames().toArray(String[]::new)))
        .orderBy(comparisonOrder());
  }

  /**
   * {@code method_correlation} from a {@code method_comparison}: per period the zones ranked under
   * both, Spearman and Kendall tau-b of their ranks, the mean and largest |rank_shift|, the zones
   * that moved; then the one-sided counts.
   */
  public static Dataset<Row> correlation(Dataset<Row> comparison) {
    Column both = col("rank_a").isNotNull().and(col("rank_b").isNotNull());
    Dataset<Row> shifts =
        comparison
            .groupBy("period")
            .agg(
                count(both).as("zones"),
                avg(abs(col("rank_shift")).cast("double")).as("mean_abs_shift"),
                max(abs(col("rank_shift"))).cast("int").as("max_abs_shift"),
                count(col("rank_shift").notEqual(0)).as("zones_moved"),
                count(col("rank_a").isNotNull().and(col("rank_b").isNull())).as(RANKED_A_ONLY),
                count(col("rank_b").isNotNull().and(col("rank_a").isNull())).as(RANKED_B_ONLY));
    Dataset<Row> corr =
        RankCorrelation.byGroup(comparison.where(both), "period", "zone_code", "rank_a", "rank_b")
            .drop(RankCorrelation.N);
    return shifts
        .join(corr, new String[] {"period"}, "left")
        .select(
            col("period"),
            col("zones"),
            col(RankCorrelation.SPEARMAN).as("spearman"),
            col(RankCorrelation.KENDALL_TAU_B).as("kendall_tau_b"),
            col("mean_abs_shift"),
            col("max_abs_shift"),
            col("zones_moved"),
            col(RANKED_A_ONLY),
            col(RANKED_B_ONLY))
        .orderBy(correlationOrder());
  }

  /** {@code rank_trajectory}: every period of A (methodology "a") and of B ("b"), sorted. */
  public static Dataset<Row> trajectory(Dataset<Row> a, Dataset<Row> b) {
    return trajectorySide(a, "a").unionByName(trajectorySide(b, "b")).orderBy(trajectoryOrder());
  }

  /**
   * The {@code n} zones of {@code period} whose rank moves most between A and B: largest
   * |rank_shift|, then the better rank under B, then zone_code.
   */
  public static Dataset<Row> topMovers(Dataset<Row> comparison, String period, int n) {
    return comparison
        .where(col("period").equalTo(period).and(col("rank_shift").notEqual(0)))
        .orderBy(abs(col("rank_shift")).desc(), col("rank_b").asc(), col("zone_code").asc())
        .limit(n);
  }

  private static Dataset<Row> side(Dataset<Row> assessment, String suffix) {
    return assessment.select(
        col("period"),
        col("zone_code"),
        col("zone_name").as("zone_name" + suffix),
        col("city").as("city" + suffix),
        col("level").as("level" + suffix),
        col("final_score").cast("double").as("score" + suffix),
        col("rank_all").cast("int").as("rank" + suffix));
  }

  private static Dataset<Row> trajectorySide(Dataset<Row> assessment, String which) {
    return assessment.select(
        lit(which).as("methodology"),
        col("methodology_id"),
        col("period"),
        col("zone_code"),
        col("zone_name"),
        col("final_score").cast("double").as("score"),
        col("rank_all").cast("int").as("rank"));
  }

  /** Counts the rows where {@code condition} is true (null counts as false), as INT. */
  private static Column count(Column condition) {
    return sum(when(condition, 1).otherwise(0)).cast("int");
  }

  private static Column[] contractColumns(String[] names) {
    Column[] out = new Column[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = col(names[i]);
    }
    return out;
  }
}
