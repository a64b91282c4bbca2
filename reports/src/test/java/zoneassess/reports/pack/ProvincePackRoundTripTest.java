package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFPicture;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.Workbooks;

/** Renders the fixture's province pack once and reads it back. */
class ProvincePackRoundTripTest {
  @TempDir static Path dir;
  static List<Path> files;
  static XSSFWorkbook wb;

  @BeforeAll
  static void render() throws Exception {
    Path run = RunFixtures.province(dir.resolve("out"));
    files =
        PackRenderer.render(
            run.toString(), PackRequest.province(), dir.resolve("packs").toString());
    wb = Workbooks.open(files.get(0));
  }

  @AfterAll
  static void close() throws Exception {
    wb.close();
  }

  @Test
  void hasTheSheetsOfTheProvincePackInOrder() {
    assertEquals(
        List.of(
            "封面",
            "结果概览",
            "分组与单项",
            "附件1·综合排名",
            "附件2·国家级开发区",
            "附件3·省级开发区",
            "附件4·维度热力图",
            "附件5·得分分布",
            "附件6·亩均效益",
            "附件7·要素成本",
            "附件8·要素成本指数",
            "附件9·资源要素配置汇总",
            "附件10·预警事项",
            "说明"),
        Workbooks.sheetNames(wb));
    assertEquals("province-2025.xlsx", files.get(0).getFileName().toString());
  }

  @Test
  void rankingListsZonesByRankWithArrowsAndUnrankedLast() {
    XSSFSheet sh = Workbooks.sheet(wb, "综合排名");
    // header row 4 (index 3): rank, Δ, name, city, level, index score, …
    assertEquals("全省排名", Workbooks.text(sh, 3, 0));
    assertEquals("指数得分", Workbooks.text(sh, 3, 5));
    // 2025: 南京经开 92.5 first; 2024 it was second → ▲1
    assertEquals(1.0, Workbooks.number(sh, 4, 0));
    assertEquals("▲1", Workbooks.text(sh, 4, 1));
    assertEquals("南京经济技术开发区", Workbooks.text(sh, 4, 2));
    // final score column = 5 fixed + index, deductions, bonuses, progress → index 9
    assertEquals("综合得分", Workbooks.text(sh, 3, 9));
    assertEquals(92.5, Workbooks.number(sh, 4, 9));
    assertEquals("0.00", sh.getRow(4).getCell(9).getCellStyle().getDataFormatString());
    // the dimensions are on the heat map: 经济发展 = final − 5 = 87.5
    XSSFSheet heat = Workbooks.sheet(wb, "维度热力图");
    assertEquals("经济发展", Workbooks.text(heat, 3, 3));
    assertEquals(87.5, Workbooks.number(heat, 4, 3));
    // 淮安高新: 2024 rank 4, 2025 rank 6 → ▼2, yellow mark
    int r = Workbooks.findRow(sh, 2, "淮安高新技术产业开发区");
    assertEquals(6.0, Workbooks.number(sh, r, 0));
    assertEquals("▼2", Workbooks.text(sh, r, 1));
    assertEquals("黄", Workbooks.text(sh, r, 13));
    // 涟水 vetoed: no rank, listed last (row 4 + 8 ranked zones), with the veto reason
    assertEquals("涟水经济开发区", Workbooks.text(sh, 12, 2));
    assertEquals("新", Workbooks.text(sh, 12, 1));
    assertTrue(Workbooks.text(sh, 12, 14).startsWith("一票否决"));
  }

  @Test
  void headerCellsHaveExplicitFillBoldAndBorders() {
    CellStyle s = Workbooks.sheet(wb, "综合排名").getRow(3).getCell(0).getCellStyle();
    assertEquals(FillPatternType.SOLID_FOREGROUND, s.getFillPattern());
    assertEquals("FF1F4E79", ((XSSFCellStyle) s).getFillForegroundXSSFColor().getARGBHex());
    assertTrue(wb.getFontAt(s.getFontIndex()).getBold());
    assertEquals("微软雅黑", wb.getFontAt(s.getFontIndex()).getFontName());
    assertEquals(BorderStyle.THIN, s.getBorderBottom());
  }

