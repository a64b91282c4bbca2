package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.translate;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import java.math.BigDecimal;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.CreditCode;
import zoneassess.schema.dataset.PlausibleYears;

/**
 * Per-column typing and checks, all Spark column expressions: a cleaned string {@code _raw_<name>}
 * becomes the typed {@code <name>}; the checks compare the two.
 */
final class ColumnChecks {
  static final List<String> TRUE_WORDS = List.of("true", "1", "y", "yes", "是");
  static final List<String> FALSE_WORDS = List.of("false", "0", "n", "no", "否");

  private ColumnChecks() {}

  static String raw(String column) {
    return "_raw_" + column;
  }

  static Column rawCol(String column) {
    return col(raw(column));
  }

  static Column typedCol(String column) {
    return col("`" + column + "`");
  }

  /**
   * Characters trimmed from both ends of every value: Java's {@code \s}, no-break and ideographic
   * spaces, BOM.
   */
  static final String BLANKS = " \t\n\u000B\f\r\u00A0\u3000\uFEFF";

  /**
   * Trims whitespace (also no-break and ideographic spaces); blank becomes null. Spark's
   * character-set trim, not a regular expression: this runs on every cell of every input.
   */
  static Column clean(Column s) {
    Column t = trim(s, BLANKS);
    return when(t.equalTo(""), lit(null).cast(DataTypes.StringType)).otherwise(t);
  }

  /**
   * A number written with thousands separators (ASCII or full-width commas) in valid groups of
   * three: 1,234 and 12,345.6 are numbers, 3,5 and 1,23 are not (a decimal comma is never guessed).
   */
  static final String GROUPED_NUMBER = "^[+-]?[0-9]{1,3}([,，][0-9]{3})+(\\.[0-9]*)?$";

  static Column hasSeparator(Column raw) {
    return raw.contains(",").or(raw.contains("，"));
  }

  /** The typed value of a cleaned string; null when blank or not of the type. */
  static Column typed(ColumnSpec spec, Column raw) {
    // Only a value with separators pays for the regular expression.
    Column number =
        when(hasSeparator(raw), when(raw.rlike(GROUPED_NUMBER), translate(raw, ",，", "")))
            .otherwise(raw);
    return switch (spec.type()) {
      case STRING -> raw;
      case INTEGER, LONG -> {
        Column d = number.try_cast(DataTypes.createDecimalType(38, 8));
        double lo = spec.type() == ColumnType.INTEGER ? Integer.MIN_VALUE : Long.MIN_VALUE;
        double hi = spec.type() == ColumnType.INTEGER ? Integer.MAX_VALUE : Long.MAX_VALUE;
        yield when(
                d.isNotNull().and(d.equalTo(floor(d))).and(d.geq(lo)).and(d.leq(hi)),
                d.cast(ContractSchemas.sparkType(spec.type())))
            .otherwise(lit(null).cast(ContractSchemas.sparkType(spec.type())));
      }
      case DOUBLE -> {
        Column d = number.try_cast(DataTypes.DoubleType);
        yield when(isnan(d).or(abs(d).equalTo(Double.POSITIVE_INFINITY)), lit(null).cast("double"))
            .otherwise(d);
      }
      case BOOLEAN ->
          when(lower(raw).isin(TRUE_WORDS.toArray()), lit(true))
              .when(lower(raw).isin(FALSE_WORDS.toArray()), lit(false))
              .otherwise(lit(null).cast(DataTypes.BooleanType));
      case DATE ->
          coalesce(
              call_function("try_to_date", raw, lit("yyyy-M-d")),
              call_function("try_to_date", raw, lit("yyyy/M/d")),
              call_function("try_to_date", raw, lit("yyyyMMdd")));
    };
  }

  static Column required(ColumnSpec c) {
    if (!c.required()) {
      return null;
    }
    return Failure.when(
        rawCol(c.name()).isNull(),
        "required",
        c.name(),
        lit("必填项为空 / required value " + c.name() + " is blank"),
        lit(null));
  }

