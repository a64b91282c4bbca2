package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.ForeignKey;

/** Duplicate keys and references: the checks that look beyond one row. */
final class KeyChecks {
  private KeyChecks() {}

  /**
   * Adds {@code outColumn}: a duplicate-key failure on every row but the first (by source file
   * name, then source row) of each key, counted among rows that passed the row checks in {@code
   * rowFailures}.
   */
  static Dataset<Row> duplicates(
      Dataset<Row> w, DatasetContract contract, String rowFailures, String outColumn) {
    if (contract.key().isEmpty()) {
      return w.withColumn(outColumn, Failure.none());
    }
    List<Column> part = new ArrayList<>();
    for (String k : contract.key()) {
      part.add(ColumnChecks.typedCol(k));
    }
    part.add(col("_eligible"));
    WindowSpec win =
        Window.partitionBy(part.toArray(Column[]::new))
            .orderBy(col(CanonicalRows.SOURCE_FILE), col(CanonicalRows.SOURCE_ROW));
    List<Column> keyValues = new ArrayList<>();
    for (String k : contract.key()) {
      keyValues.add(coalesce(ColumnChecks.typedCol(k).cast(DataTypes.StringType), lit("")));
    }
    Column keyText = concat_ws(", ", keyValues.toArray(Column[]::new));
    Column firstFile = first(col(CanonicalRows.SOURCE_FILE)).over(win);
    Column firstRow = first(col(CanonicalRows.SOURCE_ROW)).over(win);
    Column failure =
        Failure.when(
            col("_eligible").and(row_number().over(win).gt(1)),
            "duplicate_key",
            contract.key().get(0),
            concat(
                lit("主键重复 / duplicate key (" + String.join(", ", contract.key()) + ") = ("),
                keyText,
                lit("); first occurrence: "),
                firstFile,
                lit(" row "),
                firstRow.cast(DataTypes.StringType)),
            concat_ws("|", keyValues.toArray(Column[]::new)));
    return w.withColumn("_eligible", size(col(rowFailures)).equalTo(0))
        .withColumn(outColumn, failure)
        .drop("_eligible");
  }

  /**
   * Adds {@code outColumn}: a reference failure where the row's non-blank reference (where the
   * reference's condition holds) has no match among {@code targetRows}, the accepted rows of the
   * target dataset.
   */
  static Dataset<Row> reference(
      Dataset<Row> w, ForeignKey fk, Dataset<Row> targetRows, String outColumn) {
    String ok = outColumn + "_ok";
    List<Column> targetCols = new ArrayList<>();
    for (int j = 0; j < fk.targetColumns().size(); j++) {
      targetCols.add(col("`" + fk.targetColumns().get(j) + "`").as(outColumn + "_k" + j));
    }
    Dataset<Row> keys =
        targetRows.select(targetCols.toArray(Column[]::new)).distinct().withColumn(ok, lit(true));
    Column join = lit(true);
    Column present = lit(true);
    for (int j = 0; j < fk.columns().size(); j++) {
      Column own = w.col("`" + fk.columns().get(j) + "`");
      join = join.and(own.equalTo(keys.col(outColumn + "_k" + j)));
      present = present.and(own.isNotNull());
    }
    Dataset<Row> joined = w.join(keys, join, "left");
    Column applies = fk.when() == null ? lit(true) : coalesce(expr(fk.when()), lit(false));
    String target = fk.targetDataset() + "." + String.join(", ", fk.targetColumns());
    String own = String.join(", ", fk.columns());
    Column value = ColumnChecks.typedCol(fk.columns().get(0)).cast(DataTypes.StringType);
    Column failure =
        Failure.when(
            present.and(applies).and(col(ok).isNull()),
            "reference",
            fk.columns().get(0),
            concat(
                lit("引用不存在 / " + own + " '"),
                value,
                lit(
                    "' not found in "
                        + target
                        + (fk.when() == null ? "" : " (" + fk.when() + ")"))),
            value);
    List<String> drop = new ArrayList<>(List.of(ok));
    for (int j = 0; j < fk.targetColumns().size(); j++) {
      drop.add(outColumn + "_k" + j);
    }
    return joined.withColumn(outColumn, failure).drop(drop.toArray(String[]::new));
  }
}
