package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import zoneassess.schema.methodology.Expr;

/**
 * Translates a parsed formula into a Spark column. Division by zero and logarithms of non-positive
 * numbers give a missing value rather than an error or an infinity. {@code growth} looks along the
 * unit's own periods: {@code x / previous x − 1} or {@code x / x in the base period − 1}.
 */
final class FormulaColumns {
  private final Function<String, Column> resolve;
  private final List<String> unitKey;
  private final String periodColumn;

  /**
   * @param resolve maps a referenced name to its column
   * @param unitKey id plus partition columns other than the period (a unit's series)
   * @param periodColumn the column ordering periods, or null when the table has one period
   */
  FormulaColumns(Function<String, Column> resolve, List<String> unitKey, String periodColumn) {
    this.resolve = resolve;
    this.unitKey = unitKey;
    this.periodColumn = periodColumn;
  }

  Column toColumn(Expr e, String indicator) {
    if (e instanceof Expr.Num n) {
      return lit(n.value());
    }
    if (e instanceof Expr.Ref r) {
      return resolve.apply(r.name());
    }
    if (e instanceof Expr.Neg n) {
      return toColumn(n.operand(), indicator).multiply(-1);
    }
    if (e instanceof Expr.Binary b) {
      Column l = toColumn(b.left(), indicator);
      Column r = toColumn(b.right(), indicator);
      return switch (b.op()) {
        case '+' -> l.plus(r);
        case '-' -> l.minus(r);
        case '*' -> l.multiply(r);
        default -> safeDivide(l, r);
      };
    }
    Expr.Call c = (Expr.Call) e;
    List<Column> args = c.args().stream().map(a -> toColumn(a, indicator)).toList();
    return switch (c.name()) {
      case "log", "ln" -> when(args.get(0).gt(0), functions.log(args.get(0)));
      case "log10" -> when(args.get(0).gt(0), functions.log10(args.get(0)));
      case "exp" -> functions.exp(args.get(0));
      case "sqrt" -> when(args.get(0).geq(0), functions.sqrt(args.get(0)));
      case "abs" -> functions.abs(args.get(0));
      case "min" -> args.size() == 1 ? args.get(0) : least(args.toArray(Column[]::new));
      case "max" -> args.size() == 1 ? args.get(0) : greatest(args.toArray(Column[]::new));
      case "sum" -> sum(args);
      case "growth" -> growth(args.get(0), c.growthBase(), indicator);
      default -> throw new IllegalStateException("function " + c.name());
    };
  }

  static Column safeDivide(Column l, Column r) {
    return when(r.notEqual(0), functions.try_divide(l, r));
  }

  private static Column sum(List<Column> args) {
    Column total = lit(0.0);
    Column anyPresent = lit(false);
    for (Column a : args) {
      total = total.plus(coalesce(a, lit(0.0)));
      anyPresent = anyPresent.or(a.isNotNull());
    }
    return when(anyPresent, total);
  }

  private Column growth(Column x, String base, String indicator) {
    if (periodColumn == null) {
      throw new IllegalArgumentException(
          "indicator '"
              + indicator
              + "' uses growth(), which needs a period column: pass the period as a partition column (--partition-column)");
    }
    WindowSpec series =
        Window.partitionBy(unitKey.stream().map(functions::col).toArray(Column[]::new));
    Column reference;
    if (base == null) {
      reference = lag(x, 1).over(series.orderBy(col(periodColumn)));
    } else {
      reference =
          first(when(col(periodColumn).cast("string").equalTo(base), x), true)
              .over(series.rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing()));
    }
    return safeDivide(x, reference).minus(1);
  }
}