  @Test
  void arrowsAreColouredUpBlueDownRed() {
    XSSFSheet sh = Workbooks.sheet(wb, "综合排名");
    var up = wb.getFontAt(sh.getRow(4).getCell(1).getCellStyle().getFontIndex());
    assertEquals("FF0070C0", up.getXSSFColor().getARGBHex());
    int r = Workbooks.findRow(sh, 2, "江宁经济技术开发区");
    var down = wb.getFontAt(sh.getRow(r).getCell(1).getCellStyle().getFontIndex());
    assertEquals("FFC00000", down.getXSSFColor().getARGBHex());
  }

  @Test
  void tableSheetsFreezeTheHeaderAndPrintA4LandscapeAtAReadableScale() {
    for (String name : List.of("综合排名", "国家级开发区", "省级开发区", "维度热力图", "要素成本", "预警事项")) {
      XSSFSheet sh = Workbooks.sheet(wb, name);
      PaneInformation pane = sh.getPaneInformation();
      assertNotNull(pane, name);
      assertEquals(4, pane.getHorizontalSplitPosition(), name);
      PrintSetup ps = sh.getPrintSetup();
      assertTrue(ps.getLandscape(), name);
      assertEquals(PrintSetup.A4_PAPERSIZE, ps.getPaperSize(), name);
      assertFalse(sh.getFitToPage(), name);
      assertTrue(ps.getScale() >= 90 && ps.getScale() <= 100, name + " scale " + ps.getScale());
      assertEquals("4:4", sh.getRepeatingRows().formatAsString(), name);
      assertTrue(sh.getFooter().getCenter().contains("&P"), name);
      assertTrue(sh.getFooter().getLeft().contains("内部资料"), name);
      assertFalse(sh.getFooter().getLeft().contains(RunFixtures.RUN_ID), name);
      assertTrue(sh.getHeader().getCenter().endsWith("全省开发区综合考核评价简报"), name);
    }
  }

  @Test
  void columnWidthsAreExplicit() {
    // 开发区 column: 28 characters → 28 × 256 + 200
    assertEquals(28 * 256 + 200, Workbooks.sheet(wb, "综合排名").getColumnWidth(2));
  }

  @Test
  void nationalAndProvincialListsUseTheRankWithinTheLevel() {
    XSSFSheet nat = Workbooks.sheet(wb, "国家级开发区");
    // national 2025: 南京经开 92.5, 江宁 88, 淮安经开 86, 宿迁经开 81, 淮安高新 79.5
    assertEquals("南京经济技术开发区", Workbooks.text(nat, 4, 3));
    assertEquals("淮安高新技术产业开发区", Workbooks.text(nat, 8, 3));
    assertEquals(5.0, Workbooks.number(nat, 8, 0));
    assertEquals(6.0, Workbooks.number(nat, 8, 1));
    XSSFSheet prov = Workbooks.sheet(wb, "省级开发区");
    // provincial ranked: 化工园 84 (4th overall), 淮安工业园 75, 沭阳 69; 涟水 vetoed last
    assertEquals("南京化学工业园区", Workbooks.text(prov, 4, 3));
    assertEquals(4.0, Workbooks.number(prov, 4, 1));
    assertEquals("涟水经济开发区", Workbooks.text(prov, 7, 3));
  }

  @Test
  void marksAndHeatMapAreConditionallyFormatted() {
    var cf = Workbooks.sheet(wb, "综合排名").getSheetConditionalFormatting();
    assertEquals(1, cf.getNumConditionalFormattings());
    assertEquals(3, cf.getConditionalFormattingAt(0).getNumberOfRules());
    assertEquals("\"红\"", cf.getConditionalFormattingAt(0).getRule(0).getFormula1());
    // one colour scale per dimension plus the final score
    assertEquals(
        6,
        Workbooks.sheet(wb, "维度热力图")
            .getSheetConditionalFormatting()
            .getNumConditionalFormattings());
  }

