package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A broken rule on one row, as a Spark struct {@code (rule, column, reason, value)}. A check is a
 * column that holds the struct where the rule is broken and null elsewhere; a row's failures are
 * the non-null checks in the declared order.
 */
final class Failure {
  static final String RULE = "rule";
  static final String COLUMN = "column";
  static final String REASON = "reason";
  static final String VALUE = "value";

  private Failure() {}

  /** The failure struct where {@code broken} is true, else null. */
  static Column when(Column broken, String rule, String column, Column reason, Column value) {
    return org.apache.spark.sql.functions.when(
        broken,
        struct(
            lit(rule).as(RULE),
            lit(column).as(COLUMN),
            reason.cast(DataTypes.StringType).as(REASON),
            value.cast(DataTypes.StringType).as(VALUE)));
  }

  /** The failure struct where {@code broken} is true, with a rule read from a column. */
  static Column when(Column broken, Column rule, String column, Column reason, Column value) {
    return org.apache.spark.sql.functions.when(
        broken,
        struct(
            rule.cast(DataTypes.StringType).as(RULE),
            lit(column).as(COLUMN),
            reason.cast(DataTypes.StringType).as(REASON),
            value.cast(DataTypes.StringType).as(VALUE)));
  }

  /** Null of the failure struct type, for checks that never fire. */
  static Column none() {
    return when(lit(false), "", "", lit(""), lit(""));
  }

  /** The element type of a failure list. */
  static final StructType TYPE =
      new StructType()
          .add(RULE, DataTypes.StringType)
          .add(COLUMN, DataTypes.StringType)
          .add(REASON, DataTypes.StringType)
          .add(VALUE, DataTypes.StringType);

  /**
   * The non-null checks, in order, as an array. Built from {@code flatten} of one- or zero-element
   * arrays rather than a {@code filter} lambda: Spark evaluates higher-order functions, and every
   * expression below them, without code generation, which made the row checks several times slower.
   */
  static Column list(List<Column> checks) {
    Column empty = array().cast(DataTypes.createArrayType(TYPE));
    if (checks.isEmpty()) {
      return empty;
    }
    List<Column> each = new ArrayList<>();
    for (Column c : checks) {
      each.add(org.apache.spark.sql.functions.when(c.isNotNull(), array(c)).otherwise(empty));
    }
    return flatten(array(each.toArray(Column[]::new)));
  }

  static Column isTrue(Column condition) {
    return org.apache.spark.sql.functions.when(condition, lit(true)).otherwise(lit(false));
  }
}
