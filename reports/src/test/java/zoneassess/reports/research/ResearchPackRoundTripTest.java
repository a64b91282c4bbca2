package zoneassess.reports.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.Workbooks;
import zoneassess.reports.charts.ChartFiles;

/** Renders the full small research folder and reads the workbook back with POI. */
class ResearchPackRoundTripTest {
  @TempDir static Path dir;
  static List<Path> files;
  static XSSFWorkbook wb;

  @BeforeAll
  static void render() throws Exception {
    Path folder = ResearchFixtures.full(dir.resolve("research"));
    files = ResearchPackRenderer.renderFolder(folder);
    wb = Workbooks.open(folder.resolve(ResearchPackRenderer.WORKBOOK));
  }

  @AfterAll
  static void close() throws Exception {
    wb.close();
  }

  static String fill(Cell c) {
    XSSFCellStyle s = (XSSFCellStyle) c.getCellStyle();
    return s.getFillPattern() == FillPatternType.SOLID_FOREGROUND
        ? s.getFillForegroundXSSFColor().getARGBHex()
        : "none";
  }

  @Test
  void coverFirstThenOneSheetPerMart() {
    assertEquals(List.of("说明", "方法对比", "相关性", "排名轨迹", "排名区间", "剔除指标"), Workbooks.sheetNames(wb));
    assertEquals(files.get(0).getFileName().toString(), "research.xlsx");
  }

  @Test
  void comparisonRanksByBAndColoursTheShift() {
    Sheet sh = wb.getSheet("方法对比");
    int header = ComparisonSheet.HEADER_ROW;
    assertEquals("排名变化(A→B)", Workbooks.text(sh, header, 9));
    // first body row is Z2: rank A 4 → rank B 1, shift +3, shown ▲3 on green
    assertEquals("Z2", Workbooks.text(sh, header + 1, 0));
    Cell shift = Workbooks.cell(sh, header + 1, 9);
    assertEquals(3.0, shift.getNumericCellValue());
    assertEquals("FFC6EFCE", fill(shift));
    assertEquals("▲3", new DataFormatter(java.util.Locale.ROOT).formatCellValue(shift));
    // Z1 moves down one place: −1 on red
    assertEquals("Z1", Workbooks.text(sh, header + 2, 0));
    assertEquals(-1.0, Workbooks.number(sh, header + 2, 9));
    assertEquals("FFFFC7CE", fill(Workbooks.cell(sh, header + 2, 9)));
    // Z5 is unranked under B: last, with blank rank B and shift
    assertEquals("Z5", Workbooks.text(sh, header + 5, 0));
    assertEquals(CellType.BLANK, Workbooks.cell(sh, header + 5, 7).getCellType());
    assertEquals(CellType.BLANK, Workbooks.cell(sh, header + 5, 9).getCellType());
    // only 2025: five body rows
    assertEquals(header + 5, lastRowWithText(sh, 0));
    // frozen below the header
    assertEquals(header + 1, sh.getPaneInformation().getHorizontalSplitTopRow());
  }

  @Test
  void theMoversBlockListsTheLargestShiftFirst() {
    Sheet sh = wb.getSheet("方法对比");
    int c = ComparisonSheet.MOVERS_COL;
    int header = ComparisonSheet.HEADER_ROW;
    // Z2 (+3) first, then the three −1 zones by code: Z1, Z3, Z4; Z5 has no shift
    assertEquals("乙高新区", Workbooks.text(sh, header + 1, c));
    assertEquals(3.0, Workbooks.number(sh, header + 1, c + 3));
    assertEquals("甲经开区", Workbooks.text(sh, header + 2, c));
    assertEquals("丙开发区", Workbooks.text(sh, header + 3, c));
    assertEquals(ResearchFixtures.HOSTILE, Workbooks.text(sh, header + 4, c));
    assertEquals(null, Workbooks.cell(sh, header + 5, c));
  }

  @Test
  void aZoneNameStartingWithEqualsIsStoredAsTextAndNoCellIsAFormula() {
    Sheet sh = wb.getSheet("方法对比");
    Cell name = Workbooks.cell(sh, ComparisonSheet.HEADER_ROW + 4, 1);
    assertEquals(CellType.STRING, name.getCellType());
    assertEquals(ResearchFixtures.HOSTILE, name.getStringCellValue());
    for (Sheet s : wb) {
      for (Row r : s) {
        for (Cell c : r) {
          assertTrue(c.getCellType() != CellType.FORMULA, s.getSheetName() + "!" + c.getAddress());
        }
      }
    }
  }

