package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.Workbooks;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.Warning;

/**
 * What a leader reads, checked on the workbooks read back: page 1 lists every red warning and its
 * marks agree with every mark column, a zone pack is about its zone, no machine words, no type
 * below 9 pt at the printed scale, planned pages, the synthetic banner exactly when the inputs were
 * synthetic, and files readable by colleagues.
 */
class LeaderPackTest {
  @TempDir static Path dir;
  static Path run;
  static final Map<String, XSSFWorkbook> PACKS = new LinkedHashMap<>();
  static final Map<String, Path> FILES = new LinkedHashMap<>();
  static XSSFWorkbook realProvince;

  @BeforeAll
  static void render() throws Exception {
    run = RunFixtures.province(dir.resolve("out"));
    for (PackRequest r :
        List.of(
            PackRequest.province(),
            PackRequest.city("淮安"),
            PackRequest.zone("320801"),
            PackRequest.zone("321301"))) {
      Path xlsx = PackRenderer.render(run.toString(), r, dir.resolve("packs").toString()).get(0);
      FILES.put(r.toString(), xlsx);
      PACKS.put(r.toString(), Workbooks.open(xlsx));
    }
    Path real = RunFixtures.real(dir.resolve("real"));
    realProvince =
        Workbooks.open(
            PackRenderer.render(
                    real.toString(), PackRequest.province(), dir.resolve("real-packs").toString())
                .get(0));
  }

  @AfterAll
  static void close() throws Exception {
    for (XSSFWorkbook wb : PACKS.values()) {
      wb.close();
    }
    realProvince.close();
  }

  static XSSFWorkbook pack(String request) {
    XSSFWorkbook wb = PACKS.get(request);
    assertNotNull(wb, request + " in " + PACKS.keySet());
    return wb;
  }

  /** Red warnings of the period for the given zones, read from the run's warnings mart. */
  static List<Warning> redWarnings(Set<String> zones) {
    return RunData.load(run.toString()).warnings("2025").stream()
        .filter(w -> "red".equals(w.severity()) && zones.contains(w.zoneCode()))
        .toList();
  }

  /** The zones (by name) marked 红 in a sheet's 标记 column, under the header in {@code headerRow}. */
  static Set<String> markedRed(Sheet sh, int headerRow, String nameHeader) {
    Row header = sh.getRow(headerRow);
    int nameCol = -1;
    int markCol = -1;
    for (Cell c : header) {
      if (nameHeader.equals(c.getStringCellValue())) {
        nameCol = c.getColumnIndex();
      }
      if ("标记".equals(c.getStringCellValue())) {
        markCol = c.getColumnIndex();
      }
    }
    assertTrue(nameCol >= 0 && markCol >= 0, sh.getSheetName() + " has 开发区 and 标记 columns");
    Set<String> red = new TreeSet<>();
    for (int r = headerRow + 1; r <= sh.getLastRowNum(); r++) {
      String mark = Workbooks.text(sh, r, markCol);
      if ("红".equals(mark)) {
        red.add(Workbooks.text(sh, r, nameCol));
      }
    }
    return red;
  }

  /** Cover lines marked 红 in column A, with their sentence from column B. */
  static List<String> coverRedLines(XSSFWorkbook wb) {
    Sheet cover = wb.getSheet("封面");
    List<String> out = new ArrayList<>();
    for (Row r : cover) {
      Cell c = r.getCell(0);
      if (c != null && c.getCellType() == CellType.STRING && "红".equals(c.getStringCellValue())) {
        out.add(r.getCell(1).getStringCellValue());
      }
    }
    return out;
  }

  static long coverRedCount(XSSFWorkbook wb) {
    for (String s : Workbooks.strings(wb.getSheet("封面"))) {
      Matcher m = Pattern.compile("红色标记 (\\d+) 个开发区").matcher(s);
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
    }
    throw new AssertionError("no 红色标记 count on the cover");
  }

