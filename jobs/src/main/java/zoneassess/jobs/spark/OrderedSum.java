package zoneassess.jobs.spark;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * A sum of doubles that does not depend on where the job runs. Spark's {@code sum} adds values in
 * the order the partitions arrive, and floating-point addition is not associative, so a local and a
 * cluster run can differ in the last bits. Summing the group's values in sorted order gives the
 * same result everywhere. For groups of modest size (profile lines, cost factors); not for sums
 * over millions of rows.
 */
public final class OrderedSum {
  private OrderedSum() {}

  /** Like {@code sum(c)}: null for an empty or all-null group. */
  public static Column of(Column c) {
    Column sorted = array_sort(collect_list(c.cast("double")));
    return when(count(c).gt(0), aggregate(sorted, lit(0.0), (acc, x) -> acc.plus(x)));
  }

  /**
   * {@code window} with its rows sorted by {@code value} and a frame of the whole partition: an
   * average or deviation over it adds the values in sorted order, so it does not depend on the
   * order in which the partition's rows arrived (equal values may come in any order: they add the
   * same).
   */
  public static WindowSpec window(WindowSpec window, Column value) {
    return window
        .orderBy(value.asc_nulls_last())
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
  }

  public static Column of(String column) {
    return of(col(column));
  }

  /** Like {@code avg(c)}: the ordered sum divided by the count of non-null values. */
  public static Column mean(Column c) {
    return of(c).divide(count(c));
  }

  public static Column mean(String column) {
    return mean(col(column));
  }
}
