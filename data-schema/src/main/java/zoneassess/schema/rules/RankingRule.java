package zoneassess.schema.rules;

import java.util.List;

/**
 * How final scores become ranks.
 *
 * @param decimals the final score is rounded (half up) to this many decimals before ranking, so two
 *     zones equal at the published precision share a rank
 * @param tieBreak tie-breakers in order; empty = ties are shared ({@code ties: shared})
 */
public record RankingRule(int decimals, List<TieBreak> tieBreak) {
  public RankingRule {
    tieBreak = List.copyOf(tieBreak);
    if (decimals < 0 || decimals > 6) {
      throw new IllegalArgumentException("decimals must lie in 0..6: " + decimals);
    }
  }

  public boolean sharedTies() {
    return tieBreak.isEmpty();
  }
}