  @Test
  void chartsAreEmbeddedAsPictures() {
    XSSFDrawing d = Workbooks.sheet(wb, "得分分布").getDrawingPatriarch();
    assertNotNull(d);
    assertEquals(1, d.getShapes().stream().filter(s -> s instanceof XSSFPicture).count());
    XSSFPicture pic = (XSSFPicture) d.getShapes().get(0);
    assertNotEquals(
        pic.getClientAnchor().getCol1(),
        pic.getClientAnchor().getCol2(),
        "the picture has a width");
    // the class mix is a picture too (a native chart's text printed on the page before it)
    XSSFSheet permu = Workbooks.sheet(wb, "亩均效益");
    assertEquals(0, permu.getDrawingPatriarch().getCharts().size());
    assertEquals(1, permu.getDrawingPatriarch().getShapes().size());
    assertTrue(
        files.stream().anyMatch(f -> f.toString().endsWith("province-2025-score-bars-1.svg")));
  }

  @Test
  void coverOpensWithTheDecisionAndTheNotesCarryTheDataStatus() {
    XSSFSheet sh = wb.getSheet("封面");
    assertEquals("全省开发区综合考核评价简报", Workbooks.text(sh, 1, 0));
    String subtitle = Workbooks.text(sh, 2, 0);
    assertTrue(subtitle.startsWith("示例省商务厅开发区工作处"), subtitle);
    assertTrue(subtitle.contains("数据年度 2025年"), subtitle);
    List<String> cover = Workbooks.strings(sh);
    int risks = indexOfPrefix(cover, "一、风险与问题");
    int highlights = indexOfPrefix(cover, "二、进位与亮点");
    int next = indexOfPrefix(cover, "四、下一步");
    assertTrue(0 < risks && risks < highlights && highlights < next, cover.toString());
    // no run id, time or path on the cover: they are on 说明
    assertTrue(
        cover.stream().noneMatch(s -> s.contains(RunFixtures.RUN_ID) || s.contains("rejects/")));
    XSSFSheet notes = wb.getSheet("说明");
    int status = Workbooks.findRow(notes, 0, "数据状态");
    // validation report: accepted 9 + 40 = 49, rejected 1 + 2 = 3
    assertTrue(
        Workbooks.text(notes, status, 1).startsWith("验证通过 49 行，拒收 3 行"),
        Workbooks.text(notes, status, 1));
  }

  static int indexOfPrefix(List<String> cells, String prefix) {
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void documentPropertiesCarryTheRunTimestampNotTheRenderTime() {
    var core = wb.getProperties().getCoreProperties();
    assertEquals("全省开发区综合考核评价简报（合成数据·仅供演示）", core.getTitle());
    assertEquals("zoneassess", core.getCreator());
    assertEquals(Instant.parse(RunFixtures.RUN_TIMESTAMP), core.getCreated().toInstant());
  }

  @Test
  void warningsListMultiYearConsequencesWithTheirYears() {
    XSSFSheet sh = Workbooks.sheet(wb, "预警事项");
    // red first by rank: 宿迁经开 (5th, national exit), 涟水 (vetoed, unranked); then yellow by
    // rank: 淮安高新 (6th), 沭阳 (8th)
    assertEquals("红", Workbooks.text(sh, 4, 0));
    assertEquals("宿迁经济技术开发区", Workbooks.text(sh, 4, 1));
    assertEquals("退出国家级序列", Workbooks.text(sh, 4, 4));
    assertEquals("一票否决", Workbooks.text(sh, 5, 4));
    assertEquals("淮安高新技术产业开发区", Workbooks.text(sh, 6, 1));
    assertEquals("2024,2025", Workbooks.text(sh, 6, 7));
    assertEquals("重大项目断档", Workbooks.text(sh, 6, 4));
  }

  @Test
  void costSheetPicksTheAnnualPeriodAndIgnoresZoneRows() {
    XSSFSheet sh = Workbooks.sheet(wb, "要素成本");
    // cities by code: 南京 3201, 淮安 3208, 宿迁 3213
    assertEquals("淮安", Workbooks.text(sh, 3, 3));
    assertEquals(0.64, Workbooks.number(sh, 4, 3), 1e-9);
    assertFalse(Workbooks.dump(wb).stream().anyMatch(s -> s.contains("9.99")));
  }

  @Test
  void noCellIsAFormula() {
    assertTrue(Workbooks.dump(wb).stream().noneMatch(s -> s.contains(" FORMULA ")));
  }
}
