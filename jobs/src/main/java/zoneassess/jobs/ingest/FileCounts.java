package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;

/**
 * Rows per input file, counted as {@link Dataset#observe} metrics of a query that runs anyway (the
 * validation write counts the rows read, the staging write the rows accepted): no second pass over
 * the input or the published rows. A row belongs to an input file when its source is the file's
 * name or lies under it (a Parquet folder's part files, a database table's key).
 */
final class FileCounts {
  /** The metric holding every row, whatever its source. */
  static final String ALL = "all";

  private FileCounts() {}

  /**
   * {@code rows} with metrics {@code f0…fn} (rows per file) and {@link #ALL}, plus {@code more}.
   */
  static Dataset<Row> observe(
      Dataset<Row> rows, Column source, List<InputFile> files, Observation o, Column... more) {
    List<Column> metrics = new ArrayList<>();
    metrics.add(count(lit(1)).as(ALL));
    for (int i = 0; i < files.size(); i++) {
      String name = files.get(i).name();
      metrics.add(count_if(source.equalTo(name).or(source.startsWith(name + "/"))).as(metric(i)));
    }
    metrics.addAll(List.of(more));
    return rows.observe(
        o, metrics.get(0), metrics.subList(1, metrics.size()).toArray(Column[]::new));
  }

  static Dataset<Row> observe(Dataset<Row> rows, List<InputFile> files, Observation o) {
    return observe(rows, col(CanonicalRows.SOURCE_FILE), files, o);
  }

  static String metric(int file) {
    return "f" + file;
  }

  /**
   * The metrics of {@code o}, once the query it observes has run (it has when the action returned;
   * the wait only covers the listener's hand-over).
   */
  static Map<String, Object> of(Observation o, String what) {
    try {
      Row r =
          scala.concurrent.Await.result(
              o.future(), scala.concurrent.duration.Duration.create(10, TimeUnit.MINUTES));
      Map<String, Object> out = new java.util.HashMap<>();
      for (String f : r.schema().fieldNames()) {
        out.put(f, r.getAs(f));
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException(what + ": interrupted while counting rows", e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IngestException(what + ": the row counts of the write never arrived", e);
    }
  }

  /** Rows per file (in {@code files} order) from metrics made by {@link #observe}. */
  static long[] perFile(Map<String, Object> m, int files) {
    long[] n = new long[files];
    for (int i = 0; i < files; i++) {
      n[i] = ((Number) m.get(metric(i))).longValue();
    }
    return n;
  }

  static long all(Map<String, Object> m) {
    return ((Number) m.get(ALL)).longValue();
  }
}
