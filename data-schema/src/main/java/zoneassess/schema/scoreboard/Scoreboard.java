package zoneassess.schema.scoreboard;

import java.util.List;

/**
 * The seed's goals, 两增强五提升, as a scoreboard file (format in {@code docs/allocation.md}): each goal
 * is measured by the indicators the file names, each measure against a target.
 *
 * @param id written to the mart
 * @param nameZh the scoreboard's name
 * @param goals in the file's order
 * @param file where it was read from
 * @param sha256 the file's hash
 */
public record Scoreboard(String id, String nameZh, List<Goal> goals, String file, String sha256) {
  public Scoreboard {
    goals = List.copyOf(goals);
  }

  /**
   * @param code snake_case
   * @param nameZh 产业实力提升 …
   * @param kind 增强 or 提升
   * @param all true: met when every measure is met; false: when any is
   * @param measures at least one
   */
  public record Goal(String code, String nameZh, String kind, boolean all, List<Measure> measures) {
    public Goal {
      measures = List.copyOf(measures);
    }
  }

  /**
   * @param kind growth (of a zone statistic against the previous year, a ratio: 0.08 = 8 %), value
   *     (of a zone statistic or project fact) or delta_rank (places gained in the all-zones list)
   * @param indicator the statistic or project fact; null for delta_rank
   * @param target the value the measure must reach (≥)
   */
  public record Measure(String kind, String indicator, double target) {}
}
