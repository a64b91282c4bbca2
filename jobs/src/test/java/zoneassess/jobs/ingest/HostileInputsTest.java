package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest of inputs a demanding user sends: CSV records with quoted line breaks, doubled quotes,
 * too many and too few fields; numbers with misplaced separators, beyond double range or
 * overflowing on conversion; implausible years; a basis that contradicts the period; a factor price
 * in a unit of another family; project dates out of order; and an XLSX with a hidden first sheet,
 * formula cells with and without cached values and an error cell. Each hostile record breaks
 * exactly one rule, so every reject and count below is written down by hand.
 */
class HostileInputsTest extends IngestTestBase {
  @TempDir static Path in;
  @TempDir static Path out;
  static ValidationReport report;

  /** Parsed line by line in parallel: no quoted field spans lines. */
  static final String ZONE_STATS =
      """
      zone_code,period,indicator_code,value,unit,basis
      HA-ETDZ,2025,gdp,"1,234.5",亿元,
      HA-ETDZ,2024,gdp,"3,5",亿元,
      HA-ETDZ,2023,gdp,1e308,万元,
      HA-ETDZ,2022,gdp,1e309,亿元,
      HA-ETDZ,2099,gdp,1,亿元,
      HA-ETDZ,2025Q3,gdp,1,亿元,final
      HA-ETDZ,2021,gdp,1,亿元,ytd
      HA-ETDZ,2020,gdp,1,亿元,,备注
      HA-ETDZ,2019,gdp,1e308,亿元,
      HA-HTZ,2025,gdp,1，234,万元,
      """;

  /** Parsed in one pass: the note of line 2 spans two lines. */
  static final String ZONE_EVENTS =
      "zone_code,event_date,event_type,count,note\n"
          + "HA-ETDZ,2024-05-06,award,1,\"表彰：\"\"先进园区\"\"，\n"
          + "第二行说明\"\n"
          + "HA-ETDZ,2024-05-07,award,1,备注,多一个字段\n"
          + "HA-ETDZ,2024-05-08,award,1\n"
          + "HA-ETDZ,2024-05-09,award,1,\"引号\"后文字\n"
          + "HA-ETDZ,2099-05-09,award,1,\n"
          + "HA-HTZ,2024-05-10,negative_case,2,\"含逗号, 的说明\"\n"
          + "HA-HTZ,2024-05-11,award,1,\"两行\n说明\",多余\n";

  static final String FACTOR_COSTS =
      """
      region_code,region_level,period,factor_code,subcategory,value,unit
      320800,city,2025-09,electricity,flat,0.65,元/千瓦时
      320812,county,2025-09,industrial_land,transfer_price,30,元/千瓦时
      320812,county,2025-09,industrial_land,other,300,元/平方米
      320800,city,2099-01,electricity,flat,0.65,元/千瓦时
      """;

  static final String MAJOR_PROJECTS =
      """
      project_id,project_name,zone_code,investment_100m_cny,signed_date,construction_start_date,production_date,target_met_date
      P1,新能源电池,HA-ETDZ,12,2022-01-10,2022-03-01,2023-06-01,2024-06-01
      P2,食品加工,HA-ETDZ,5,2024-05-01,,2024-04-01,
      P3,装备制造,HA-ETDZ,5,2022-01-10,2022-03-01,2023-06-01,2023-05-01
      P4,物流园,HA-ETDZ,5,2024-05-01,2024-04-01,,
      P5,仓储,HA-ETDZ,5,2024-05-01,,,2024-04-30
      """;

  @BeforeAll
  static void ingestHostileFolder() throws IOException {
    IngestFixtures.basics(in);
    IngestFixtures.write(in, "zone_stats.csv", ZONE_STATS);
    IngestFixtures.write(in, "zone_events.csv", ZONE_EVENTS);
    IngestFixtures.write(in, "factor_costs.csv", FACTOR_COSTS);
    IngestFixtures.write(in, "major_projects.csv", MAJOR_PROJECTS);
    enterprisesWorkbook(in.resolve("enterprises.xlsx"));
    report = ingest(in, out);
  }

