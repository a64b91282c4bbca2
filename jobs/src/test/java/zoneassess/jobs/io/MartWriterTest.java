package zoneassess.jobs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Every mart rule, broken once: the message names mart, rule and first keys; nothing is published.
 */
class MartWriterTest extends SparkTestBase {
  @TempDir Path tmp;

  private static final DatasetContract MART =
      DatasetContract.builder("zone_marks")
          .column(ColumnSpec.builder("zone_code", ColumnType.STRING).required())
          .column(ColumnSpec.builder("period", ColumnType.STRING).required())
          .column(ColumnSpec.builder("mark", ColumnType.STRING).accepted("red", "none"))
          .column(ColumnSpec.builder("score", ColumnType.DOUBLE).range(0.0, 100.0))
          .key("zone_code", "period")
          .build();

  private static final StructType SCHEMA =
      new StructType()
          .add("zone_code", DataTypes.StringType)
          .add("period", DataTypes.StringType)
          .add("mark", DataTypes.StringType)
          .add("score", DataTypes.DoubleType);

  private Dataset<Row> rows(Object[]... rows) {
    return spark.createDataFrame(List.of(rows).stream().map(RowFactory::create).toList(), SCHEMA);
  }

  private String uri() {
    return tmp.resolve("zone_marks").toUri().toString();
  }

  @Test
  void validMartIsPublishedWithItsRowCount() {
    long n =
        new MartWriter(spark)
            .write(
                MART,
                rows(
                    new Object[] {"Z1", "2024", "red", 50.0},
                    new Object[] {"Z2", "2024", null, null}),
                uri());
    assertEquals(2, n);
    assertEquals(2, spark.read().parquet(uri()).count());
  }

  @Test
  void everyBrokenRuleIsNamedWithItsFirstKeys() {
    MartWriter.ContractViolation e =
        assertThrows(
            MartWriter.ContractViolation.class,
            () ->
                new MartWriter(spark)
                    .write(
                        MART,
                        rows(
                            new Object[] {"Z2", "2024", "blue", 50.0},
                            new Object[] {"Z1", "2024", "red", 101.0},
                            new Object[] {"Z1", "2024", "none", 5.0},
                            new Object[] {"Z3", null, "none", -1.0}),
                        uri()));
    assertEquals(
        "mart zone_marks breaks its contract:"
            + " rule required period: 1 row, first keys (zone_code, period): (Z3, null);"
            + " rule accepted mark [none, red]: 1 row, first keys (zone_code, period): (Z2, 2024);"
            + " rule range score [0.0, 100.0]: 2 rows, first keys (zone_code, period):"
            + " (Z1, 2024), (Z3, null);"
            + " rule key_unique (zone_code, period): 1 key on more than one row,"
            + " first keys (zone_code, period): (Z1, 2024)",
        e.getMessage());
    assertFalse(Files.exists(tmp.resolve("zone_marks")), "nothing published");
    assertFalse(Files.exists(tmp.resolve("._tmp_zone_marks")), "no hidden folder left");
  }

  @Test
  void missingWrongTypedAndUndeclaredColumnsAreNamed() {
    Dataset<Row> bad =
        rows(new Object[] {"Z1", "2024", "red", 1.0})
            .drop("mark")
            .withColumn("score", org.apache.spark.sql.functions.col("score").cast("int"))
            .withColumn("extra", org.apache.spark.sql.functions.lit(1));
    MartWriter.ContractViolation e =
        assertThrows(
            MartWriter.ContractViolation.class,
            () -> new MartWriter(spark).write(MART, bad, uri()));
    assertEquals(
        "mart zone_marks breaks its contract: rule columns: missing column mark,"
            + " column score has type int, declared double, undeclared column extra",
        e.getMessage());
  }
}