  @Test
  void correlationTableShowsEachPeriod() {
    Sheet sh = wb.getSheet("相关性");
    int h = CorrelationSheet.HEADER_ROW;
    assertEquals("2024", Workbooks.text(sh, h + 1, 0));
    assertEquals("2025", Workbooks.text(sh, h + 2, 0));
    assertEquals(-0.2, Workbooks.number(sh, h + 2, 2), 1e-12);
    assertEquals(0.0, Workbooks.number(sh, h + 2, 3), 1e-12);
    // 4 of 4 zones moved → 100 %
    assertEquals(1.0, Workbooks.number(sh, h + 2, 7), 1e-12);
  }

  @Test
  void trajectoryMatrixIsOrderedByTheNewestRankWithTheBBlockBelow() {
    Sheet sh = wb.getSheet("排名轨迹");
    int h = TrajectorySheet.HEADER_ROW;
    assertEquals(
        List.of("2023", "2024", "2025", "名次极差"),
        List.of(
            Workbooks.text(sh, h, 2),
            Workbooks.text(sh, h, 3),
            Workbooks.text(sh, h, 4),
            Workbooks.text(sh, h, 5)));
    // row h+1 is the "方法A" section; then Z1, Z3, Z2 by 2025 rank
    assertTrue(Workbooks.text(sh, h + 1, 0).startsWith("方法A"));
    assertEquals("Z1", Workbooks.text(sh, h + 2, 0));
    assertEquals("Z3", Workbooks.text(sh, h + 3, 0));
    assertEquals("Z2", Workbooks.text(sh, h + 4, 0));
    // Z2: 5, 3, 4 → spread 5 − 3 = 2
    assertEquals(5.0, Workbooks.number(sh, h + 4, 2));
    assertEquals(2.0, Workbooks.number(sh, h + 4, 5));
    int b = Workbooks.findRow(sh, 0, "方法B：zdev-2025 2.0");
    assertTrue(b > h + 4, "B section row " + b);
    assertEquals("Z2", Workbooks.text(sh, b + 1, 0));
    assertEquals(CellType.BLANK, Workbooks.cell(sh, b + 1, 2).getCellType());
    assertEquals(1.0, Workbooks.number(sh, b + 1, 4));
    assertEquals(1, pictures(sh));
  }

  @Test
  void rankIntervalTableListsZonesInMedianRankOrder() {
    Sheet sh = wb.getSheet("排名区间");
    int h = IntervalSheet.HEADER_ROW;
    List<String> codes = new ArrayList<>();
    for (int r = h + 1; r <= h + 4; r++) {
      codes.add(Workbooks.text(sh, r, 1));
    }
    assertEquals(List.of("Z1", "Z2", "Z3", "Z4"), codes);
    // Z2: P05 1, P95 5 → width 4
    assertEquals(2.5, Workbooks.number(sh, h + 2, 4));
    assertEquals(4.0, Workbooks.number(sh, h + 2, 7));
    assertEquals(1, pictures(sh));
  }

