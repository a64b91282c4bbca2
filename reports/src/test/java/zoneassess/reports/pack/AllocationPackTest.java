package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.Workbooks;

/**
 * 资源要素配置 annexes read back: the amounts shown are the fixture's (RunFixtures.writeAllocation),
 * totals derived here by hand; a run without the allocation marts renders without the sheets.
 */
class AllocationPackTest {
  @TempDir static Path dir;
  static XSSFWorkbook city;
  static XSSFWorkbook zone;
  static XSSFWorkbook province;
  static XSSFWorkbook oldCity;
  static XSSFWorkbook oldProvince;

  @BeforeAll
  static void render() throws Exception {
    Path run = RunFixtures.province(dir.resolve("out"));
    city = open(run, PackRequest.city("淮安"), "p1");
    zone = open(run, PackRequest.zone("320801"), "p2");
    province = open(run, PackRequest.province(), "p3");
    Path old = RunFixtures.province(dir.resolve("old"));
    for (String m : List.of("allocation_enterprise", "allocation_zone", "land_recovery")) {
      delete(old.resolve("marts").resolve(m));
    }
    oldCity = open(old, PackRequest.city("淮安"), "p4");
    oldProvince = open(old, PackRequest.province(), "p5");
  }

  static XSSFWorkbook open(Path run, PackRequest r, String to) throws Exception {
    return Workbooks.open(
        PackRenderer.render(run.toString(), r, dir.resolve(to).toString()).get(0));
  }