  static void assertRiskBlockAgrees(XSSFWorkbook wb, Set<String> zoneCodes, Set<String> redZones) {
    List<String> lines = coverRedLines(wb);
    List<Warning> red = redWarnings(zoneCodes);
    assertFalse(red.isEmpty(), "the fixture has red warnings for " + zoneCodes);
    for (Warning w : red) {
      String message = w.messageZh().replaceAll("。$", "");
      assertTrue(
          lines.stream().anyMatch(l -> l.contains(message)), message + " not in risks " + lines);
    }
    for (String zone : redZones) {
      assertTrue(
          lines.stream().anyMatch(l -> l.startsWith(zone)),
          zone + " is marked 红 but has no red line on the cover: " + lines);
    }
    assertEquals(redZones.size(), coverRedCount(wb), "red count on the cover vs marked zones");
  }

  @Test
  void provinceCoverListsEveryRedWarningAndItsMarksAgreeWithTheRanking() {
    XSSFWorkbook wb = pack("province");
    Set<String> all =
        Set.of(
            "320101", "320102", "320103", "320801", "320802", "320803", "320804", "321301",
            "321302");
    Set<String> red = markedRed(Workbooks.sheet(wb, "综合排名"), 3, "开发区");
    // 涟水 (veto), 沭阳 (last place) by the mart; 宿迁经开 by its national-exit warning
    assertEquals(Set.of("涟水经济开发区", "沭阳经济开发区", "宿迁经济技术开发区"), red);
    assertRiskBlockAgrees(wb, all, red);
    // red lines come before any yellow line
    Sheet cover = wb.getSheet("封面");
    int lastRed = -1;
    int firstYellow = Integer.MAX_VALUE;
    for (Row r : cover) {
      String m = Workbooks.text(cover, r.getRowNum(), 0);
      if ("红".equals(m)) {
        lastRed = r.getRowNum();
      } else if ("黄".equals(m)) {
        firstYellow = Math.min(firstYellow, r.getRowNum());
      }
    }
    assertTrue(lastRed < firstYellow, "red first");
  }

  @Test
  void cityCoverListsTheCitysRedWarningsAndItsMarksAgreeWithTheRankTrend() {
    XSSFWorkbook wb = pack("city:淮安");
    Set<String> red = markedRed(wb.getSheet("排名走势"), 3, "开发区");
    assertEquals(Set.of("涟水经济开发区"), red);
    assertRiskBlockAgrees(wb, Set.of("320801", "320802", "320803", "320804"), red);
  }

  @Test
  void aZoneFacingNationalExitIsRedOnItsCoverAndProfile() {
    XSSFWorkbook wb = pack("zone:321301");
    Sheet profile = wb.getSheet("综合画像");
    assertEquals("标记", Workbooks.text(profile, 3, 8));
    assertEquals("红", Workbooks.text(profile, 4, 8));
    assertRiskBlockAgrees(wb, Set.of("321301"), Set.of("宿迁经济技术开发区"));
    // the consequence from the pack configuration names the zone
    assertTrue(
        Workbooks.strings(wb.getSheet("封面")).stream()
            .anyMatch(s -> s.contains("退出国家级开发区序列") && s.contains("宿迁经济技术开发区")));
  }

  @Test
  void zonePackCoverStatesTheZonesOwnPositionsAndFigures() {
    XSSFWorkbook wb = pack("zone:320801");
    List<String> cover = Workbooks.strings(wb.getSheet("封面"));
    String text = String.join("\n", cover);
    assertTrue(cover.contains("淮安经济技术开发区综合考核评价简报"), cover.toString());
    assertFalse(text.contains("开发区开发区"));
    // 2025 scores: 92.5, 88, 86 (淮安经开), 84, 81, 79.5, 75, 69 and 涟水 vetoed → 3rd of 8;
    // national 92.5, 88, 86 → 3rd of 5; in 淮安 86, 79.5, 75 → 1st of 3;
    // 2024 it was 5th (91, 90, 85, 82, 80) → ▲2
    assertTrue(text.contains("全省 3/8"), text);
    assertTrue(text.contains("国家级 3/5"), text);
    assertTrue(text.contains("市内 1/3"), text);
    assertTrue(text.contains("较上期 ▲2"), text);
    // the zone's own per-mu row (22 firms, 20 evaluated, 1 D), not 淮安's (90 firms, 80, 4 D)
    assertTrue(text.contains("本区企业 22 家，参评 20 家，A/B/C/D 类 4/8/7/1 家"), text);
    assertFalse(text.contains("80 家"), text);
    // its own projects: 2025 total tier 15 signed, 9 started, 4 producing, 1 meeting targets
    assertTrue(text.contains("签约 15 个，开工 9 个，投产 4 个，达效 1 个"), text);
    // the profile is in the body, right after the cover
    assertEquals("综合画像", wb.getSheetName(1));
    // with the per-mu classes' policy names and measures of the pack configuration
    assertTrue(
        Workbooks.strings(wb.getSheet("综合画像")).stream()
            .anyMatch(s -> s.contains("D类 落后整治：差别化电价、水价")));
  }

