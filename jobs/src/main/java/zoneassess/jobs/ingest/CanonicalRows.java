package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Conforms one file's raw table to its contract's column names: one cleaned string column per
 * canonical column (null when the file does not have it), the lineage columns, and {@code
 * _original}, a JSON object of the row's original header → value pairs (kept for rejects; Spark
 * prunes it where it is not used).
 */
public final class CanonicalRows {
  public static final String SOURCE_FILE = "_source_file";
  public static final String SOURCE_ROW = "_source_row";
  static final String ORIGINAL = "_original";

  /** What the reader could not read faithfully: the record, or a cell of a contract column. */
  static final String READ_FAILURES = "_read_failures";

  /** Warnings about cells of contract columns the reader read (formulas by cached value). */
  static final String READ_WARNINGS = "_read_warnings";

  private CanonicalRows() {}

  public static Dataset<Row> of(
      RawTable raw, HeaderMatcher.HeaderMapping mapping, DatasetContract contract) {
    List<Column> original = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < raw.headers().size(); i++) {
      String h = raw.headers().get(i);
      String name = h.isBlank() ? "column " + (i + 1) : h;
      while (!seen.add(name)) {
        name = name + "#" + (i + 1);
      }
      original.add(col(RawTable.column(i)).as(name));
    }
    List<Column> out = new ArrayList<>();
    out.add(col(SOURCE_FILE));
    out.add(col(SOURCE_ROW));
    out.add(
        (original.isEmpty()
                ? lit("{}")
                : to_json(
                    struct(original.toArray(Column[]::new)), Map.of("ignoreNullFields", "false")))
            .as(ORIGINAL));
    List<String> present = List.of(raw.rows().columns());
    List<Column> readFailures = new ArrayList<>();
    if (present.contains(RawTable.RECORD_FAILURE)) {
      readFailures.add(col(RawTable.RECORD_FAILURE));
    }
    for (ColumnSpec c : contract.columns()) {
      Integer idx = mapping.columnIndex().get(c.name());
      if (idx != null && present.contains(RawTable.cellFailure(idx))) {
        Column f = col(RawTable.cellFailure(idx));
        readFailures.add(
            Failure.when(
                f.isNotNull(),
                f.getField(Failure.RULE),
                c.name(),
                f.getField(Failure.REASON),
                f.getField(Failure.VALUE)));
      }
    }
    out.add(Failure.list(readFailures).as(READ_FAILURES));
    List<Column> readWarnings = new ArrayList<>();
    for (ColumnSpec c : contract.columns()) {
      Integer idx = mapping.columnIndex().get(c.name());
      if (idx != null && present.contains(RawTable.cellWarning(idx))) {
        Column f = col(RawTable.cellWarning(idx));
        readWarnings.add(
            Failure.when(
                f.isNotNull(),
                f.getField(Failure.RULE),
                c.name(),
                f.getField(Failure.REASON),
                f.getField(Failure.VALUE)));
      }
    }
    out.add(Failure.list(readWarnings).as(READ_WARNINGS));
    for (ColumnSpec c : contract.columns()) {
      Integer idx = mapping.columnIndex().get(c.name());
      Column v =
          idx == null
              ? lit(null).cast(DataTypes.StringType)
              : ColumnChecks.clean(col(RawTable.column(idx)));
      out.add(v.as(c.name()));
    }
    return raw.rows().select(out.toArray(Column[]::new));
  }

  /** No rows, with the canonical columns of {@code contract}: for a dataset without input. */
  public static Dataset<Row> empty(
      org.apache.spark.sql.SparkSession spark, DatasetContract contract) {
    org.apache.spark.sql.types.StructType schema =
        new org.apache.spark.sql.types.StructType()
            .add(SOURCE_FILE, DataTypes.StringType)
            .add(SOURCE_ROW, DataTypes.LongType)
            .add(ORIGINAL, DataTypes.StringType)
            .add(READ_FAILURES, DataTypes.createArrayType(Failure.TYPE))
            .add(READ_WARNINGS, DataTypes.createArrayType(Failure.TYPE));
    for (ColumnSpec c : contract.columns()) {
      schema = schema.add(c.name(), DataTypes.StringType);
    }
    return spark.createDataFrame(List.<Row>of(), schema);
  }
}
