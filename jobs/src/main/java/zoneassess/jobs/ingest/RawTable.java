package zoneassess.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input file as read, before it is conformed to its contract: a string column {@code _c<i>} per
 * header, plus {@code _source_file} and {@code _source_row}. A reader that finds a record or a cell
 * it cannot read faithfully adds {@code _record_failure} (the whole record) or {@code
 * _cell_failure_ <i>} (one cell), both {@link Failure#TYPE} structs, null where all is well; such
 * rows are rejected.
 *
 * @param file the input
 * @param headers headers in file order
 * @param rows the data rows (header and blank lines excluded)
 * @param encoding encoding used (CSV), or null
 * @param sheet sheet read (XLSX), or null
 * @param notes what the reader chose or noticed, for the report (encoding, sheet, formulas)
 */
public record RawTable(
    InputFile file,
    List<String> headers,
    Dataset<Row> rows,
    String encoding,
    String sheet,
    List<String> notes) {
  public static final String RECORD_FAILURE = "_record_failure";

  public RawTable {
    headers = List.copyOf(headers);
    notes = List.copyOf(notes);
  }

  public static String column(int index) {
    return "_c" + index;
  }

  public static String cellFailure(int index) {
    return "_cell_failure_" + index;
  }

  /** A warning about one cell that was read (an XLSX formula read as its cached value). */
  public static String cellWarning(int index) {
    return "_cell_warning_" + index;
  }
}
