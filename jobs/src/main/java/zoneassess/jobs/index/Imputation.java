package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.median;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.schema.methodology.MissingData;

/**
 * Fills missing indicator values with the mean (or median) of the same indicator over the units of
 * the same partition and, for group means, the same group. A group where every unit is missing
 * stays missing. Works on the long table; adds {@code imputed} (true where a value was filled).
 */
final class Imputation {
  static final String IMPUTED = "imputed";

  private Imputation() {}

  static Dataset<Row> apply(Dataset<Row> longTable, MissingData md, List<String> partitions) {
    Column v = col(LongTable.VALUE);
    if (md.impute() == MissingData.Imputation.NONE) {
      return longTable.withColumn(IMPUTED, functions.lit(false));
    }
    List<String> by = new ArrayList<>(partitions);
    by.add(LongTable.NODE);
    if (md.impute() == MissingData.Imputation.GROUP_MEAN) {
      by.addAll(md.groupBy());
    }
    var w = Window.partitionBy(by.stream().map(functions::col).toArray(Column[]::new));
    Column fill =
        md.impute() == MissingData.Imputation.MEDIAN
            ? median(v).over(w)
            : avg(v).over(OrderedSum.window(w, v));
    return longTable
        .withColumn(IMPUTED, v.isNull().and(fill.isNotNull()))
        .withColumn(LongTable.VALUE, coalesce(v, fill));
  }
}
