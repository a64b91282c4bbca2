package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Recursive-descent parser for formulas such as {@code leading_industry_output / industrial_output}
 * or {@code growth(gdp, base=2018)}. Accepts × and ÷ as well as * and /. Identifiers are letters
 * (including Chinese), digits and underscores; a name with other characters is written in
 * back-quotes. Errors name the character position.
 */
public final class ExprParser {
  private final String text;
  private int pos;

  private ExprParser(String text) {
    this.text = text;
  }

  /** Parses {@code text}; throws {@link IllegalArgumentException} with the problem and position. */
  public static Expr parse(String text) {
    ExprParser p = new ExprParser(text);
    Expr e = p.expression();
    p.skipSpace();
    if (p.pos < text.length()) {
      throw p.fail("unexpected '" + text.charAt(p.pos) + "'");
    }
    return e;
  }

  private IllegalArgumentException fail(String problem) {
    return new IllegalArgumentException(
        problem + " at character " + (pos + 1) + " of formula '" + text + "'");
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
      pos++;
    }
  }

  private boolean accept(char c) {
    skipSpace();
    if (pos < text.length() && text.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private Expr expression() {
    Expr left = term();
    while (true) {
      if (accept('+')) {
        left = new Expr.Binary('+', left, term());
      } else if (accept('-') || accept('−')) {
        left = new Expr.Binary('-', left, term());
      } else {
        return left;
      }
    }
  }

  private Expr term() {
    Expr left = unary();
    while (true) {
      if (accept('*') || accept('×')) {
        left = new Expr.Binary('*', left, unary());
      } else if (accept('/') || accept('÷')) {
        left = new Expr.Binary('/', left, unary());
      } else {
        return left;
      }
    }
  }

  private Expr unary() {
    if (accept('-') || accept('−')) {
      return new Expr.Neg(unary());
    }
    return primary();
  }

  private Expr primary() {
    skipSpace();
    if (pos >= text.length()) {
      throw fail("the formula ends too early");
    }
    char c = text.charAt(pos);
    if (accept('(')) {
      Expr e = expression();
      if (!accept(')')) {
        throw fail("missing ')'");
      }
      return e;
    }
    if (Character.isDigit(c) || c == '.') {
      return new Expr.Num(number());
    }
    if (c == '`') {
      int end = text.indexOf('`', pos + 1);
      if (end < 0) {
        throw fail("missing closing back-quote");
      }
      String name = text.substring(pos + 1, end);
      pos = end + 1;
      return new Expr.Ref(name);
    }
    if (isNameStart(c)) {
      String name = name();
      if (accept('(')) {
        return call(name);
      }
      return new Expr.Ref(name);
    }
    throw fail("unexpected '" + c + "'");
  }

  private Expr call(String rawName) {
    String fn = rawName.toLowerCase(Locale.ROOT);
    int arity = Expr.arity(fn);
    if (arity == -2) {
      throw fail(
          "unknown function '"
              + rawName
              + "' (known: "
              + String.join(", ", Expr.functions())
              + ")");
    }
    List<Expr> args = new ArrayList<>();
    String growthBase = null;
    if (fn.equals("growth")) {
      args.add(expression());
      if (!accept(',')) {
        throw fail("growth needs two arguments: growth(x, previous) or growth(x, base=2018)");
      }
      skipSpace();
      String kind = name();
      if (kind.equals("base")) {
        if (!accept('=')) {
          throw fail("expected '=' after base");
        }
        skipSpace();
        int start = pos;
        while (pos < text.length()
            && (Character.isLetterOrDigit(text.charAt(pos))
                || "-_".indexOf(text.charAt(pos)) >= 0)) {
          pos++;
        }
        growthBase = text.substring(start, pos);
        if (growthBase.isEmpty()) {
          throw fail("expected a base period after base=");
        }
      } else if (!kind.equals("previous")) {
        throw fail(
            "the second argument of growth is 'previous' or 'base=<period>', not '" + kind + "'");
      }
    } else {
      if (accept(')')) {
        throw fail(rawName + "() needs an argument");
      }
      do {
        args.add(expression());
      } while (accept(','));
    }
    if (!accept(')')) {
      throw fail("missing ')' after the arguments of " + rawName);
    }
    if (arity > 0 && !fn.equals("growth") && args.size() != arity) {
      throw fail(rawName + " takes " + arity + " argument(s), found " + args.size());
    }
    return new Expr.Call(fn, args, growthBase);
  }

  private double number() {
    int start = pos;
    while (pos < text.length()
        && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
      pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (pos < text.length() && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
        pos++;
      }
      while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
        pos++;
      }
    }
    String s = text.substring(start, pos);
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      pos = start;
      throw fail("'" + s + "' is not a number");
    }
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private String name() {
    int start = pos;
    while (pos < text.length()
        && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw fail("expected a name");
    }
    return text.substring(start, pos);
  }
}
