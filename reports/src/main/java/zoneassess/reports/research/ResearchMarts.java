package zoneassess.reports.research;

import java.util.List;
import zoneassess.reports.marts.MartRow;

/**
 * How the pack reads the research marts declared in {@link zoneassess.schema.marts.ResearchMarts}
 * (names from there; the row mappings here). Every contract column must exist (a missing one fails
 * with the mart, file and column); its value may be null. Columns a producer adds after the
 * contract's are ignored.
 */
public final class ResearchMarts {
  private ResearchMarts() {}

  public static final String PARAMETERS =
      zoneassess.schema.marts.ResearchMarts.RESEARCH_PARAMETERS.name();
  public static final String COMPARISON =
      zoneassess.schema.marts.ResearchMarts.METHOD_COMPARISON.name();
  public static final String CORRELATION =
      zoneassess.schema.marts.ResearchMarts.METHOD_CORRELATION.name();
  public static final String TRAJECTORY =
      zoneassess.schema.marts.ResearchMarts.RANK_TRAJECTORY.name();
  public static final String INTERVALS =
      zoneassess.schema.marts.ResearchMarts.RANK_INTERVALS.name();
  public static final String LEAVE_ONE_OUT =
      zoneassess.schema.marts.ResearchMarts.LEAVE_ONE_OUT.name();

  /** Every research mart, in the order the pack uses them. */
  public static final List<String> ALL =
      List.of(PARAMETERS, COMPARISON, CORRELATION, TRAJECTORY, INTERVALS, LEAVE_ONE_OUT);

  static ResearchParameter parameter(MartRow r) {
    return new ResearchParameter(r.str("key"), r.str("value"));
  }

  static MethodComparison comparison(MartRow r) {
    return new MethodComparison(
        r.str("period"),
        r.str("zone_code"),
        r.str("zone_name"),
        r.str("city"),
        r.str("level"),
        r.dbl("score_a"),
        r.integer("rank_a"),
        r.dbl("score_b"),
        r.integer("rank_b"),
        r.dbl("score_change"),
        r.integer("rank_shift"));
  }

  static MethodCorrelation correlation(MartRow r) {
    return new MethodCorrelation(
        r.str("period"),
        r.integer("zones"),
        r.dbl("spearman"),
        r.dbl("kendall_tau_b"),
        r.dbl("mean_abs_shift"),
        r.integer("max_abs_shift"),
        r.integer("zones_moved"));
  }

  static RankTrajectory trajectory(MartRow r) {
    return new RankTrajectory(
        r.str("methodology"),
        r.str("methodology_id"),
        r.str("period"),
        r.str("zone_code"),
        r.str("zone_name"),
        r.dbl("score"),
        r.integer("rank"));
  }

  static RankInterval interval(MartRow r) {
    return new RankInterval(
        r.str("zone_code"),
        r.str("zone_name"),
        r.integer("nominal_rank"),
        r.dbl("median_rank"),
        r.dbl("p05_rank"),
        r.dbl("p95_rank"),
        r.integer("best_rank"),
        r.integer("worst_rank"));
  }

  static LeaveOneOut leaveOneOut(MartRow r) {
    return new LeaveOneOut(
        r.str("dropped_indicator"),
        r.str("dropped_indicator_name"),
        r.str("zone_code"),
        r.integer("nominal_rank"),
        r.integer("rank_without"),
        r.integer("rank_shift"));
  }
}
