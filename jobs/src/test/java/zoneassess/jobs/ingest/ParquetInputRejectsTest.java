package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad row in a Parquet input: the reject names the part file, the row, the column and the rule,
 * and nothing is lost (read = accepted + rejected), as for CSV and XLSX (HostileInputsTest).
 */
class ParquetInputRejectsTest extends IngestTestBase {
  @TempDir static Path in;
  @TempDir static Path out;
  static ValidationReport report;

  @BeforeAll
  static void ingestParquetWithOneBadRow() {
    IngestFixtures.basics(in);
    StructType ent =
        new StructType()
            .add("统一社会信用代码", DataTypes.StringType)
            .add("企业名称", DataTypes.StringType)
            .add("所在园区代码", DataTypes.StringType)
            .add("所在县区代码", DataTypes.StringType)
            .add("评价年度", DataTypes.IntegerType)
            .add("规模", DataTypes.StringType)
            .add("用地面积", DataTypes.DoubleType)
            .add("实缴税收", DataTypes.DoubleType)
            .add("销售收入", DataTypes.DoubleType)
            .add("水电气企业", DataTypes.StringType);
    spark
        .createDataFrame(
            List.of(
                RowFactory.create(
                    "914403001922038216",
                    "华为",
                    "HA-ETDZ",
                    "320812",
                    2024,
                    "above",
                    120.0,
                    600.0,
                    9000.0,
                    "否"),
                // Row 2: no land (用地面积 0) breaks land_positive.
                RowFactory.create(
                    "9144030071526726XG",
                    "腾讯",
                    "JH-EDZ",
                    "320831",
                    2024,
                    "below",
                    0.0,
                    20.0,
                    150.0,
                    "Y")),
            ent)
        .coalesce(1)
        .write()
        .parquet(in.resolve("enterprises.parquet").toString());
    report = ingest(in, out);
  }

  @Test
  void theRejectNamesPartFileRowColumnAndRule() {
    List<Row> rejected = rejectRows("enterprises");
    assertEquals(1, rejected.size());
    Row r = rejected.get(0);
    String file = r.getAs("source_file");
    assertTrue(file.startsWith("enterprises.parquet/part-"), file);
    assertEquals(2L, (long) r.getAs("source_row"));
    assertEquals("land_area_mu", r.getAs("column"));
    assertEquals("land_positive", r.getAs("rule"));
    assertEquals(1, staging("enterprises").count());
  }

  @Test
  void readEqualsAcceptedPlusRejected() {
    ValidationReport.DatasetReport d = report.dataset("enterprises");
    // 2 rows read = 1 accepted (华为) + 1 rejected (腾讯, land 0).
    assertEquals(List.of(2L, 1L, 1L), List.of(d.read(), d.accepted(), d.rejected()));
    for (ValidationReport.FileReport f : d.files()) {
      assertEquals(f.read(), f.accepted() + f.rejected(), f.file());
    }
  }
}
