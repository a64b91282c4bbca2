package zoneassess.schema.factor;

import java.util.Locale;

/**
 * How monthly prices become quarterly and annual ones. Neither rule fills a missing month: the
 * aggregate is built from the months that exist and every missing month is listed as a gap.
 */
public enum CarryRule {
  /** Arithmetic mean of the months present in the quarter or year. */
  AVERAGE,
  /** The value of the last month present in the quarter or year (normally its final month). */
  PERIOD_END;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
