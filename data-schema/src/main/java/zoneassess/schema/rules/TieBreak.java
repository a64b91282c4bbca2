package zoneassess.schema.rules;

import java.util.Objects;

/**
 * One tie-breaker, applied in order when final scores are equal after rounding: the higher value
 * ranks first. Either a column of the assessment ({@code index_score}) or the score of a dimension
 * of the methodology. Zones still equal after all tie-breakers share the rank (competition
 * ranking); the zone code never breaks a tie.
 *
 * @param column {@code index_score}, or null when this is a dimension tie-breaker
 * @param dimension a dimension code of the methodology, or null
 */
public record TieBreak(String column, String dimension) {
  public TieBreak {
    if ((column == null) == (dimension == null)) {
      throw new IllegalArgumentException("a tie-breaker names either a column or a dimension");
    }
  }

  public static TieBreak column(String column) {
    return new TieBreak(Objects.requireNonNull(column), null);
  }

  public static TieBreak dimension(String dimension) {
    return new TieBreak(null, Objects.requireNonNull(dimension));
  }

  public boolean isDimension() {
    return dimension != null;
  }

  /** Readable label, e.g. {@code dimension economic} or {@code index_score}. */
  public String label() {
    return isDimension() ? "dimension " + dimension : column;
  }
}
