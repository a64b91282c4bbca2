package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
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

/** The 淮安 city pack and the one-zone pack of 淮安经开, rendered once, read back. */
class CityPackRoundTripTest {
  @TempDir static Path dir;
  static Path run;
  static XSSFWorkbook city;
  static XSSFWorkbook zone;

  @BeforeAll
  static void render() throws Exception {
    run = RunFixtures.province(dir.resolve("out"));
    List<Path> files =
        PackRenderer.render(
            run.toString(),
            List.of(PackRequest.city("淮安"), PackRequest.zone("320801")),
            dir.resolve("packs").toString());
    city =
        Workbooks.open(
            files.stream()
                .filter(f -> f.toString().endsWith("city-淮安-2025.xlsx"))
                .findFirst()
                .orElseThrow());
    zone =
        Workbooks.open(
            files.stream()
                .filter(f -> f.toString().endsWith("zone-320801-2025.xlsx"))
                .findFirst()
                .orElseThrow());
  }

  @AfterAll
  static void close() throws Exception {
    city.close();
    zone.close();
  }

  @Test
  void bodyFirstThenAnnexesNotesAndTheAppendixLast() {
    assertEquals(
        List.of(
            "封面",
            "排名走势",
            "要素成本对比",
            "附件1·淮安经济技术开发区",
            "附件2·淮安高新技术产业开发区",
            "附件3·淮安工业园区",
            "附件4·涟水经济开发区",
            "附件5·全省对比",
            "附件6·典型企业成本",
            "附件7·资源要素配置",
            "说明",
            "附件8·D类企业名单"),
        Workbooks.sheetNames(city));
    assertEquals(
        List.of(
            "封面",
            "综合画像",
            "附件1·排名走势",
            "附件2·全省对比",
            "附件3·要素成本对比",
            "附件4·典型企业成本",
            "附件5·资源要素配置",
            "说明",
            "附件6·D类企业名单"),
        Workbooks.sheetNames(zone));
  }

  @Test
  void trendShowsTheLastFivePeriods() {
    XSSFSheet sh = Workbooks.sheet(city, "排名走势");
    assertEquals("2021排名", Workbooks.text(sh, 3, 2));
    assertEquals("2025排名", Workbooks.text(sh, 3, 6));
    // 淮安经开: 2024 scores put it 5th in 2021–2024 (80 − k each year, order unchanged), 3rd in 2025
    int r = Workbooks.findRow(sh, 0, "淮安经济技术开发区");
    assertEquals(5.0, Workbooks.number(sh, r, 2));
    assertEquals(3.0, Workbooks.number(sh, r, 6));
    assertEquals("▲2", Workbooks.text(sh, r, 7));
    // 涟水 vetoed in 2025: blank rank
    int l = Workbooks.findRow(sh, 0, "涟水经济开发区");
    assertTrue(
        Workbooks.cell(sh, l, 6) == null
            || Workbooks.cell(sh, l, 6).getCellType()
                == org.apache.poi.ss.usermodel.CellType.BLANK);
    assertEquals(1, sh.getDrawingPatriarch().getShapes().size());
  }

  @Test
  void profilePageHasRadarFunnelDimensionsIndicatorsAndPrintsOnOnePortraitPage() {
    XSSFSheet sh = Workbooks.sheet(city, "淮安经济技术开发区");
    assertEquals(
        2,
        sh.getDrawingPatriarch().getShapes().stream()
            .filter(s -> s instanceof XSSFPicture)
            .count());
    assertEquals(86.0, Workbooks.number(sh, 4, 0));
    assertEquals("3/8", Workbooks.text(sh, 4, 1));
    int dims = Workbooks.findRow(sh, 0, "经济发展");
    // 2025 mean of the nine final scores: 92.5 + 88 + 84 + 86 + 79.5 + 75 + 71 + 81 + 69 = 726;
    // 726 / 9 = 80.667; 经济发展 offset −5 → 75.667
    assertEquals(726.0 / 9 - 5, Workbooks.number(sh, dims, 4), 1e-9);
    int tax = Workbooks.findRow(sh, 0, "亩均税收");
    // 淮安经开 is the fourth fixture zone: percentile 10 × 3 = 30
    assertEquals(30.0, Workbooks.number(sh, tax, 4));
    int funnel = Workbooks.findRow(sh, 0, "1亿以上");
    // 6 of 10 signed projects started → 60 %
    assertEquals(0.6, Workbooks.number(sh, funnel, 5), 1e-9);
    assertFalse(sh.getPrintSetup().getLandscape());
    assertFalse(sh.getFitToPage());
  }

