package zoneassess.schema.rules;

/**
 * Points for rank progress (进位奖励): {@code placesGained ÷ previousRank × pointsPerShare}, only for
 * places gained, capped at {@code cap}. Computed on the provisional rank (index score after
 * deductions, bonuses and veto) against the previous period's provisional rank.
 *
 * @param pointsPerShare multiplier of the gained share (20 in the public scheme)
 * @param cap most progress points per period, or null for no cap
 */
public record ProgressRule(double pointsPerShare, Double cap) {
  public static final ProgressRule NONE = new ProgressRule(0, null);

  public boolean enabled() {
    return pointsPerShare > 0;
  }
}