  static void delete(Path p) throws Exception {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  @AfterAll
  static void close() throws Exception {
    for (XSSFWorkbook wb : List.of(city, zone, province, oldCity, oldProvince)) {
      wb.close();
    }
  }

  /** First row at or after {@code from} whose cell in {@code col} reads {@code text}. */
  static int rowAfter(Sheet sh, int from, int col, String text) {
    for (int r = from; r <= sh.getLastRowNum(); r++) {
      if (sh.getRow(r) != null
          && sh.getRow(r).getCell(col) != null
          && text.equals(Workbooks.text(sh, r, col))) {
        return r;
      }
    }
    return -1;
  }

  static Sheet sheet(XSSFWorkbook wb, String suffix) {
    return Workbooks.sheetNames(wb).stream()
        .filter(n -> n.endsWith("·" + suffix))
        .map(wb::getSheet)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no sheet " + suffix));
  }

  @Test
  void citySheetShowsTheDFirmsSurchargesPerFactorAndTheirTotal() {
    Sheet sh = sheet(city, AllocationSheets.NAME);
    int d = Workbooks.findRow(sh, 1, "淮安丁化工有限公司");
    assertTrue(d > 0);
    assertEquals(2, Workbooks.number(sh, d, 3));
    assertEquals(12.5, Workbooks.number(sh, d, 4), 1e-9);
    assertEquals(1.25, Workbooks.number(sh, d, 5), 1e-9);
    assertEquals(0.75, Workbooks.number(sh, d, 6), 1e-9);
    assertEquals(0.5, Workbooks.number(sh, d, 7), 1e-9);
    assertEquals(15.0, Workbooks.number(sh, d, 8), 1e-9);
    // the city's surcharge revenue: 15.00 + 6.75; the larger firm first
    int sum = Workbooks.findRow(sh, 1, "合计（2 家）");
    assertEquals(15.0 + 6.75, Workbooks.number(sh, sum, 8), 1e-9);
    assertEquals(12.5 + 6.0, Workbooks.number(sh, sum, 4), 1e-9);
    assertTrue(Workbooks.findRow(sh, 1, "涟水戊纺织有限公司") > d);
    assertEquals("#,##0.00", sh.getRow(d).getCell(8).getCellStyle().getDataFormatString());
    // other cities' firms stay out
    assertEquals(-1, Workbooks.findRow(sh, 1, "宿迁庚纸业有限公司"));
    assertEquals(-1, Workbooks.findRow(sh, 1, "南京壬软件有限公司"));
  }

  @Test
  void citySheetListsPriorityGuaranteedQuotaAndLand() {
    Sheet sh = sheet(city, AllocationSheets.NAME);
    int a1 = Workbooks.findRow(sh, 1, "淮安甲精密有限公司");
    int a2 = Workbooks.findRow(sh, 1, "淮安乙电子有限公司");
    assertTrue(a1 > 0 && a2 == a1 + 1, "A list in line order");
    assertEquals("1", Workbooks.text(sh, a1, 0));
    int guaranteed = Workbooks.findRow(sh, 0, "三、应保尽保企业名单");
    int g1 = rowAfter(sh, guaranteed, 1, "淮安甲精密有限公司");
    int g2 = rowAfter(sh, guaranteed, 1, "淮安己食品有限公司");
    assertTrue(g1 > guaranteed && g2 == g1 + 1);
    assertEquals(0.5, Workbooks.number(sh, g2, 7), 1e-9);
    int quota = Workbooks.findRow(sh, 0, "四、用地用能指标分配");
    int q = rowAfter(sh, quota, 1, "淮安经济技术开发区");
    assertEquals(0.4, Workbooks.number(sh, q, 3), 1e-9);
    assertEquals(400.0, Workbooks.number(sh, q, 5), 1e-9);
    assertEquals(4.0, Workbooks.number(sh, q, 6), 1e-9);
    int land = Workbooks.findRow(sh, 0, "五、低效闲置土地盘活（亩）");
    int l = rowAfter(sh, land, 1, "淮安经济技术开发区");
    assertEquals(12.5, Workbooks.number(sh, l, 2), 1e-9);
    assertEquals(30.0, Workbooks.number(sh, l, 4), 1e-9);
    assertEquals(12.5 + 30.0, Workbooks.number(sh, l, 5), 1e-9);
    assertEquals(1, Workbooks.number(sh, l, 6));
    assertEquals("#,##0.0", sh.getRow(l).getCell(5).getCellStyle().getDataFormatString());
    int l2 = rowAfter(sh, land, 1, "涟水经济开发区");
    assertEquals(8.0, Workbooks.number(sh, l2, 5), 1e-9);
    // the subtitle states the city's totals: 21.75 万元, 2 guaranteed, 50.5 亩
    String sub = Workbooks.text(sh, 1, 0);
    assertTrue(sub.contains("21.75 万元"), sub);
    assertTrue(sub.contains("应保尽保企业 2 家"), sub);
    assertTrue(sub.contains("50.5 亩"), sub);
  }

  @Test
  void zoneSheetHoldsOnlyTheZonesOwnPart() {
    Sheet sh = sheet(zone, AllocationSheets.NAME);
    int sum = Workbooks.findRow(sh, 1, "合计（1 家）");
    assertEquals(15.0, Workbooks.number(sh, sum, 8), 1e-9);
    assertEquals(-1, Workbooks.findRow(sh, 1, "涟水戊纺织有限公司"));
    assertEquals(-1, Workbooks.findRow(sh, 1, "淮安己食品有限公司"));
    int quota = Workbooks.findRow(sh, 0, "四、用地用能指标分配");
    int q = rowAfter(sh, quota, 1, "淮安经济技术开发区");
    assertEquals(400.0, Workbooks.number(sh, q, 5), 1e-9);
    assertEquals(-1, rowAfter(sh, quota, 1, "淮安高新技术产业开发区"));
    int land = Workbooks.findRow(sh, 0, "五、低效闲置土地盘活（亩）");
    assertEquals(42.5, Workbooks.number(sh, rowAfter(sh, land, 1, "淮安经济技术开发区"), 5), 1e-9);
  }

  @Test
  void provinceSheetSumsEachCity() {
    Sheet sh = sheet(province, AllocationSheets.PROVINCE_NAME);
    int r = Workbooks.findRow(sh, 0, "淮安");
    assertEquals(2, Workbooks.number(sh, r, 1));
    assertEquals(1, Workbooks.number(sh, r, 2));
    assertEquals(1, Workbooks.number(sh, r, 3));
    assertEquals(2, Workbooks.number(sh, r, 4));
    assertEquals(15.0 + 6.75, Workbooks.number(sh, r, 6), 1e-9);
    assertEquals(2, Workbooks.number(sh, r, 7));
    assertEquals(12.5 + 30.0 + 8.0, Workbooks.number(sh, r, 8), 1e-9);
    int s = Workbooks.findRow(sh, 0, "宿迁");
    assertEquals(3.0, Workbooks.number(sh, s, 6), 1e-9);
    assertEquals(5.0, Workbooks.number(sh, s, 8), 1e-9);
    int all = Workbooks.findRow(sh, 0, "全省");
    assertEquals(4, Workbooks.number(sh, all, 1));
    assertEquals(15.0 + 6.75 + 3.0, Workbooks.number(sh, all, 6), 1e-9);
    assertEquals(3, Workbooks.number(sh, all, 7));
    assertEquals(50.5 + 5.0, Workbooks.number(sh, all, 8), 1e-9);
  }

  @Test
  void everyNewSheetHasAPrintAreaAndIsLandscapeOrFits() {
    for (var wb : List.of(city, zone, province)) {
      for (String n : Workbooks.sheetNames(wb)) {
        if (n.contains("资源要素配置")) {
          assertTrue(wb.getPrintArea(wb.getSheetIndex(n)) != null, n);
        }
      }
    }
  }

  @Test
  void aRunWithoutAllocationMartsRendersWithoutTheSheetsAndSaysSo() {
    for (var wb : List.of(oldCity, oldProvince)) {
      assertFalse(Workbooks.sheetNames(wb).stream().anyMatch(n -> n.contains("资源要素配置")));
      Sheet notes = wb.getSheet(NotesSheet.NAME);
      assertTrue(
          Workbooks.strings(notes).stream().anyMatch(s -> s.contains("资源要素配置") && s.contains("省略")),
          String.join("\n", Workbooks.strings(notes)));
    }
  }
}
