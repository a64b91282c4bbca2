package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.permu.ClassBand;
import zoneassess.schema.permu.PerMuScheme;

/**
 * The per-mu evaluation of enterprises as one pure transform: scope → item scores → totals →
 * classes → consecutive years in D and surcharges. Every year in the input is evaluated (the caller
 * filters up to the evaluated year), so D streaks and prior-year benchmarks see history.
 */
public final class PerMuEvaluation {
  private PerMuEvaluation() {}

  /**
   * The evaluation's outputs, columns as {@code PerMuMarts}.
   *
   * @param enterprises one row per enterprise-year ({@code permu_enterprise})
   * @param items one row per scored item ({@code permu_enterprise_items})
   */
  public record Result(Dataset<Row> enterprises, Dataset<Row> items) {}

  public static Result evaluate(Dataset<Row> enterprises, Dataset<Row> areas, PerMuScheme scheme) {
    Dataset<Row> prepared = PerMuScope.prepare(enterprises, areas, scheme);
    Dataset<Row> items = itemsMart(PerMuItems.score(prepared, scheme));
    return new Result(enterpriseMart(prepared, PerMuItems.totals(items), scheme), items);
  }

  /**
   * The enterprise rows from prepared rows and totals (the stage reads totals from published
   * items).
   */
  public static Dataset<Row> enterpriseMart(
      Dataset<Row> prepared, Dataset<Row> totals, PerMuScheme scheme) {
    var bands = scheme.classes().bands();
    ClassBand lowest = bands.get(bands.size() - 1);
    Dataset<Row> classified = PerMuClasses.classify(prepared, totals, scheme.classes());
    Dataset<Row> history = DClassHistory.apply(classified, lowest.label(), scheme.surcharge());
    Column[] cols =
        PerMuMarts.columns(PerMuMarts.ENTERPRISE).stream()
            .map(c -> c.equals("scheme_id") ? lit(scheme.id()).as(c) : col(c).cast(typeOf(c)).as(c))
            .toArray(Column[]::new);
    return history.select(cols);
  }

  public static Dataset<Row> itemsMart(Dataset<Row> scoredItems) {
    return scoredItems.select(
        PerMuMarts.columns(PerMuMarts.ENTERPRISE_ITEMS).stream()
            .map(c -> col(c))
            .toArray(Column[]::new));
  }

  private static String typeOf(String column) {
    return switch (PerMuMarts.ENTERPRISE.column(column).orElseThrow().type()) {
      case STRING -> "string";
      case INTEGER -> "int";
      case LONG -> "bigint";
      case DOUBLE -> "double";
      case BOOLEAN -> "boolean";
      case DATE -> "date";
    };
  }
}