  static final Pattern MACHINE_WORDS =
      Pattern.compile(
          "(?i)\\b(economic_technological|high_tech|industrial_park|bonded|ratio|above|below"
              + "|south|central|north|national|provincial|red|yellow|blue)\\b");

  @Test
  void noEnglishEnumTokenOrUnitWordOutsideTheNotes() {
    for (var e : PACKS.entrySet()) {
      XSSFWorkbook wb = e.getValue();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        Sheet sh = wb.getSheetAt(i);
        if (sh.getSheetName().equals(NotesSheet.NAME)) {
          continue;
        }
        for (String s : Workbooks.strings(sh)) {
          assertFalse(
              MACHINE_WORDS.matcher(s).find(),
              e.getKey() + " / " + sh.getSheetName() + ": '" + s + "'");
        }
      }
    }
  }

  @Test
  void ratiosArePercentagesAndTypesAreChinese() {
    XSSFWorkbook wb = pack("zone:320801");
    Sheet profile = wb.getSheet("综合画像");
    int r = Workbooks.findRow(profile, 0, "地区生产总值增速");
    assertTrue(r > 0);
    // 淮安经开 is the fourth fixture zone: 0.010 + 0.003 = 0.013 → 1.3 %
    assertEquals(1.3, Workbooks.number(profile, r, 2), 1e-9);
    assertEquals("%", Workbooks.text(profile, r, 3));
    assertTrue(Workbooks.text(profile, 1, 0).contains("经济技术开发区"));
    XSSFWorkbook province = pack("province");
    Sheet national = Workbooks.sheet(province, "国家级开发区");
    assertEquals(
        "高新技术产业开发区", Workbooks.text(national, Workbooks.findRow(national, 3, "淮安高新技术产业开发区"), 5));
  }

  /** Font size of a header/footer part ("&10…" → 10), or 11 (Excel's default) when not set. */
  static double headerPoints(String part) {
    if (part == null || part.isBlank()) {
      return 99;
    }
    Matcher m = Pattern.compile("&(\\d+)").matcher(part);
    return m.find() ? Double.parseDouble(m.group(1)) : 11;
  }

  @Test
  void noTypeBelowNinePointsAtThePrintedScale() {
    for (var e : PACKS.entrySet()) {
      XSSFWorkbook wb = e.getValue();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        XSSFSheet sh = wb.getSheetAt(i);
        String where = e.getKey() + " / " + sh.getSheetName();
        assertFalse(sh.getFitToPage(), where + ": an explicit scale, not fit-to-page");
        double scale = sh.getPrintSetup().getScale() / 100.0;
        CellRangeAddress area = printArea(wb, i);
        for (Row r : sh) {
          if (r.getRowNum() > area.getLastRow()) {
            continue;
          }
          for (Cell c : r) {
            if (c.getCellType() == CellType.BLANK
                || (c.getCellType() == CellType.STRING && c.getStringCellValue().isBlank())) {
              continue;
            }
            double pt = wb.getFontAt(c.getCellStyle().getFontIndex()).getFontHeightInPoints();
            assertTrue(
                pt * scale >= 9 - 1e-9,
                where + "!" + c.getAddress() + ": " + pt + " pt at " + scale + " = " + pt * scale);
          }
        }
        for (String part :
            List.of(
                sh.getHeader().getLeft(),
                sh.getHeader().getCenter(),
                sh.getHeader().getRight(),
                sh.getFooter().getLeft(),
                sh.getFooter().getCenter())) {
          assertTrue(headerPoints(part) * scale >= 9 - 1e-9, where + " header/footer " + part);
        }
      }
    }
  }

  static CellRangeAddress printArea(XSSFWorkbook wb, int sheet) {
    String ref = wb.getPrintArea(sheet);
    assertNotNull(ref, wb.getSheetName(sheet) + " has a print area");
    return CellRangeAddress.valueOf(ref.substring(ref.lastIndexOf('!') + 1).replace("$", ""));
  }

  @Test
  void everySheetHasAPrintAreaAndRowBreaksNeverAfterAHeaderRow() {
    for (var e : PACKS.entrySet()) {
      XSSFWorkbook wb = e.getValue();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        XSSFSheet sh = wb.getSheetAt(i);
        String where = e.getKey() + " / " + sh.getSheetName();
        CellRangeAddress area = printArea(wb, i);
        int[] breaks = sh.getRowBreaks();
        assertTrue(breaks.length > 0, where + " has planned row breaks");
        for (int b : breaks) {
          assertTrue(b <= area.getLastRow() + 1, where + " break " + b + " inside the print area");
          Row r = sh.getRow(b);
          if (r == null || b == area.getLastRow()) {
            continue;
          }
          for (Cell c : r) {
            XSSFCellStyle s = (XSSFCellStyle) c.getCellStyle();
            boolean header =
                s.getFillForegroundXSSFColor() != null
                    && "FF1F4E79".equals(s.getFillForegroundXSSFColor().getARGBHex());
            assertFalse(header, where + ": a page ends with the header row " + (b + 1));
          }
        }
      }
    }
  }

  @Test
  void syntheticInputsCarryTheBannerOnTheCoverEveryHeaderAndTheProperties() {
    for (var e : PACKS.entrySet()) {
      XSSFWorkbook wb = e.getValue();
      assertTrue(Workbooks.text(wb.getSheet("封面"), 0, 0).startsWith("合成数据·仅供演示"), e.getKey());
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        assertTrue(
            wb.getSheetAt(i).getHeader().getLeft().contains("合成数据·仅供演示"),
            e.getKey() + " / " + wb.getSheetName(i));
        assertTrue(wb.getSheetAt(i).getFooter().getLeft().contains("内部资料"));
      }
      var props = wb.getProperties();
      assertTrue(props.getCoreProperties().getTitle().contains("合成数据·仅供演示"));
      assertEquals("合成数据·仅供演示", props.getCoreProperties().getKeywords());
      assertTrue(props.getCustomProperties().getProperty("synthetic").getBool());
    }
  }

  @Test
  void realInputsNeverGetTheBanner() {
    for (String s : Workbooks.dump(realProvince)) {
      assertFalse(s.contains("合成数据"), s);
    }
    for (int i = 0; i < realProvince.getNumberOfSheets(); i++) {
      assertFalse(realProvince.getSheetAt(i).getHeader().getLeft().contains("合成数据"));
    }
    var core = realProvince.getProperties().getCoreProperties();
    assertEquals("全省开发区综合考核评价简报", core.getTitle());
    assertFalse(
        realProvince.getProperties().getCustomProperties().getProperty("synthetic").getBool());
    // the issuing body, document number and marking come from the pack configuration
    List<String> cover = Workbooks.strings(realProvince.getSheet("封面"));
    assertTrue(cover.contains("内部资料 注意保存"), cover.toString());
    assertTrue(cover.stream().anyMatch(s -> s.contains("示例商开〔2026〕1号")), cover.toString());
  }

  @Test
  void packsAreWrittenWithTheProcessUmaskLikeAnyOtherFile() throws Exception {
    Path xlsx = FILES.get("province");
    Path reference = xlsx.resolveSibling("reference.txt");
    Files.writeString(reference, "x");
    Set<PosixFilePermission> expected = Files.getPosixFilePermissions(reference);
    assertEquals(expected, Files.getPosixFilePermissions(xlsx));
  }
}
