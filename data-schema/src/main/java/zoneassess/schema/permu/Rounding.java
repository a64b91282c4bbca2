package zoneassess.schema.permu;

import java.util.Locale;

/** How a class bound share × group size becomes a whole number of firms. */
public enum Rounding {
  /** 1.5 → 2, 1.4 → 1. */
  HALF_UP,
  /** 1.9 → 1. */
  FLOOR,
  /** 1.1 → 2. */
  CEIL;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code numerator ÷ 10000} rounded by this rule; numerator ≥ 0. */
  long apply(long tenThousandths) {
    return switch (this) {
      case HALF_UP -> (tenThousandths + 5000) / 10000;
      case FLOOR -> tenThousandths / 10000;
      case CEIL -> (tenThousandths + 9999) / 10000;
    };
  }
}