  /**
   * Sheet 1 "旧版" is hidden (an old copy, one row of 2020); sheet 2 "企业" is read. Row 2: tax is a
   * formula with its cached value 500; row 3: land is a formula without a cached value; row 4: tax
   * is the error #DIV/0!.
   */
  static void enterprisesWorkbook(Path file) throws IOException {
    List<String> header =
        List.of(
            "credit_code",
            "enterprise_name",
            "zone_code",
            "county_code",
            "year",
            "scale",
            "land_area_mu",
            "tax_paid_10k");
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream os = Files.newOutputStream(file)) {
      XSSFSheet old = wb.createSheet("旧版");
      row(old, 0, header);
      row(old, 1, List.of("914403001922038216", "华为", "HA-ETDZ", "320812", 2020, "above", 1, 1));
      XSSFSheet s = wb.createSheet("企业");
      row(s, 0, header);
      XSSFRow r2 =
          row(s, 1, List.of("914403001922038216", "华为", "HA-ETDZ", "320812", 2024, "above", 100));
      r2.createCell(7).setCellFormula("200+300");
      wb.getCreationHelper().createFormulaEvaluator().evaluateFormulaCell(r2.getCell(7));
      XSSFRow r3 =
          row(
              s,
              2,
              List.of("914403001922038216", "华为", "HA-ETDZ", "320812", 2023, "above", 0, 400));
      XSSFCell land = r3.getCell(6);
      land.setCellFormula("B9*2");
      if (land.getCTCell().isSetV()) {
        land.getCTCell().unsetV();
      }
      XSSFRow r4 =
          row(s, 3, List.of("9144030071526726XG", "腾讯", "HA-ETDZ", "320812", 2024, "above", 50));
      r4.createCell(7).setCellErrorValue(FormulaError.DIV0);
      wb.setSheetHidden(0, true);
      wb.setActiveSheet(1);
      wb.write(os);
    }
  }

  private static XSSFRow row(XSSFSheet s, int index, List<?> values) {
    XSSFRow r = s.createRow(index);
    for (int c = 0; c < values.size(); c++) {
      Object v = values.get(c);
      if (v instanceof Number n) {
        r.createCell(c).setCellValue(n.doubleValue());
      } else {
        r.createCell(c).setCellValue(v.toString());
      }
    }
    return r;
  }

  /** file:line → "rule | column | reason | value". */
  static final Map<String, String> EXPECTED = new TreeMap<>();

  static {
    // zone_stats.csv
    reject(
        "zone_stats.csv",
        3,
        "type",
        "value",
        "千分位分隔符位置不对 / '3,5' is not a number: thousands separators must separate groups"
            + " of three digits",
        "3,5");
    // 1e308 万元 × 10 000 overflows before the ÷ 10^8 to 亿元.
    reject(
        "zone_stats.csv",
        4,
        "overflow",
        "value",
        "换算后数值溢出 / 1.0E308 万元 overflows when converted to 亿元",
        "1.0E308");
    reject(
        "zone_stats.csv", 5, "type", "value", "不是有限数值 / '1e309' is not a finite number", "1e309");
    reject(
        "zone_stats.csv",
        6,
        "plausible_year",
        "period",
        "年份不在合理范围 2000–2030 / '2099' is outside the plausible years 2000–2030",
        "2099");
    reject(
        "zone_stats.csv",
        7,
        "basis_period",
        "basis",
        "口径与统计期不符 / final figures are for a year, year-to-date ones for a quarter or month"
            + " (basis=final, period=2025Q3)",
        "final");
    reject(
        "zone_stats.csv",
        8,
        "basis_period",
        "basis",
        "口径与统计期不符 / final figures are for a year, year-to-date ones for a quarter or month"
            + " (basis=ytd, period=2021)",
        "ytd");
    reject(
        "zone_stats.csv",
        9,
        "field_count",
        "",
        "字段数与表头不符 / the record has 7 fields, the header has 6",
        "HA-ETDZ,2020,gdp,1,亿元,,备注");
    // zone_events.csv: line 2 holds a record over lines 2–3.
    reject(
        "zone_events.csv",
        4,
        "field_count",
        "",
        "字段数与表头不符 / the record has 6 fields, the header has 5",
        "HA-ETDZ,2024-05-07,award,1,备注,多一个字段");
    reject(
        "zone_events.csv",
        5,
        "field_count",
        "",
        "字段数与表头不符 / the record has 4 fields, the header has 5",
        "HA-ETDZ,2024-05-08,award,1");
    reject(
        "zone_events.csv",
        6,
        "quoting",
        "",
        "引号后有多余字符 / text after the closing quote of field 5",
        "HA-ETDZ,2024-05-09,award,1,\"引号\"后文字");
    reject(
        "zone_events.csv",
        7,
        "plausible_year",
        "event_date",
        "年份不在合理范围 2000–2030 / '2099-05-09' is outside the plausible years 2000–2030",
        "2099-05-09");
    // A reject of a record over lines 9–10 points at its first line.
    reject(
        "zone_events.csv",
        9,
        "field_count",
        "",
        "字段数与表头不符 / the record has 6 fields, the header has 5 (lines 9–10)",
        "HA-HTZ,2024-05-11,award,1,\"两行\n说明\",多余");
    // factor_costs.csv: land is priced in 万元/亩, a price per kWh cannot be converted to it.
    reject(
        "factor_costs.csv",
        3,
        "unit_family",
        "unit",
        "单位无法换算 / unit '元/千瓦时' cannot be converted to '万元/亩' (industrial_land)",
        "元/千瓦时");
    reject(
        "factor_costs.csv",
        5,
        "plausible_year",
        "period",
        "年份不在合理范围 2000–2030 / '2099-01' is outside the plausible years 2000–2030",
        "2099-01");
    // major_projects.csv
    reject(
        "major_projects.csv",
        3,
        "production_after_signing",
        "production_date",
        "投产早于签约 / production before signing (production_date=2024-04-01,"
            + " signed_date=2024-05-01)",
        "2024-04-01");
    reject(
        "major_projects.csv",
        4,
        "target_after_production",
        "target_met_date",
        "达产早于投产、开工或签约 / target met before production, construction start or signing"
            + " (target_met_date=2023-05-01, production_date=2023-06-01,"
            + " construction_start_date=2022-03-01, signed_date=2022-01-10)",
        "2023-05-01");
    reject(
        "major_projects.csv",
        5,
        "start_after_signing",
        "construction_start_date",
        "开工早于签约 / construction started before signing"
            + " (construction_start_date=2024-04-01, signed_date=2024-05-01)",
        "2024-04-01");
    reject(
        "major_projects.csv",
        6,
        "target_after_production",
        "target_met_date",
        "达产早于投产、开工或签约 / target met before production, construction start or signing"
            + " (target_met_date=2024-04-30, production_date=blank,"
            + " construction_start_date=blank, signed_date=2024-05-01)",
        "2024-04-30");
    // enterprises.xlsx, sheet 企业 (Excel rows).
    reject(
        "enterprises.xlsx",
        3,
        "formula_without_value",
        "land_area_mu",
        "公式无缓存值 / cell G3 holds the formula =B9*2 without a cached value (open and save the"
            + " workbook in Excel)",
        "=B9*2");
    reject(
        "enterprises.xlsx",
        4,
        "cell_error",
        "tax_paid_10k",
        "单元格为错误值 / cell H4 holds the error #DIV/0!",
        "#DIV/0!");
  }

  private static void reject(
      String file, int line, String rule, String column, String reason, String value) {
    EXPECTED.put(
        String.format(Locale.ROOT, "%s:%02d", file, line),
        rule + " | " + column + " | " + reason + " | " + value);
  }

  @Test
  void everyHostileRecordIsRejectedWithItsFileLineRuleAndReason() {
    Map<String, String> actual = new TreeMap<>();
    for (String d :
        List.of("zone_stats", "zone_events", "factor_costs", "major_projects", "enterprises")) {
      for (Row r : rejectRows(d)) {
        actual.put(
            String.format(
                Locale.ROOT, "%s:%02d", r.getAs("source_file"), (long) r.getAs("source_row")),
            r.getAs("rule")
                + " | "
                + r.getAs("column")
                + " | "
                + r.getAs("reason")
                + " | "
                + r.getAs("value"));
      }
    }
    assertEquals(EXPECTED, actual);
  }

  @Test
  void readEqualsAcceptedPlusRejectedForEveryFile() {
    // dataset → {read, accepted, rejected}, counted from the fixtures above.
    Map<String, List<Long>> expected = new TreeMap<>();
    expected.put("zone_stats", List.of(10L, 3L, 7L));
    // Seven records on nine lines (the first and the last span two).
    expected.put("zone_events", List.of(7L, 2L, 5L));
    expected.put("factor_costs", List.of(4L, 2L, 2L));
    expected.put("major_projects", List.of(5L, 1L, 4L));
    // The hidden sheet's row is not read.
    expected.put("enterprises", List.of(3L, 1L, 2L));
    for (var e : expected.entrySet()) {
      ValidationReport.DatasetReport d = report.dataset(e.getKey());
      assertEquals(e.getValue(), List.of(d.read(), d.accepted(), d.rejected()), e.getKey());
      for (ValidationReport.FileReport f : d.files()) {
        assertEquals(f.read(), f.accepted() + f.rejected(), f.file());
      }
      assertEquals(d.accepted(), staging(e.getKey()).count(), e.getKey());
      assertEquals(d.rejected(), rejects(e.getKey()).count(), e.getKey());
    }
  }

  @Test
  void quotedLineBreaksCommasAndQuotesAreKeptWhole() {
    List<Row> events = staging("zone_events").orderBy("_source_row").collectAsList();
    assertEquals(2, events.size());
    assertEquals(2L, (long) events.get(0).getAs("_source_row"));
    assertEquals("表彰：\"先进园区\"，\n第二行说明", events.get(0).getAs("note"));
    assertEquals(8L, (long) events.get(1).getAs("_source_row"));
    assertEquals("含逗号, 的说明", events.get(1).getAs("note"));
  }

  @Test
  void groupedNumbersAndUnconvertedExtremesAreStagedExactly() {
    Map<Long, Double> byLine = new TreeMap<>();
    for (Row r : staging("zone_stats").collectAsList()) {
      byLine.put(r.getAs("_source_row"), r.getAs("value"));
    }
    // "1,234.5" 亿元; 1e308 亿元 needs no conversion; "1，234" 万元 ÷ 10 000 = 0.1234 亿元.
    assertEquals(Map.of(2L, 1234.5, 10L, 1e308, 11L, 0.1234), byLine);
  }

  @Test
  void xlsxReadsTheFirstVisibleSheetAndCachedFormulaValuesWithWarnings() {
    ValidationReport.FileReport f = report.dataset("enterprises").files().get(0);
    assertEquals("企业", f.sheet());
    Row huawei = staging("enterprises").first();
    assertEquals(2024, (int) huawei.getAs("year"));
    assertEquals(500.0, (double) huawei.getAs("tax_paid_10k"));
    ValidationReport.DatasetReport d = report.dataset("enterprises");
    assertEquals(Map.of("formula_cached", 1L), d.warningsByRule());
    ValidationReport.WarningExample w = d.warningExamples().get(0);
    assertEquals(
        List.of(
            "enterprises.xlsx",
            2L,
            "formula_cached",
            "公式单元格按缓存值读取 / cell H2 holds the formula =200+300; its cached value 500 is read"),
        List.of(w.file(), w.row(), w.rule(), w.reason()));
    List<String> notes = report.dataset("enterprises").notes();
    assertTrue(
        notes.contains(
            "enterprises.xlsx: read sheet '企业', the first visible one; hidden sheets skipped: 旧版"
                + " / 已跳过隐藏工作表"),
        notes.toString());
    assertTrue(
        notes.contains(
            "enterprises.xlsx: 1 formula cells read as their cached values (first: 企业!H2)"
                + " / 公式单元格按缓存值读取"),
        notes.toString());
  }
}
