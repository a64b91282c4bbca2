package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;

/**
 * Reads a Parquet file or a folder of part files. Values are turned into strings so one validator
 * serves every format; the source row is the 1-based row ordinal within the physical file (from
 * Spark's {@code _metadata.row_index}), and a part file is named {@code folder/part-…}.
 */
public final class ParquetReader {
  private ParquetReader() {}

  public static RawTable read(SparkSession spark, InputFile file, boolean folder) {
    Dataset<Row> df;
    List<String> headers;
    try {
      df = spark.read().parquet(file.uri());
      headers = List.of(df.columns());
    } catch (RuntimeException e) {
      throw new IngestException(file.name() + ": cannot read Parquet: " + e.getMessage(), e);
    }
    Column sourceFile =
        folder ? concat(lit(file.name() + "/"), col("_metadata.file_name")) : lit(file.name());
    List<Column> out = new ArrayList<>();
    out.add(sourceFile.as("_source_file"));
    out.add(col("_metadata.row_index").plus(1).cast(DataTypes.LongType).as("_source_row"));
    for (int i = 0; i < headers.size(); i++) {
      out.add(
          col("`" + headers.get(i).replace("`", "``") + "`")
              .cast(DataTypes.StringType)
              .as(RawTable.column(i)));
    }
    return new RawTable(
        file, headers, df.select(out.toArray(Column[]::new)), null, null, List.of());
  }

  /**
   * Opens the footer of every Parquet file (each part file of a folder) in the driver, so a
   * truncated or corrupt file stops the run naming it before any task starts. Only the footer is
   * read. Ingestion calls this for every Parquet input before it reads any dataset.
   */
  static void checkFooters(Configuration conf, InputFile file, boolean folder) {
    Path root = new Path(file.uri());
    List<Path> parts = new ArrayList<>();
    try {
      FileSystem fs = root.getFileSystem(conf);
      if (folder) {
        for (FileStatus st : fs.listStatus(root)) {
          String n = st.getPath().getName();
          if (st.isFile() && !n.startsWith(".") && !n.startsWith("_")) {
            parts.add(st.getPath());
          }
        }
      } else {
        parts.add(root);
      }
    } catch (IOException e) {
      throw new IngestException(file.name() + ": cannot list Parquet files: " + e.getMessage(), e);
    }
    for (Path p : parts) {
      String name = folder ? file.name() + "/" + p.getName() : file.name();
      try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(p, conf))) {
        r.getFooter();
      } catch (IOException | RuntimeException e) {
        throw new IngestException(
            name + ": not a readable Parquet file (truncated or corrupt) / Parquet 文件已损坏，无法读取", e);
      }
    }
  }
}
