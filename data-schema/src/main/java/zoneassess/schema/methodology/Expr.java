package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed derived-indicator formula. The grammar is deliberately small (numbers, column or
 * indicator codes, + − × ÷, parentheses and a fixed set of functions), so a formula can never run
 * arbitrary code; the engine translates the tree into Spark column expressions.
 */
public sealed interface Expr {

  /** A numeric literal. */
  record Num(double value) implements Expr {}

  /** A reference to an input column or another indicator. */
  record Ref(String name) implements Expr {}

  /** Unary minus. */
  record Neg(Expr operand) implements Expr {}

  /** {@code op} is one of + - * /. */
  record Binary(char op, Expr left, Expr right) implements Expr {}

  /**
   * A function call. {@code growth} takes the series and either {@code previous} or {@code base=Y};
   * its second argument is kept in {@link #growthBase}.
   *
   * @param name lower-case function name
   * @param args arguments
   * @param growthBase for growth: null = previous period, otherwise the base period value
   */
  record Call(String name, List<Expr> args, String growthBase) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  /** Every name referenced in the formula, in order of first use. */
  default Set<String> references() {
    Set<String> out = new LinkedHashSet<>();
    collect(this, out);
    return out;
  }

  /** True when the formula needs values of other periods (growth). */
  default boolean usesOtherPeriods() {
    if (this instanceof Call c) {
      return c.name().equals("growth") || c.args().stream().anyMatch(Expr::usesOtherPeriods);
    }
    if (this instanceof Binary b) {
      return b.left().usesOtherPeriods() || b.right().usesOtherPeriods();
    }
    return this instanceof Neg n && n.operand().usesOtherPeriods();
  }

  private static void collect(Expr e, Set<String> out) {
    if (e instanceof Ref r) {
      out.add(r.name());
    } else if (e instanceof Neg n) {
      collect(n.operand(), out);
    } else if (e instanceof Binary b) {
      collect(b.left(), out);
      collect(b.right(), out);
    } else if (e instanceof Call c) {
      c.args().forEach(a -> collect(a, out));
    }
  }

  /** Functions a formula may call, with their argument counts (-1 = one or more). */
  static int arity(String fn) {
    return switch (fn) {
      case "log", "ln", "log10", "exp", "sqrt", "abs" -> 1;
      case "growth" -> 2;
      case "sum", "min", "max" -> -1;
      default -> -2;
    };
  }

  static List<String> functions() {
    return new ArrayList<>(
        List.of("abs", "exp", "growth", "ln", "log", "log10", "max", "min", "sqrt", "sum"));
  }
}
