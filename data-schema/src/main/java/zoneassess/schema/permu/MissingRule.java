package zoneassess.schema.permu;

import java.util.Locale;

/**
 * The item score of a firm whose indicator value is not computable (a blank column or a zero
 * denominator, e.g. no emission data).
 */
public enum MissingRule {
  /** The average item score of the firms of the same class grouping, year and formula set. */
  AVERAGE,
  /** Zero points. */
  ZERO,
  /** The item is dropped and the firm's other item scores are scaled up to the full weight. */
  REWEIGHT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
