package zoneassess.jobs.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import zoneassess.schema.digest.Sha256;

/**
 * The content hash of a published Parquet dataset: a SHA-256 over its schema (column names and
 * types in order), its row count and an order-independent digest of its rows, so it depends on the
 * rows alone — not on file bytes, file names, partitioning into files or row order.
 *
 * <p>Each row is hashed twice with Spark's {@code xxhash64} (fixed seeds, the same in every JVM and
 * on every platform), each value followed by its null flag so that a null in one column cannot be
 * confused with a value in its neighbour; the per-row hashes are summed exactly (as decimals, so
 * the sum is a multiset digest that does not overflow). Two datasets with the same hash hold the
 * same multiset of rows with a collision chance of about 2⁻¹²⁸ per pair of differing rows.
 */
public final class ContentHash {
  private ContentHash() {}

  /** The content hash of the Parquet dataset (file or folder) at {@code uri}. */
  public static String of(SparkSession spark, String uri) {
    return of(spark.read().parquet(uri));
  }

  /** The content hash of {@code rows}. */
  public static String of(Dataset<Row> rows) {
    List<Column> values = new ArrayList<>();
    StringBuilder text = new StringBuilder("columns");
    for (StructField f : rows.schema().fields()) {
      text.append(' ').append(f.name()).append(':').append(f.dataType().catalogString());
      Column c = col("`" + f.name().replace("`", "``") + "`");
      values.add(c);
      values.add(c.isNull());
    }
    List<Column> first = new ArrayList<>(values);
    first.add(0, lit("content-a"));
    List<Column> second = new ArrayList<>(values);
    second.add(0, lit("content-b"));
    Row r =
        rows.agg(
                count(lit(1)),
                sum(xxhash64(first.toArray(Column[]::new)).cast("decimal(38,0)")),
                sum(xxhash64(second.toArray(Column[]::new)).cast("decimal(38,0)")))
            .first();
    text.append("\nrows ").append(r.getLong(0));
    text.append("\na ").append(r.isNullAt(1) ? "0" : r.getDecimal(1).toPlainString());
    text.append("\nb ").append(r.isNullAt(2) ? "0" : r.getDecimal(2).toPlainString());
    return sha256(text.toString());
  }

  static String sha256(String text) {
    return Sha256.hex(text);
  }
}
