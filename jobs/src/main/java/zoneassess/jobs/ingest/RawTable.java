package zoneassess.jobs.ingest;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One input file as read, before it is conformed to its contract: a string column {@code _c<i>} per
 * header, plus {@code _source_file} and {@code _source_row}.
 *
 * @param file the input
 * @param headers headers in file order
 * @param rows the data rows (header and blank lines excluded)
 * @param encoding encoding used (CSV), or null
 * @param sheet sheet read (XLSX), or null
 */
public record RawTable(
    InputFile file, List<String> headers, Dataset<Row> rows, String encoding, String sheet) {
  public RawTable {
    headers = List.copyOf(headers);
  }

  public static String column(int index) {
    return "_c" + index;
  }
}