  @Test
  void costsCompareWithTheProvinceAndTheNeighboursOfTheSameRegion() {
    XSSFSheet sh = Workbooks.sheet(city, "要素成本对比");
    assertEquals("淮安", Workbooks.text(sh, 3, 2));
    // 宿迁 is the only other northern city in the fixture; 南京 (south) is not a neighbour
    assertEquals("宿迁", Workbooks.text(sh, 3, 12));
    assertEquals(13, sh.getRow(3).getLastCellNum());
    assertEquals(0.64, Workbooks.number(sh, 4, 2), 1e-9);
    assertEquals(0.62, Workbooks.number(sh, 4, 12), 1e-9);
    assertEquals("2/3", Workbooks.text(sh, 4, 10));
    assertEquals(1, sh.getDrawingPatriarch().getShapes().size());
  }

  @Test
  void typicalFirmSheetSortsCitiesCheapestFirstWithOneChartPerProfile() {
    XSSFSheet sh = Workbooks.sheet(city, "典型企业成本");
    int first = Workbooks.findRow(sh, 1, "宿迁");
    assertEquals(1100.0, Workbooks.number(sh, first, 2));
    assertEquals("淮安", Workbooks.text(sh, first + 1, 1));
    assertEquals("★", Workbooks.text(sh, first + 1, 6));
    // one picture per profile beside its table, and no second (native) copy of the same chart
    long profiles = Workbooks.strings(sh).stream().filter(s -> s.endsWith("（万元/年）")).count();
    assertTrue(profiles > 0);
    assertEquals(0, sh.getDrawingPatriarch().getCharts().size());
    assertEquals(profiles, sh.getDrawingPatriarch().getShapes().size());
  }

  @Test
  void appendixListsOnlyTheCitysDClassFirmsOfTheYear() {
    XSSFSheet sh = Workbooks.sheet(city, "D类企业名单");
    // 淮安 2025: 甲, 乙 (320801), 丙 (320803); not 丁 (class A), not 宿迁's or 南京's D firms
    assertEquals(RunFixtures.HUAIAN_D_2025, sh.getLastRowNum() - 3);
    assertEquals("淮安甲机械有限公司", Workbooks.text(sh, 4, 2));
    assertEquals("淮安经济技术开发区", Workbooks.text(sh, 4, 3));
    assertEquals("39/40", Workbooks.text(sh, 4, 9));
    assertEquals("4:4", sh.getRepeatingRows().formatAsString());
    XSSFSheet zoneSheet = Workbooks.sheet(zone, "D类企业名单");
    assertEquals(2, zoneSheet.getLastRowNum() - 3);
  }

  @Test
  void anUnknownCityIsAnErrorThatListsTheCities() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                PackRenderer.render(
                    run.toString(), PackRequest.city("扬州"), dir.resolve("x").toString()));
    assertTrue(e.getMessage().contains("no zone in city '扬州'"), e.getMessage());
    assertTrue(e.getMessage().contains("[南京, 宿迁, 淮安]"), e.getMessage());
  }

  @Test
  void noCellIsAFormula() {
    assertTrue(Workbooks.dump(city).stream().noneMatch(s -> s.contains(" FORMULA ")));
  }
}
