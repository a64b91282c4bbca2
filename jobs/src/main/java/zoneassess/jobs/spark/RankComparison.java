package zoneassess.jobs.spark;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import org.apache.spark.sql.Column;
import zoneassess.schema.ranking.RankPrecision;

/**
 * The value a ranking orders by: {@link RankPrecision#comparable} as a Spark expression.
 *
 * <p>{@code round()} takes decimal places, not significant digits, so the value is written in
 * scientific notation with {@code digits − 1} decimals ({@code format_string('%.11e', v)}: Java's
 * formatter rounds the shortest decimal representation half up, exactly as {@code BigDecimal} does)
 * and read back as a double. Adding 0.0 turns −0 into 0. Null, NaN and ±∞ pass unchanged.
 */
public final class RankComparison {
  private RankComparison() {}

  /** {@code value} (any numeric type) rounded to {@code digits} significant digits, as double. */
  public static Column key(Column value, int digits) {
    RankPrecision.check(digits);
    Column v = value.cast("double");
    String pattern = String.format(Locale.ROOT, "%%.%de", digits - 1);
    Column rounded = format_string(pattern, v).cast("double").plus(lit(0.0));
    return when(abs(v).leq(lit(Double.MAX_VALUE)), rounded).otherwise(v);
  }

  /** {@link #key} at the default precision. */
  public static Column key(Column value) {
    return key(value, RankPrecision.DEFAULT_SIGNIFICANT_DIGITS);
  }
}
