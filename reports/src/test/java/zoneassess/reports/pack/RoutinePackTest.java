package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.ParquetFixture;
import zoneassess.reports.RunFixtures;

/** The one-page routine pack and the anomaly lines of the 说明 annex, from hand-written marts. */
class RoutinePackTest {
  @TempDir Path dir;

  private Path run() {
    Path run = RunFixtures.province(dir.resolve("out"));
    Path marts = run.resolve("marts");
    try (ParquetFixture f =
        new ParquetFixture(
            marts.resolve("routine_scoreboard/part-00000.parquet"),
            "zone_code:string",
            "zone_name:string",
            "city:string",
            "level:string",
            "period:string",
            "final_score:double",
            "rank_all:int",
            "prev_period:string",
            "prev_rank_all:int",
            "delta_rank_period:int",
            "prev_year_period:string",
            "prev_year_rank_all:int",
            "delta_rank_year:int",
            "progress_class:string",
            "pace_indicator:string",
            "pace_share:double",
            "time_share:double",
            "behind_pace:int",
            "falling_indicators:int",
            "falling_list_zh:string",
            "mark:string",
            "reason_zh:string")) {
      f.row(
          "Z1",
          "甲开发区",
          "淮安市",
          "provincial",
          "2025Q3",
          80.0,
          1,
          "2025Q2",
          4,
          3,
          "2024Q3",
          2,
          1,
          "进位",
          "gdp",
          0.80,
          0.75,
          0,
          0,
          "",
          "blue",
          "排名前5位");
      f.row(
          "Z2",
          "乙开发区",
          "淮安市",
          "provincial",
          "2025Q3",
          50.0,
          9,
          "2025Q2",
          8,
          -1,
          "2024Q3",
          5,
          -4,
          "退位",
          "gdp",
          0.70,
          0.75,
          1,
          2,
          "税收收入、地区生产总值",
          "red",
          "排名末5位");
      f.row(
          "Z3",
          "丙开发区",
          "淮安市",
          "provincial",
          "2025Q3",
          60.0,
          5,
          "2025Q2",
          5,
          0,
          "2024Q3",
          null,
          null,
          "新进入",
          "gdp",
          null,
          0.75,
          0,
          6,
          "出口总额",
          "yellow",
          "6项以上指标同比下降");
      f.row(
          "Z4",
          "丁开发区",
          "淮安市",
          "provincial",
          "2025Q3",
          65.0,
          4,
          "2025Q2",
          3,
          -1,
          "2024Q3",
          4,
          0,
          "持平",
          "gdp",
          0.76,
          0.75,
          0,
          0,
          "",
          "none",
          "");
    }
    try (ParquetFixture f =
        new ParquetFixture(
            marts.resolve("input_anomalies/part-00000.parquet"),
            "dataset:string",
            "rule_id:string",
            "rule:string",
            "severity:string",
            "unit_key:string",
            "indicator_code:string",
            "period:string",
            "value:double",
            "previous_period:string",
            "previous_value:double",
            "measure:double",
            "message_zh:string")) {
      f.row(
          "zone_stats",
          "jump",
          "change",
          "warning",
          "Z2",
          "tax_revenue",
          "2025Q3",
          60.0,
          "2024Q3",
          6.0,
          10.0,
          "Z2 tax_revenue 2025Q3：60，上年同期（2024Q3）6，为其 10.00 倍（限 5 倍以内）");
    }
    return run;
  }

  @Test
  void longListsOfFallingIndicatorsStayOnOneLine() {
    assertEquals("—", RoutinePack.falling(""));
    assertEquals("税收收入、出口总额", RoutinePack.falling("税收收入、出口总额"));
    assertEquals("3 项：甲 等", RoutinePack.falling("甲、乙、丙"));
  }

  @Test
  void oneSheetRedThenYellowThenBlue() throws Exception {
    Path run = run();
    List<Path> files =
        PackRenderer.render(
            run.toString(),
            new PackRequest(PackRequest.Kind.ROUTINE, null),
            dir.resolve("p").toString());
    Path xlsx = files.get(0);
    assertTrue(xlsx.getFileName().toString().startsWith("routine-"), xlsx.toString());
    try (InputStream in = Files.newInputStream(xlsx);
        Workbook wb = new XSSFWorkbook(in)) {
      assertEquals(1, wb.getNumberOfSheets());
      Sheet sh = wb.getSheetAt(0);
      String subtitle = sh.getRow(1).getCell(0).getStringCellValue();
      // 4 zones: 1 red, 1 yellow, 1 blue; behind pace: Z2 (0.70 < 0.75) only; 1 anomaly
      assertTrue(subtitle.contains("共 4 个开发区：红 1、黄 1、蓝 1；落后时序进度（75%）1 个"), subtitle);
      assertTrue(subtitle.contains("1 条提示"), subtitle);
      assertEquals("较上期", sh.getRow(3).getCell(4).getStringCellValue());
      assertTrue(subtitle.contains("较上期 = 较 2025Q2，较上年同期 = 较 2024Q3"), subtitle);
      assertEquals("红", sh.getRow(4).getCell(0).getStringCellValue());
      assertEquals("乙开发区", sh.getRow(4).getCell(1).getStringCellValue());
      assertEquals("↓1", sh.getRow(4).getCell(4).getStringCellValue());
      assertEquals("↓4", sh.getRow(4).getCell(5).getStringCellValue());
      assertEquals(0.70, sh.getRow(4).getCell(6).getNumericCellValue(), 1e-12);
      assertEquals("税收收入、地区生产总值", sh.getRow(4).getCell(7).getStringCellValue());
      assertEquals("黄", sh.getRow(5).getCell(0).getStringCellValue());
      assertEquals("—", sh.getRow(5).getCell(5).getStringCellValue()); // no rank a year earlier
      assertEquals("蓝", sh.getRow(6).getCell(0).getStringCellValue());
      assertEquals("↑3", sh.getRow(6).getCell(4).getStringCellValue());
      // Z4 (no mark) is not listed: the next row is the closing note
      String note = sh.getRow(8).getCell(0).getStringCellValue();
      assertTrue(note.startsWith("时序进度 = 年初累计"), note);
      assertTrue(sh.getPrintSetup().getLandscape());
    }
  }
}
