package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest of a folder holding every reader's format: UTF-8 CSV (areas), an XLSX whose second
 * sheet is named in ingest.yaml (zones, Chinese headers), a GBK CSV with Chinese headers and a
 * UTF-8-with-BOM CSV (both zone_stats), a Parquet folder (enterprises) and an XLSX read from its
 * first sheet with a real date cell (zone_events). Every row is valid.
 */
class ReadersTest extends IngestTestBase {
  @TempDir static Path in;
  @TempDir static Path out;
  static ValidationReport report;

  @BeforeAll
  static void ingestAllFormats() throws IOException {
    IngestFixtures.write(in, "areas.csv", IngestFixtures.AREAS);
    IngestFixtures.xlsx(
        in.resolve("zones.xlsx"),
        List.of("说明", "园区"),
        List.of(
            List.of(List.of("本表为园区名录")),
            List.of(
                List.of(
                    "园区代码",
                    "园区名称",
                    "所在市",
                    "市代码",
                    "县区",
                    "县代码",
                    "片区",
                    "级别",
                    "类型",
                    "批准面积（平方公里）",
                    "设立年份"),
                List.of(
                    "HA-ETDZ",
                    "淮安经济技术开发区",
                    "淮安市",
                    320800,
                    "清江浦区",
                    320812,
                    "north",
                    "national",
                    "economic_technological",
                    30.5,
                    1993),
                List.of(),
                List.of(
                    "JH-EDZ",
                    "金湖经济开发区",
                    "淮安市",
                    320800,
                    "金湖县",
                    320831,
                    "north",
                    "provincial",
                    "economic_technological",
                    12,
                    2006))));
    IngestFixtures.write(in, "ingest.yaml", "files:\n  zones.xlsx:\n    sheet: 园区\n");
    // 12345 万元 = 1.2345 亿元 (÷ 10 000); a quarter with blank basis is year-to-date.
    IngestFixtures.write(
        in,
        "zone_stats_2025Q3.csv",
        "开发区代码,统计期,指标名称,指标值,计量单位,口径\nHA-ETDZ,2025Q3,地区生产总值,12345,万元,\n",
        Charset.forName("GBK"),
        false);
    // 150 公顷 = 1.5 平方公里 (1 km² = 100 ha); 0.25 亿美元 = 2 500 万美元 (× 10 000).
    IngestFixtures.write(
        in,
        "zone_stats_bom.csv",
        "zone_code,period,indicator_code,value,unit\n"
            + "JH-EDZ,2024,approved_area,150,公顷\n"
            + "\n"
            + "JH-EDZ,2024,fdi_actual,0.25,亿美元\n",
        StandardCharsets.UTF_8,
        true);
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
                RowFactory.create(
                    "9144030071526726XG",
                    "腾讯",
                    "JH-EDZ",
                    "320831",
                    2024,
                    "below",
                    3.5,
                    20.0,
                    150.0,
                    "Y")),
            ent)
        .coalesce(1)
        .write()
        .parquet(in.resolve("enterprises.parquet").toString());
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream os = Files.newOutputStream(in.resolve("zone_events.xlsx"))) {
      XSSFSheet s = wb.createSheet("events");
      CellStyle date = wb.createCellStyle();
      date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
      XSSFRow h = s.createRow(0);
      h.createCell(0).setCellValue("zone_code");
      h.createCell(1).setCellValue("event_date");
      h.createCell(2).setCellValue("event_type");
      XSSFRow r = s.createRow(1);
      r.createCell(0).setCellValue("HA-ETDZ");
      r.createCell(1).setCellValue(LocalDate.of(2024, 5, 6));
      r.getCell(1).setCellStyle(date);
      r.createCell(2).setCellValue("award");
      wb.write(os);
    }
    report = ingest(in, out);
  }

  private static ValidationReport.FileReport file(String dataset, String name) {
    return report.dataset(dataset).files().stream()
        .filter(f -> f.file().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void reportsEncodingAndSheetPerFile() {
    assertEquals("UTF-8", file("areas", "areas.csv").encoding());
    assertEquals("GBK", file("zone_stats", "zone_stats_2025Q3.csv").encoding());
    assertEquals("UTF-8 (BOM)", file("zone_stats", "zone_stats_bom.csv").encoding());
    assertEquals("园区", file("zones", "zones.xlsx").sheet());
    assertEquals("events", file("zone_events", "zone_events.xlsx").sheet());
    assertEquals("parquet", file("enterprises", "enterprises.parquet").format());
    // Everything valid: 4 areas, 2 zones, 3 statistics, 2 enterprises, 1 event.
    assertEquals(0, report.rejected());
    assertEquals(4 + 2 + 3 + 2 + 1, report.accepted());
  }

  @Test
  void xlsxKeepsExcelRowNumbersAndTypesNumbers() {
    List<Row> zones = staging("zones").orderBy("zone_code").collectAsList();
    assertEquals(2, zones.size());
    Row ha = zones.get(0);
    assertEquals("HA-ETDZ", ha.getAs("zone_code"));
    assertEquals("320800", ha.getAs("city_code")); // numeric cell 320800, no ".0"
    assertEquals(30.5, (double) ha.getAs("approved_area_km2"));
    assertEquals(1993, (int) ha.getAs("established_year"));
    assertEquals(2L, (long) ha.getAs("_source_row"));
    // Excel row 3 is empty, so 金湖 is on Excel row 4.
    assertEquals(4L, (long) zones.get(1).getAs("_source_row"));
    Row ev = staging("zone_events").first();
    assertEquals(java.sql.Date.valueOf("2024-05-06"), ev.getAs("event_date"));
    assertEquals(2L, (long) ev.getAs("_source_row"));
  }

  @Test
  void csvConvertsUnitsAndKeepsLineNumbers() {
    List<Row> rows = staging("zone_stats").orderBy("_source_file", "_source_row").collectAsList();
    assertEquals(3, rows.size());
    Row gdp = rows.get(0);
    assertEquals("zone_stats_2025Q3.csv", gdp.getAs("_source_file"));
    assertEquals(2L, (long) gdp.getAs("_source_row"));
    assertEquals("gdp", gdp.getAs("indicator_code")); // from the Chinese name 地区生产总值
    assertEquals(1.2345, (double) gdp.getAs("value"), 1e-12);
    assertEquals("亿元", gdp.getAs("unit"));
    assertEquals(12345.0, (double) gdp.getAs("original_value"));
    assertEquals("万元", gdp.getAs("original_unit"));
    assertEquals("ytd", gdp.getAs("basis"));
    Row area = rows.get(1);
    assertEquals(2L, (long) area.getAs("_source_row"));
    assertEquals(1.5, (double) area.getAs("value"), 1e-12);
    assertEquals("平方公里", area.getAs("unit"));
    assertEquals("final", area.getAs("basis"));
    Row fdi = rows.get(2);
    assertEquals(4L, (long) fdi.getAs("_source_row")); // line 3 is blank
    assertEquals(2500.0, (double) fdi.getAs("value"), 1e-9);
    assertEquals("万美元", fdi.getAs("unit"));
  }

  @Test
  void parquetRowsKeepTheirOrdinalAndPartFile() {
    List<Row> rows = staging("enterprises").orderBy("_source_row").collectAsList();
    assertEquals(2, rows.size());
    assertEquals(1L, (long) rows.get(0).getAs("_source_row"));
    assertEquals(2L, (long) rows.get(1).getAs("_source_row"));
    String file = rows.get(0).getAs("_source_file");
    assertTrue(file.startsWith("enterprises.parquet/part-"), file);
    assertEquals(false, rows.get(0).getAs("utility")); // 否
    assertEquals(true, rows.get(1).getAs("utility")); // Y
    assertEquals(2024, (int) rows.get(0).getAs("year"));
  }
}
