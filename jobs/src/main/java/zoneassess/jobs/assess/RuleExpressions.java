package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Map;
import org.apache.spark.sql.Column;

/** Builds CASE expressions from rules-sized lookup tables, so rules never need a join. */
final class RuleExpressions {
  private RuleExpressions() {}

  /** {@code CASE key WHEN k1 THEN v1 … END} (null when no key matches or the map is empty). */
  static Column lookup(Column key, Map<?, ?> values) {
    Column out = null;
    for (Map.Entry<?, ?> e : values.entrySet()) {
      Column v = e.getValue() == null ? lit(null) : lit(e.getValue());
      out =
          out == null
              ? when(key.equalTo(lit(e.getKey())), v)
              : out.when(key.equalTo(lit(e.getKey())), v);
    }
    return out == null ? lit(null) : out;
  }

  /** {@code least(value, cap)} when a cap is set. */
  static Column capped(Column value, Double cap) {
    return cap == null ? value : org.apache.spark.sql.functions.least(value, lit(cap));
  }
}
