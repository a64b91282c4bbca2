package zoneassess.schema.permu;

import java.util.List;
import zoneassess.schema.ranking.RankPrecision;

/**
 * How evaluated firms get their class from their rank.
 *
 * <p>Within each group (and year) firms are ranked by total score, best first, with competition
 * ranks (tied firms share the best rank of the tie, the next rank skips). Band k ends at the
 * cumulative count {@code c_k = rounding(to_k × n)}; when the bound is exclusive and {@code to_k ×
 * n} is a whole number the firm exactly at the bound goes to the next band ({@code c_k = to_k × n −
 * 1}). A firm of rank r gets the first band with {@code r ≤ c_k}, the last band otherwise. Because
 * tied firms share a rank, a tie across a bound puts all tied firms in the better class.
 *
 * @param grouping firms of the same county, zone, city or province are compared
 * @param byScale true: above- and below-scale firms are ranked separately within the grouping
 * @param rounding rounding of class bounds into firm counts
 * @param bands classes from best to worst; the last one takes the rest
 * @param significantDigits total scores are compared at this many significant digits ({@link
 *     RankPrecision}), so equal scores share a rank
 */
public record ClassRules(
    Grouping grouping,
    boolean byScale,
    Rounding rounding,
    List<ClassBand> bands,
    int significantDigits) {
  public ClassRules {
    bands = List.copyOf(bands);
    RankPrecision.check(significantDigits);
  }

  public ClassRules(Grouping grouping, boolean byScale, Rounding rounding, List<ClassBand> bands) {
    this(grouping, byScale, rounding, bands, RankPrecision.DEFAULT_SIGNIFICANT_DIGITS);
  }

  /** Cumulative number of firms up to and including band {@code index}, for a group of n. */
  public long cumulativeCount(int index, long n) {
    ClassBand band = bands.get(index);
    if (index == bands.size() - 1) {
      return n;
    }
    long exact = band.toBasisPoints() * n;
    if (!band.inclusive() && exact % 10000 == 0) {
      return Math.max(0, exact / 10000 - 1);
    }
    return rounding.apply(exact);
  }

  /** The class of a firm with competition rank {@code rank} in a group of {@code n} firms. */
  public String classOf(long rank, long n) {
    for (int i = 0; i < bands.size() - 1; i++) {
      if (rank <= cumulativeCount(i, n)) {
        return bands.get(i).label();
      }
    }
    return bands.get(bands.size() - 1).label();
  }
}
