package zoneassess.schema.ranking;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import zoneassess.schema.yaml.YamlNode;

/**
 * The precision at which every ranking compares values: ranks, percentiles and class ranks of
 * costs, per-mu scores and assessment scores are computed on each value rounded to a number of
 * significant digits, so values that are equal but were computed along different paths (2.95 and
 * 2.9500000000000006) share a rank. Only the comparison rounds; stored values stay as computed.
 *
 * <p>Rounding rule: the value's shortest decimal representation (Java's {@code Double.toString},
 * the digits that read back as the same double) is rounded half up to {@code digits} significant
 * digits; 0 stays 0, −0 becomes 0, negative values round by magnitude (−2.345 → −2.35 at 3 digits),
 * null stays null, NaN and ±∞ are compared as they are.
 *
 * <p>Default {@value #DEFAULT_SIGNIFICANT_DIGITS}: a double carries 15–17 significant digits and
 * the noise of different summation orders sits in the last two or three of them, while no input of
 * the assessment (prices, areas, taxes, scores) carries more than 9. Methodology and rules files
 * ({@code ranking: significant_digits}) and per-mu schemes ({@code classes: significant_digits})
 * may declare another value from {@value #MIN} to {@value #MAX}.
 */
public final class RankPrecision {
  public static final int DEFAULT_SIGNIFICANT_DIGITS = 12;
  public static final int MIN = 1;
  public static final int MAX = 15;
  public static final String KEY = "significant_digits";

  private RankPrecision() {}

  /** The digits declared under {@code node}'s {@value #KEY}, or the default. */
  public static int read(YamlNode node) {
    int digits = node.getInt(KEY, DEFAULT_SIGNIFICANT_DIGITS);
    if (digits < MIN || digits > MAX) {
      throw node.require(KEY).error(KEY + " must lie in " + MIN + ".." + MAX + ", found " + digits);
    }
    return digits;
  }

  /** Checks a precision given in code. */
  public static int check(int digits) {
    if (digits < MIN || digits > MAX) {
      throw new IllegalArgumentException(
          "significant digits must lie in " + MIN + ".." + MAX + ": " + digits);
    }
    return digits;
  }

  /**
   * The value a ranking compares: {@code value} rounded half up to {@code digits} significant
   * digits of its shortest decimal representation (the reference for the Spark expression).
   */
  public static Double comparable(Double value, int digits) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return value;
    }
    BigDecimal shortest = new BigDecimal(Double.toString(value));
    return shortest.round(new MathContext(digits, RoundingMode.HALF_UP)).doubleValue() + 0.0;
  }
}
