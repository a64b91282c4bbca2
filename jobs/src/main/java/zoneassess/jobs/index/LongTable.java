package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Wide ↔ long: the engine works on a long table (key, indicator, value) so that one window
 * partitioned by (partition columns, indicator) serves every indicator; stage outputs are wide.
 * Pivots name their values explicitly (the methodology's codes), so no data is collected.
 */
final class LongTable {
  static final String NODE = IndicatorSettings.INDICATOR;
  static final String VALUE = "value";

  private LongTable() {}

  static Dataset<Row> unpivot(Dataset<Row> wide, List<String> key, List<String> codes) {
    Column[] ids = key.stream().map(functions::col).toArray(Column[]::new);
    Column[] values = codes.stream().map(c -> col(c).cast("double").as(c)).toArray(Column[]::new);
    return wide.unpivot(ids, values, NODE, VALUE);
  }

  static Dataset<Row> pivot(
      Dataset<Row> longTable, List<String> key, List<String> codes, String valueColumn) {
    Column[] ids = key.stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> wide =
        longTable
            .groupBy(ids)
            .pivot(NODE, new ArrayList<Object>(codes))
            .agg(first(col(valueColumn)));
    List<Column> out = new ArrayList<>(List.of(ids));
    codes.forEach(c -> out.add(col(c).cast("double").as(c)));
    return sortByKey(wide.select(out.toArray(Column[]::new)), key);
  }

  static Dataset<Row> sortByKey(Dataset<Row> d, List<String> key) {
    List<String> order = new ArrayList<>(key);
    return d.orderBy(order.stream().map(c -> col(c).asc_nulls_first()).toArray(Column[]::new));
  }
}
