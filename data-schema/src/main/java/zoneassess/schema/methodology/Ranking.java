package zoneassess.schema.methodology;

import java.util.List;
import zoneassess.schema.ranking.RankPrecision;

/**
 * How the index score becomes ranks: rounded to {@code decimals} first, then competition ranking
 * ("1224": tied units share the best place, the next place is skipped) within each ranking group.
 *
 * @param descending true when a higher score ranks first
 * @param decimals decimals the score is rounded to (half up) before ranking; -1 = no rounding
 * @param breakBy node codes whose unrounded scores break ties in order, each compared in the same
 *     direction as the index; empty = ties are shared
 * @param groups ranking lists; each ranks within every combination of its columns' values
 * @param significantDigits scores and tie-break scores are compared at this many significant digits
 *     ({@link RankPrecision}), before the rounding to {@code decimals}
 */
public record Ranking(
    boolean descending,
    int decimals,
    List<String> breakBy,
    List<RankingGroup> groups,
    int significantDigits) {
  public Ranking {
    breakBy = List.copyOf(breakBy);
    groups = List.copyOf(groups);
    RankPrecision.check(significantDigits);
  }

  public Ranking(
      boolean descending, int decimals, List<String> breakBy, List<RankingGroup> groups) {
    this(descending, decimals, breakBy, groups, RankPrecision.DEFAULT_SIGNIFICANT_DIGITS);
  }

  /**
   * One ranking list.
   *
   * @param name column suffix: the rank column is {@code rank_<name>}
   * @param by columns to rank within (empty = all units together)
   */
  public record RankingGroup(String name, List<String> by) {
    public RankingGroup {
      by = List.copyOf(by);
    }

    public String rankColumn() {
      return "rank_" + name;
    }
  }

  public static Ranking defaults() {
    return new Ranking(true, -1, List.of(), List.of(new RankingGroup("all", List.of())));
  }
}