  static Column type(ColumnSpec c) {
    if (c.type() == ColumnType.STRING) {
      return null;
    }
    String what =
        switch (c.type()) {
          case INTEGER, LONG -> "不是整数 / '%s' is not a whole number";
          case DOUBLE -> "不是数值 / '%s' is not a number";
          case BOOLEAN -> "不是是/否值 / '%s' is not a yes/no value (是/否, true/false, 1/0, Y/N)";
          case DATE -> "不是日期 / '%s' is not a date (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd)";
          default -> "'%s'";
        };
    Column raw = rawCol(c.name());
    Column reason = format(what, raw);
    if (c.type() == ColumnType.DOUBLE) {
      // Typed null although it parses as a double: NaN, Infinity, or beyond ±1.8e308.
      reason =
          when(
                  raw.try_cast(DataTypes.DoubleType).isNotNull(),
                  format("不是有限数值 / '%s' is not a finite number", raw))
              .otherwise(reason);
    }
    if (c.isNumeric()) {
      reason =
          when(
                  hasSeparator(raw).and(not(raw.rlike(GROUPED_NUMBER))),
                  format(
                      "千分位分隔符位置不对 / '%s' is not a number: thousands separators must"
                          + " separate groups of three digits",
                      raw))
              .otherwise(reason);
    }
    return Failure.when(
        raw.isNotNull().and(typedCol(c.name()).isNull()), "type", c.name(), reason, raw);
  }

  static Column pattern(ColumnSpec c) {
    if (c.pattern() == null) {
      return null;
    }
    Column v = typedCol(c.name());
    return Failure.when(
        v.isNotNull().and(not(v.rlike(c.pattern()))),
        "pattern",
        c.name(),
        format("格式不符 / '%s' does not match " + c.pattern(), v),
        v);
  }

  static Column accepted(ColumnSpec c) {
    if (c.acceptedValues().isEmpty()) {
      return null;
    }
    List<String> values = c.acceptedValues().stream().sorted().toList();
    Column v = typedCol(c.name());
    return Failure.when(
        v.isNotNull().and(not(v.isin(values.toArray()))),
        "accepted_values",
        c.name(),
        format("取值不在允许范围 / '%s' is not one of " + String.join(", ", values), v),
        v);
  }

  static Column range(ColumnSpec c) {
    if (!c.isNumeric() || (c.min() == null && c.max() == null)) {
      return null;
    }
    Column v = typedCol(c.name());
    Column broken = lit(false);
    if (c.min() != null) {
      broken = broken.or(v.lt(c.min()));
    }
    if (c.max() != null) {
      broken = broken.or(v.gt(c.max()));
    }
    String bounds =
        "["
            + (c.min() == null ? "-inf" : plain(c.min()))
            + ", "
            + (c.max() == null ? "+inf" : plain(c.max()))
            + "]";
    return Failure.when(
        v.isNotNull().and(broken),
        "range",
        c.name(),
        format("超出范围 " + bounds + " / %s is outside " + bounds, rawCol(c.name())),
        rawCol(c.name()));
  }

  /** A value whose year lies outside the dataset's plausible years. */
  static Column plausibleYear(ColumnSpec c, PlausibleYears years) {
    Column v = typedCol(c.name());
    Column year =
        switch (c.type()) {
          case DATE -> call_function("year", v);
          case INTEGER, LONG -> v;
          default -> substring(v, 1, 4).try_cast(DataTypes.IntegerType);
        };
    String bounds = years.first() + "–" + years.last();
    return Failure.when(
        year.isNotNull().and(year.lt(years.first()).or(year.gt(years.last()))),
        "plausible_year",
        c.name(),
        format("年份不在合理范围 " + bounds + " / '%s' is outside the plausible years " + bounds, v),
        v);
  }

  static Column creditCode(ColumnSpec c) {
    if (!CreditCode.SHAPE.equals(c.pattern())) {
      return null;
    }
    Column v = typedCol(c.name());
    Column expected = expr(CreditCode.sparkCheckCharacterExpression("`" + c.name() + "`"));
    Column actual = substring(v, 18, 1);
    return Failure.when(
        v.isNotNull().and(v.rlike(CreditCode.SHAPE)).and(not(expected.equalTo(actual))),
        "credit_code",
        c.name(),
        concat(
            lit("信用代码校验位错误 / credit code check character is '"),
            actual,
            lit("', expected '"),
            expected,
            lit("'")),
        v);
  }

  /** {@code template} with each {@code %s} replaced by the value of {@code value}. */
  static Column format(String template, Column value) {
    String[] parts = template.split("%s", -1);
    Column[] pieces = new Column[parts.length * 2 - 1];
    for (int i = 0; i < parts.length; i++) {
      pieces[i * 2] = lit(parts[i]);
      if (i < parts.length - 1) {
        pieces[i * 2 + 1] = coalesce(value.cast(DataTypes.StringType), lit(""));
      }
    }
    return concat(pieces);
  }

  static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
