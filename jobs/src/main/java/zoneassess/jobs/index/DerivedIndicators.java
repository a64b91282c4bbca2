package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;

/**
 * The raw and denominated stages: each leaf indicator is read from its column or computed from its
 * formula, then divided by its denominator. In a formula a declared input name means the input
 * column, any other name the indicator of that code (computed first).
 */
final class DerivedIndicators {
  private static final String DEN = "__den__";

  private DerivedIndicators() {}

  /** Key columns plus one column per leaf (raw values) plus hidden denominator columns. */
  static Dataset<Row> raw(Dataset<Row> wide, Methodology m, List<String> key, IndexOptions opts) {
    List<String> parts = opts.partitionColumns();
    String period = parts.isEmpty() ? null : parts.get(parts.size() - 1);
    List<String> unitKey = new ArrayList<>();
    unitKey.add(opts.idColumn());
    unitKey.addAll(parts.isEmpty() ? List.of() : parts.subList(0, parts.size() - 1));
    Map<String, IndicatorNode> leaves = new LinkedHashMap<>();
    m.leaves().forEach(l -> leaves.put(l.code(), l));
    Map<String, Column> done = new HashMap<>();
    FormulaColumns[] fc = new FormulaColumns[1];
    java.util.function.Function<String, Column> resolve =
        name -> {
          if (m.inputs().contains(name)) {
            return col(name).cast("double");
          }
          return valueOf(leaves.get(name), leaves, done, fc[0]);
        };
    fc[0] = new FormulaColumns(resolve, unitKey, period);
    List<Column> out = new ArrayList<>();
    key.forEach(k -> out.add(col(k)));
    for (IndicatorNode leaf : leaves.values()) {
      out.add(valueOf(leaf, leaves, done, fc[0]).as(leaf.code()));
    }
    for (IndicatorNode leaf : leaves.values()) {
      if (leaf.denominator() != null) {
        out.add(resolve.apply(leaf.denominator()).as(DEN + leaf.code()));
      }
    }
    return wide.select(out.toArray(Column[]::new));
  }

  private static Column valueOf(
      IndicatorNode leaf,
      Map<String, IndicatorNode> leaves,
      Map<String, Column> done,
      FormulaColumns fc) {
    Column c = done.get(leaf.code());
    if (c == null) {
      c =
          leaf.formula() == null
              ? col(leaf.column()).cast("double")
              : fc.toColumn(leaf.formula(), leaf.code());
      done.put(leaf.code(), c);
    }
    return c;
  }

  /** Divides by the denominators and drops the hidden denominator columns. */
  static Dataset<Row> denominate(Dataset<Row> raw, Methodology m, List<String> key) {
    List<Column> out = new ArrayList<>();
    key.forEach(k -> out.add(col(k)));
    for (IndicatorNode leaf : m.leaves()) {
      Column v = col(leaf.code());
      if (leaf.denominator() != null) {
        v = FormulaColumns.safeDivide(v, col(DEN + leaf.code()));
      }
      out.add(v.as(leaf.code()));
    }
    return raw.select(out.toArray(Column[]::new));
  }

  /** The raw table without the hidden denominator columns. */
  static Dataset<Row> visible(Dataset<Row> raw, Methodology m, List<String> key) {
    List<Column> out = new ArrayList<>();
    key.forEach(k -> out.add(col(k)));
    m.leaves().forEach(l -> out.add(col(l.code())));
    return raw.select(out.toArray(Column[]::new));
  }
}
