package zoneassess.schema.rules;

import java.util.List;
import zoneassess.schema.ranking.RankPrecision;

/**
 * How final scores become ranks.
 *
 * @param decimals the final score is rounded (half up) to this many decimals before ranking, so two
 *     zones equal at the published precision share a rank
 * @param tieBreak tie-breakers in order; empty = ties are shared ({@code ties: shared})
 * @param significantDigits scores are brought to this many significant digits ({@link
 *     RankPrecision}) before the rounding to {@code decimals}; tie-break scores are compared at it
 */
public record RankingRule(int decimals, List<TieBreak> tieBreak, int significantDigits) {
  public RankingRule(int decimals, List<TieBreak> tieBreak) {
    this(decimals, tieBreak, RankPrecision.DEFAULT_SIGNIFICANT_DIGITS);
  }

  public RankingRule {
    tieBreak = List.copyOf(tieBreak);
    RankPrecision.check(significantDigits);
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must lie in 0..6: " + decimals);
    }
  }

  public boolean sharedTies() {
    return tieBreak.isEmpty();
  }
}
