package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.transform;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.dataset.DatasetContract;

/** Splits validated rows into the staging and rejects shapes. Pure transforms. */
public final class ValidatedRows {
  /** Columns of the rejects area, in order. */
  public static final List<String> REJECT_COLUMNS =
      List.of(
          "dataset",
          "source_file",
          "source_row",
          "column",
          "rule",
          "severity",
          "reason",
          "value",
          "all_reasons",
          "original");

  private ValidatedRows() {}

  /** Staging column names: declared columns, unit extras, then the lineage columns. */
  public static List<String> stagingColumns(DatasetContract contract) {
    List<String> out = new ArrayList<>(contract.columnNames());
    out.addAll(UnitConformance.extraColumns(contract.name()));
    out.add(CanonicalRows.SOURCE_FILE);
    out.add(CanonicalRows.SOURCE_ROW);
    return out;
  }

  /**
   * What the key checks, staging, rejects and warnings need of row-checked rows ({@link
   * ContractValidator#rowChecked}): the staging columns, the warnings, the row failures and the
   * original row. The raw strings kept for the row checks are dropped. Ingest writes this once to
   * its work area.
   */
  static Dataset<Row> checked(Dataset<Row> rowChecked, DatasetContract contract) {
    List<Column> cols = new ArrayList<>();
    for (String c : stagingColumns(contract)) {
      cols.add(col("`" + c + "`"));
    }
    cols.add(col(ContractValidator.WARNINGS));
    cols.add(col(ContractValidator.ROW_FAILURES));
    cols.add(col(CanonicalRows.ORIGINAL));
    return rowChecked.select(cols.toArray(Column[]::new));
  }

  public static Dataset<Row> staging(Dataset<Row> validated, DatasetContract contract) {
    List<Column> cols = new ArrayList<>();
    for (String c : stagingColumns(contract)) {
      cols.add(col("`" + c + "`"));
    }
    return validated
        .where(not(col(ContractValidator.REJECTED)))
        .select(cols.toArray(Column[]::new));
  }

  public static Dataset<Row> rejects(Dataset<Row> validated, DatasetContract contract) {
    Column first = element_at(col(ContractValidator.FAILURES), 1);
    Column all =
        array_join(
            transform(
                col(ContractValidator.FAILURES),
                f ->
                    concat(
                        f.getField(Failure.RULE),
                        lit(" ["),
                        f.getField(Failure.COLUMN),
                        lit("]: "),
                        f.getField(Failure.REASON))),
            "; ");
    return validated
        .where(col(ContractValidator.REJECTED))
        .select(
            lit(contract.name()).as("dataset"),
            col(CanonicalRows.SOURCE_FILE).as("source_file"),
            col(CanonicalRows.SOURCE_ROW).as("source_row"),
            first.getField(Failure.COLUMN).as("column"),
            first.getField(Failure.RULE).as("rule"),
            lit("REJECT").as("severity"),
            first.getField(Failure.REASON).as("reason"),
            first.getField(Failure.VALUE).as("value"),
            all.as("all_reasons"),
            col(CanonicalRows.ORIGINAL).as("original"));
  }

  /** One row per warning on an accepted row: source_file, source_row, rule, column, reason. */
  public static Dataset<Row> warnings(Dataset<Row> validated) {
    return validated
        .where(
            not(col(ContractValidator.REJECTED)).and(size(col(ContractValidator.WARNINGS)).gt(0)))
        .select(
            col(CanonicalRows.SOURCE_FILE).as("source_file"),
            col(CanonicalRows.SOURCE_ROW).as("source_row"),
            explode(col(ContractValidator.WARNINGS)).as("w"))
        .select(
            col("source_file"),
            col("source_row"),
            col("w." + Failure.RULE).as("rule"),
            col("w." + Failure.COLUMN).as("column"),
            col("w." + Failure.REASON).as("reason"));
  }
}
