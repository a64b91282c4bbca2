package zoneassess.jobs.history;

import java.util.Locale;

/**
 * How a Monte Carlo replication aggregates, at every level of the tree alike. Nested weighted means
 * of one kind collapse to one mean over the leaves with the product of the sibling-normalised
 * weights on each leaf's path: Σ w·x for the arithmetic mean, exp(Σ w·ln x) for the geometric one.
 */
public enum ScoreAggregation {
  ARITHMETIC,
  /** Needs positive inputs: each indicator's normalised values are rescaled min-max to [1, 100]. */
  GEOMETRIC;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ScoreAggregation parse(String s) {
    for (ScoreAggregation a : values()) {
      if (a.key().equals(s.strip().toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "aggregation '" + s + "' is not one of arithmetic, geometric");
  }
}
