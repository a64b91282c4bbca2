package zoneassess.jobs.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
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
    return of(ParquetRead.of(spark, uri));
  }

  /** The content hash of {@code rows}. */
  public static String of(Dataset<Row> rows) {
    Row r = rows.agg(count(lit(1)), digests(rows.schema()).toArray(Column[]::new)).first();
    return fromTotals(
        rows.schema(),
        r.getLong(0),
        r.isNullAt(1) ? null : r.getDecimal(1),
        r.isNullAt(2) ? null : r.getDecimal(2));
  }

  /**
   * The two order-independent row digests of a dataset with {@code schema}, as aggregate columns: a
   * caller that aggregates the rows anyway (the contract check of {@link MartWriter}) adds them to
   * its own aggregation and passes the totals, with the row count, to {@link #fromTotals}.
   */
  public static List<Column> digests(StructType schema) {
    List<Column> values = new ArrayList<>();
    for (StructField f : schema.fields()) {
      Column c = col("`" + f.name().replace("`", "``") + "`");
      values.add(c);
      values.add(c.isNull());
    }
    List<Column> first = new ArrayList<>(values);
    first.add(0, lit("content-a"));
    List<Column> second = new ArrayList<>(values);
    second.add(0, lit("content-b"));
    return List.of(
        sum(xxhash64(first.toArray(Column[]::new)).cast("decimal(38,0)")),
        sum(xxhash64(second.toArray(Column[]::new)).cast("decimal(38,0)")));
  }

  /** The hash from the row count and the two digests (null for no rows) of {@link #digests}. */
  public static String fromTotals(StructType schema, long rows, BigDecimal a, BigDecimal b) {
    StringBuilder text = new StringBuilder("columns");
    for (StructField f : schema.fields()) {
      text.append(' ').append(f.name()).append(':').append(f.dataType().catalogString());
    }
    text.append("\nrows ").append(rows);
    text.append("\na ").append(a == null ? "0" : a.toPlainString());
    text.append("\nb ").append(b == null ? "0" : b.toPlainString());
    return sha256(text.toString());
  }

  /**
   * The content hash of the Parquet folder published at {@code uri}: the one {@link MartWriter}
   * computed from the same files while checking them, when the folder still holds exactly those
   * files (names, sizes, modification times); otherwise computed afresh. Saves the manifest a
   * second pass over every mart.
   */
  public static String ofPublished(SparkSession spark, Configuration conf, String uri) {
    Known k = KNOWN.get(uri);
    if (k != null && k.listing().equals(listing(conf, uri))) {
      return k.hash();
    }
    return of(spark, uri);
  }

  /**
   * Remembers {@code hash} for the folder at {@code uri} as it is now (see {@link #ofPublished}).
   */
  public static void remember(Configuration conf, String uri, String hash) {
    String listing = listing(conf, uri);
    if (listing != null) {
      KNOWN.put(uri, new Known(listing, hash));
    }
  }

  private record Known(String listing, String hash) {}

  private static final Map<String, Known> KNOWN = new ConcurrentHashMap<>();

  /** Every file under {@code uri}: relative name, length and modification time; null if absent. */
  private static String listing(Configuration conf, String uri) {
    try {
      Path root = new Path(uri);
      FileSystem fs = root.getFileSystem(conf);
      if (!fs.exists(root)) {
        return null;
      }
      String prefix = fs.getFileStatus(root).getPath().toString();
      List<String> files = new ArrayList<>();
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        LocatedFileStatus f = it.next();
        files.add(
            f.getPath().toString().substring(prefix.length())
                + " "
                + f.getLen()
                + " "
                + f.getModificationTime());
      }
      java.util.Collections.sort(files);
      return String.join("\n", files);
    } catch (IOException e) {
      return null;
    }
  }

  static String sha256(String text) {
    return Sha256.hex(text);
  }
}
