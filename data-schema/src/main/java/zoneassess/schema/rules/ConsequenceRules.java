package zoneassess.schema.rules;

import java.util.Map;
import java.util.Objects;

/**
 * Consequences that need several years of results. A null member is switched off.
 *
 * @param delisting provincial zones in the bottom places in enough of the recent years (撤销/退出)
 * @param nationalExit national zones in the bottom places of the national list in consecutive years
 *     (退出国家级名单)
 * @param projectDrought no major project started in consecutive years (降档)
 */
public record ConsequenceRules(
    BottomPlaces delisting, BottomPlaces nationalExit, ProjectDrought projectDrought) {

  /**
   * "A zone of {@code level} in the bottom {@code bottom} places of its level's list in at least
   * {@code minHits} of the last {@code windowYears} years (the current one included)."
   *
   * @param level national or provincial: the list and the zones the rule applies to
   * @param bottom how many last places count
   * @param windowYears length of the look-back window in years, current year included
   * @param minHits years in the window the zone must have been in the bottom places
   * @param vetoCountsAsBottom whether a vetoed (unranked) year counts as a bottom year
   */
  public record BottomPlaces(
      String level, int bottom, int windowYears, int minHits, boolean vetoCountsAsBottom) {
    public BottomPlaces {
      Objects.requireNonNull(level);
      if (bottom < 1 || windowYears < 1 || minHits < 1 || minHits > windowYears) {
        throw new IllegalArgumentException(
            "need bottom ≥ 1 and 1 ≤ min_hits ≤ years: "
                + bottom
                + ", "
                + minHits
                + ", "
                + windowYears);
      }
    }
  }

  /**
   * "No major project started ({@code indicator} = 0) in each of the last {@code years} years": the
   * zone is demoted by {@code demotionTiers} tiers (never below the last band).
   *
   * @param indicator the project-fact column counted (projects_started_1e8 = ≥ 1 亿元 projects,
   *     projects_started_5e9 = 重特大, ≥ 50 亿元)
   * @param years consecutive years without a start
   * @param demotionTiers tiers the zone moves down
   * @param indicatorByLevel a zone level's own project-fact column (national → ≥ 100 亿元 …)
   * @param slowGrowth when set, the rule fires only if the zone also develops slowly this year
   * @param markAtLowestTier whether a zone already in the last band is still marked demoted (降级
   *     marked, the band cannot move) instead of being skipped
   */
  public record ProjectDrought(
      String indicator,
      int years,
      int demotionTiers,
      Map<String, String> indicatorByLevel,
      SlowGrowth slowGrowth,
      boolean markAtLowestTier) {
    public ProjectDrought {
      Objects.requireNonNull(indicator);
      indicatorByLevel = Map.copyOf(indicatorByLevel);
      if (years < 1 || demotionTiers < 0) {
        throw new IllegalArgumentException("need years ≥ 1 and demotion_tiers ≥ 0");
      }
    }

    /** One indicator for every level, no growth condition, the last band skipped. */
    public ProjectDrought(String indicator, int years, int demotionTiers) {
      this(indicator, years, demotionTiers, Map.of(), null, false);
    }

    /** The project-fact column counted for zones of {@code level}. */
    public String indicatorFor(String level) {
      return indicatorByLevel.getOrDefault(level, indicator);
    }
  }

  /**
   * 发展缓慢: the growth of a zone statistic against the previous year is below the median growth of
   * all zones assessed that year (province median). A zone without the previous year's value is not
   * counted as slow.
   *
   * @param indicator a code of the indicator catalogue (e.g. industrial_value_added)
   */
  public record SlowGrowth(String indicator) {
    public SlowGrowth {
      Objects.requireNonNull(indicator);
    }
  }
}