  @Test
  void leaveOneOutMatrixPutsTheMostInfluentialIndicatorFirst() {
    Sheet sh = wb.getSheet("剔除指标");
    int h = LeaveOneOutSheet.HEADER_ROW;
    assertEquals("地区生产总值", Workbooks.text(sh, h, 3));
    assertEquals("tax", Workbooks.text(sh, h, 4));
    // gdp mean |shift| (1 + 2 + 1) / 3, max 2
    assertEquals(4.0 / 3, Workbooks.number(sh, LeaveOneOutSheet.MEAN_ROW, 3), 1e-12);
    assertEquals(2.0, Workbooks.number(sh, LeaveOneOutSheet.MAX_ROW, 3));
    // rows by nominal rank: Z1, Z3, Z2; Z2 rises two places without gdp (−2)
    assertEquals("Z1", Workbooks.text(sh, h + 1, 1));
    assertEquals("Z3", Workbooks.text(sh, h + 2, 1));
    assertEquals("Z2", Workbooks.text(sh, h + 3, 1));
    assertEquals(-2.0, Workbooks.number(sh, h + 3, 3));
    assertEquals("乙高新区", Workbooks.text(sh, h + 3, 2));
    var cf = ((XSSFSheet) sh).getSheetConditionalFormatting();
    assertEquals(1, cf.getNumConditionalFormattings());
    var scale = cf.getConditionalFormattingAt(0).getRule(0).getColorScaleFormatting();
    assertEquals(RangeType.NUMBER, scale.getThresholds()[1].getRangeType());
    assertEquals(0.0, scale.getThresholds()[1].getValue());
    // body rows 6–8 (0-based) are Excel rows 7–9; indicator columns D and E
    assertEquals(
        "D7:E9", cf.getConditionalFormattingAt(0).getFormattingRanges()[0].formatAsString());
    // the summary table below: gdp first
    int s = Workbooks.findRow(sh, LeaveOneOutSheet.SUMMARY_COL, "指标");
    assertEquals("地区生产总值", Workbooks.text(sh, s + 1, LeaveOneOutSheet.SUMMARY_COL));
    assertEquals("tax", Workbooks.text(sh, s + 2, LeaveOneOutSheet.SUMMARY_COL));
    assertEquals(2.0, Workbooks.number(sh, s + 2, LeaveOneOutSheet.SUMMARY_COL + 4));
  }

  @Test
  void coverListsParametersAndNoMissingMart() {
    Sheet sh = wb.getSheet("说明");
    int r = Workbooks.findRow(sh, 0, "模拟次数（replications）");
    assertEquals("1000", Workbooks.text(sh, r, 1));
    int m = Workbooks.findRow(sh, 0, "缺少的数据集");
    assertEquals("无（六个研究数据集齐全）。", Workbooks.text(sh, m, 1));
  }

  @Test
  void chartFilesExistWithPlausibleSizesAndTheDocumentDateIsTheRunTime() throws Exception {
    List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).toList();
    assertEquals(
        List.of("research-rank-trajectories.png", "research-rank-range-1.png"),
        pngs.stream().map(p -> p.getFileName().toString()).toList());
    BufferedImage range = ImageIO.read(pngs.get(1).toFile());
    assertEquals(IntervalSheet.CHART_WIDTH * ChartFiles.SCALE, range.getWidth());
    // four zones: 170 + 4 × 18 = 242 logical pixels high
    assertEquals(242 * ChartFiles.SCALE, range.getHeight());
    int nonWhite = 0;
    for (int x = 0; x < range.getWidth(); x += 4) {
      for (int y = 0; y < range.getHeight(); y += 4) {
        nonWhite += (range.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF ? 1 : 0;
      }
    }
    assertTrue(nonWhite > 500, nonWhite + " sampled pixels are not white");
    assertTrue(files.stream().anyMatch(f -> f.toString().endsWith("research-rank-range-1.svg")));
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f.toString());
    }
    var core = wb.getProperties().getCoreProperties();
    assertEquals(Instant.parse("2026-11-28T04:15:00Z"), core.getCreated().toInstant());
    assertEquals(Instant.parse("2026-11-28T04:15:00Z"), core.getModified().toInstant());
  }

  @Test
  void renderingAgainGivesTheSameCells() throws Exception {
    Path again = dir.resolve("again");
    List<Path> second =
        ResearchPackRenderer.render(ResearchData.read(dir.resolve("research")), again);
    try (XSSFWorkbook other = Workbooks.open(second.get(0))) {
      assertEquals(Workbooks.dump(wb), Workbooks.dump(other));
    }
    assertEquals(files.size(), second.size());
  }

  static int pictures(Sheet sh) {
    XSSFDrawing d = ((XSSFSheet) sh).getDrawingPatriarch();
    assertNotNull(d, sh.getSheetName() + " has no drawing");
    return (int) d.getShapes().stream().filter(s -> s instanceof XSSFPicture).count();
  }

  static int lastRowWithText(Sheet sh, int col) {
    int last = -1;
    for (Row r : sh) {
      Cell c = r.getCell(col);
      if (c != null && c.getCellType() == CellType.STRING) {
        last = r.getRowNum();
      }
    }
    return last;
  }
}
