package zoneassess.jobs.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.KeyValue;
import org.apache.parquet.format.Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Parquet dataset that Spark wrote (staging, marts) without a Spark job for its schema.
 * {@code spark.read().parquet(uri)} infers the schema by running a job that reads a footer on an
 * executor — on a province run that was 37 of the 250 jobs. Spark also stores the schema it wrote
 * as JSON in every footer ({@value #SPARK_SCHEMA_KEY}); this reads one footer on the driver and
 * gives Spark that schema, which is exactly what the inference would have found (as nullable, as a
 * file source always reads). Partition folders one level deep are typed as Spark's inference types
 * them in the two cases the project writes (all integers, or values with letters); anything else,
 * and files Spark did not write, is read with inference as before.
 */
public final class ParquetRead {
  static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  /** With the job trace on ({@link zoneassess.jobs.spark.JobCounter}), say which reads infer. */
  private static final boolean TRACE = Boolean.getBoolean("zoneassess.jobcounter.trace");

  private ParquetRead() {}

  /** The Parquet dataset (file or folder) at {@code uri}. */
  public static Dataset<Row> of(SparkSession spark, String uri) {
    StructType schema = sparkSchema(spark.sparkContext().hadoopConfiguration(), uri);
    if (schema == null && TRACE) {
      System.err.println("parquetread: inferring the schema of " + uri);
    }
    return schema == null
        ? spark.read().parquet(uri)
        : spark.read().schema(schema.asNullable()).parquet(uri);
  }

  /**
   * The schema Spark recorded in the first data file under {@code uri}; null when there is none,
   * when the dataset has partition folders, or when the footer cannot be read.
   */
  static StructType sparkSchema(org.apache.hadoop.conf.Configuration conf, String uri) {
    try {
      Path root = new Path(uri);
      FileSystem fs = root.getFileSystem(conf);
      FileStatus top = fs.getFileStatus(root);
      if (top.isFile()) {
        return footerSchema(fs, root);
      }
      Path first = firstDataFile(fs, root);
      if (first != null) {
        return footerSchema(fs, first);
      }
      return partitioned(fs, root);
    } catch (IOException | RuntimeException e) {
      return null; // inference will report whatever is wrong with the files
    }
  }

  /**
   * A dataset partitioned one level deep ({@code column=value} folders): the footer's columns, then
   * the partition column as Spark's inference types it — integer when every value is a 9-digit or
   * shorter integer, string when some value has a letter (the common type of anything with a string
   * is string). Any other case (nulls, dates, decimals, nested levels, mixed folders) is left to
   * Spark's own inference.
   */
  private static StructType partitioned(FileSystem fs, Path root) throws IOException {
    String column = null;
    boolean allInts = true;
    boolean someLetters = false;
    Path first = null;
    for (FileStatus f : fs.listStatus(root)) {
      String name = f.getPath().getName();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      int eq = name.indexOf('=');
      if (!f.isDirectory() || eq <= 0) {
        return null;
      }
      String c = name.substring(0, eq);
      String v = unescape(name.substring(eq + 1));
      if (column != null && !column.equals(c)) {
        return null;
      }
      column = c;
      if (v.isEmpty() || v.equals("__HIVE_DEFAULT_PARTITION__")) {
        return null;
      }
      allInts &= v.matches("-?[0-9]{1,9}");
      someLetters |= v.matches(".*[A-Za-z].*");
      if (first == null) {
        first = firstDataFile(fs, f.getPath());
      }
    }
    if (column == null || first == null || !(allInts || someLetters)) {
      return null;
    }
    StructType data = footerSchema(fs, first);
    if (data == null || java.util.Arrays.asList(data.fieldNames()).contains(column)) {
      return null;
    }
    return data.add(
        column,
        allInts
            ? org.apache.spark.sql.types.DataTypes.IntegerType
            : org.apache.spark.sql.types.DataTypes.StringType,
        true);
  }

  private static String unescape(String v) {
    return org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils.unescapePathName(v);
  }

  /** The first data file (by name) directly in {@code dir}; null when there is none. */
  private static Path firstDataFile(FileSystem fs, Path dir) throws IOException {
    Path first = null;
    for (FileStatus f : fs.listStatus(dir)) {
      String name = f.getPath().getName();
      if (f.isDirectory() || name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (first == null || name.compareTo(first.getName()) < 0) {
        first = f.getPath();
      }
    }
    return first;
  }

  private static StructType footerSchema(FileSystem fs, Path file) throws IOException {
    String json = sparkSchemaJson(fs, file);
    if (json == null) {
      return null;
    }
    DataType t = DataType.fromJson(json);
    return t instanceof StructType s ? s : null;
  }

  private static String sparkSchemaJson(FileSystem fs, Path file) throws IOException {
    long length = fs.getFileStatus(file).getLen();
    if (length < 12) {
      return null;
    }
    try (FSDataInputStream in = fs.open(file)) {
      byte[] tail = new byte[8];
      in.readFully(length - 8, tail);
      if (!Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
        return null;
      }
      int footerLength = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
      if (footerLength <= 0 || footerLength > length - 12) {
        return null;
      }
      byte[] footer = new byte[footerLength];
      in.readFully(length - 8 - footerLength, footer);
      FileMetaData meta = Util.readFileMetaData(new java.io.ByteArrayInputStream(footer));
      if (meta.getKey_value_metadata() == null) {
        return null;
      }
      for (KeyValue kv : meta.getKey_value_metadata()) {
        if (SPARK_SCHEMA_KEY.equals(kv.getKey())) {
          return kv.getValue();
        }
      }
      return null;
    }
  }
}
