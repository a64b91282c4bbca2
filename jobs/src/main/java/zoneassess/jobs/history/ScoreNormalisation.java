package zoneassess.jobs.history;

import java.util.Locale;

/**
 * The normalisations a Monte Carlo replication can draw, applied per indicator to the treated value
 * with the indicator's direction (lower-is-better values are negated first). See {@link
 * ScoreVariants} for the formulas and the rule for missing values.
 */
public enum ScoreNormalisation {
  /** The run's own {@code normalised_value} (the methodology's normalisation). */
  METHODOLOGY,
  /** (x − min) / (max − min) × 100. */
  MINMAX,
  /** (x − mean) / sample standard deviation. */
  ZSCORE,
  /** Percentile rank: (competition rank from the worst − 1) / (n − 1) × 100. */
  RANK;

  /** The spelling on the command line and in the marts: lower case. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScoreNormalisation parse(String s) {
    for (ScoreNormalisation n : values()) {
      if (n.key().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "normalisation '" + s + "' is not one of methodology, minmax, zscore, rank");
  }
}
