package zoneassess.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Reading a dataset Spark wrote with the schema from its footer gives what Spark's own inference
 * gives — the same schema (names, types, nullability, partition column last) and the same rows —
 * without the job the inference costs.
 */
class ParquetReadTest extends SparkTestBase {
  @TempDir Path tmp;

  private Dataset<Row> rows() {
    StructType schema =
        new StructType()
            .add("zone_code", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("value", DataTypes.DoubleType, true)
            .add("amount", DataTypes.createDecimalType(18, 4), true);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("320100A01", "2024", 2024, 1.5, new java.math.BigDecimal("2.5000")),
            RowFactory.create("320100A01", "2025Q1", 2025, null, null),
            RowFactory.create(
                "320200B02", "2025", 2025, -0.25, new java.math.BigDecimal("1.0001"))),
        schema);
  }

  @Test
  void flatFolderReadsAsInferred() {
    String uri = tmp.resolve("flat").toUri().toString();
    rows().coalesce(1).write().parquet(uri);
    assertSameAsInference(uri);
  }

  @Test
  void integerPartitionFoldersReadAsInferred() {
    String uri = tmp.resolve("by_year").toUri().toString();
    rows().write().partitionBy("year").parquet(uri);
    Dataset<Row> read = assertSameAsInference(uri);
    // Spark types "year=2024" folders as integers and puts the column last.
    StructType s = read.schema();
    assertEquals("year", s.fields()[s.fields().length - 1].name());
    assertEquals(DataTypes.IntegerType, s.fields()[s.fields().length - 1].dataType());
  }

  @Test
  void partitionFoldersWithLettersReadAsStrings() {
    String uri = tmp.resolve("by_period").toUri().toString();
    rows().write().partitionBy("period").parquet(uri);
    Dataset<Row> read = assertSameAsInference(uri);
    assertEquals(DataTypes.StringType, read.schema().apply("period").dataType());
  }

  @Test
  void schemaNeedsNoSparkJob() {
    String uri = tmp.resolve("counted").toUri().toString();
    rows().coalesce(1).write().parquet(uri);
    try (JobCounter c = JobCounter.attach(spark)) {
      c.mark();
      ParquetRead.of(spark, uri).schema();
      assertEquals(0, c.mark().jobs(), "reading the schema from the footer runs no job");
      spark.read().parquet(uri).schema();
      assertEquals(1, c.mark().jobs(), "Spark's inference runs one job to read a footer");
    }
  }

  private Dataset<Row> assertSameAsInference(String uri) {
    Dataset<Row> inferred = spark.read().parquet(uri);
    Dataset<Row> read = ParquetRead.of(spark, uri);
    assertEquals(inferred.schema(), read.schema());
    assertEquals(sorted(inferred), sorted(read));
    return read;
  }

  private static List<String> sorted(Dataset<Row> d) {
    return d.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
