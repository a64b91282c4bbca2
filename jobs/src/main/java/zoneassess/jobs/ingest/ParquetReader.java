package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
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
    return new RawTable(file, headers, df.select(out.toArray(Column[]::new)), null, null, List.of());
  }
}
