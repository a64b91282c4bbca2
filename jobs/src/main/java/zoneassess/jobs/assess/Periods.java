package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Spark expressions over period strings ({@code yyyy}, {@code yyyyQn}, {@code yyyy-MM}). A period
 * covers the months 1..end of its year: year-to-date figures, events and project starts of a
 * sub-annual period are those up to its last month.
 */
final class Periods {
  private Periods() {}

  static boolean isAnnual(String period) {
    return period.matches("^[0-9]{4}$");
  }

  static Column isAnnual(Column period) {
    return length(period).equalTo(4);
  }

  static Column year(Column period) {
    return substring(period, 1, 4).cast("int");
  }

  /** Last month of the period: 12 for a year, 3·n for quarter n, the month itself for yyyy-MM. */
  static Column endMonth(Column period) {
    return when(length(period).equalTo(4), lit(12))
        .when(substring(period, 5, 1).equalTo("Q"), substring(period, 6, 1).cast("int").multiply(3))
        .otherwise(substring(period, 6, 2).cast("int"));
  }

  /**
   * The period a period is compared with: the previous year, or the same quarter/month a year
   * earlier.
   */
  static Column previous(Column period) {
    return concat(year(period).minus(1).cast("string"), substring(period, 5, 4));
  }

  /**
   * The period within its year: empty for a year, {@code Q3} for a quarter, {@code -09} for a
   * month. Periods with the same slot form one year-on-year series.
   */
  static Column slot(Column period) {
    return substring(period, 5, 4);
  }

  /** Java twin of {@link #previous(Column)}. */
  static String previous(String period) {
    return (Integer.parseInt(period.substring(0, 4)) - 1) + period.substring(4);
  }
}
