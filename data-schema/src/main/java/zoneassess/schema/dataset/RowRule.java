package zoneassess.schema.dataset;

import java.util.List;
import java.util.Objects;

/**
 * A cross-column rule over one row, written as a Spark SQL boolean expression over canonical column
 * names that must hold. A row where the expression is {@code false} breaks the rule; {@code null}
 * (a value missing) does not.
 *
 * @param id stable rule id, used in rejects and reports (e.g. {@code tax_vs_revenue})
 * @param severity REJECT or WARN
 * @param condition Spark SQL expression that holds for a good row
 * @param columns the columns the rule is about (the first is reported as the rejected column)
 * @param reason readable reason, Chinese and English
 */
public record RowRule(
    String id, Severity severity, String condition, List<String> columns, String reason) {
  public RowRule {
    Objects.requireNonNull(id);
    Objects.requireNonNull(condition);
    columns = List.copyOf(columns);
    if (severity == Severity.FATAL) {
      throw new IllegalArgumentException("row rules reject or warn; they cannot stop a run: " + id);
    }
  }
}
