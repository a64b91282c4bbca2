package zoneassess.schema.rules;

import java.util.List;
import java.util.Objects;

/**
 * Tiers (档次) mapping a zone's final rank, or final score, to a salary coefficient (薪酬系数).
 *
 * @param basis {@code rank} (bands by rank_all ranges) or {@code score} (bands by a minimum final
 *     score, highest first)
 * @param bands the tiers from best to worst; bands cover every rank (the last is open-ended)
 * @param ineligible the tier of a vetoed (ineligible) zone
 */
public record TierRules(String basis, List<Band> bands, Band ineligible) {
  public static final String BY_RANK = "rank";
  public static final String BY_SCORE = "score";

  public TierRules {
    Objects.requireNonNull(basis);
    bands = List.copyOf(bands);
    Objects.requireNonNull(ineligible);
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("at least one tier band is needed");
    }
  }

  public boolean byRank() {
    return BY_RANK.equals(basis);
  }

  /**
   * One tier.
   *
   * @param name tier name, e.g. 第一档
   * @param fromRank first rank of the band (rank basis), or null
   * @param toRank last rank of the band, inclusive, or null for open-ended
   * @param minScore lowest final score of the band, inclusive (score basis), or null
   * @param salaryCoefficient the coefficient the tier sets
   */
  public record Band(
      String name, Integer fromRank, Integer toRank, Double minScore, double salaryCoefficient) {
    public Band {
      Objects.requireNonNull(name);
    }
  }
}
