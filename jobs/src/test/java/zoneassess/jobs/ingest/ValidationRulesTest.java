package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One ingest of a deliberately messy, multi-file input: each line of each file is either valid or
 * breaks exactly one rule, so the expected reject (file, line, rule, column, reason) and every
 * count below are written down by hand from the fixture.
 */
class ValidationRulesTest extends IngestTestBase {
  @TempDir static Path in;
  @TempDir static Path out;
  static ValidationReport report;

  static final String ZONES_B =
      """
      zone_code,zone_name,city,city_code,county,county_code,region,level,zone_type,approved_area_km2,established_year
      HA-ETDZ,重复园区,淮安市,320800,,,north,national,high_tech,10,2000
      ha etdz,小写园区,淮安市,320800,,,north,national,high_tech,10,2000
      HA-NEG,负面积园区,淮安市,320800,,,north,provincial,high_tech,-3,2000
      HA-CTY,县级园区,淮安市,320800,,,north,county,high_tech,10,2000
      HA-TYP,类型错误,淮安市,320800,,,north,provincial,high_tech,10,abc
      HA-REF,无此市,某市,999999,,,north,provincial,high_tech,10,2000
      HA-BLK,,淮安市,320800,,,north,provincial,high_tech,10,2000
      """;

  static final String ENTERPRISES =
      """
      credit_code,enterprise_name,zone_code,county_code,year,scale,land_area_mu,tax_paid_10k,revenue_10k,utility
      914403001922038216,华为,HA-ETDZ,320812,2024,above,100,500,10000,否
      914403001922038217,华为错码,HA-ETDZ,320812,2024,above,100,500,10000,否
      9144030071526726XG,腾讯,HA-ETDZ,320812,2022,above,0,500,10000,否
      9144030071526726XG,腾讯,HA-ETDZ,320812,2021,above,50,30000,10000,否

      9144030071526726XG,腾讯,HA-ETDZ,320812,2023,above,50,12000,10000,否
      9144030071526726XG,腾讯重复,HA-ETDZ,320812,2023,above,50,100,10000,否
      914403001922038216,华为,NOPE,320812,2023,above,100,500,10000,否
      914403001922038216,华为,HA-ETDZ,320812,2022,above,100,500,10000,maybe
      914403001922038216,华为,,320812,2021,above,100,500,10000,是
      """;

  static final String ENTERPRISES_2 =
      """
      统一社会信用代码,企业名称,所在县区代码,评价年度,规模,用地面积（亩）,税收
      914403001922038216,华为,320812,2024,above,100,500
      9144030071526726XG,腾讯,320999,2020,above,10,5
      9144030071526726XG,腾讯,320831,2020,big,10,5
      """;

  static final String ZONE_STATS =
      """
      zone_code,period,indicator_code,value,unit
      HA-ETDZ,2025,gdp,120,亿元
      HA-ETDZ,2025,not_an_indicator,1,亿元
      HA-ETDZ,2025,industrial_output,5,万人
      HA-ETDZ,2025,tax_revenue,5,bananas
      HA-ETDZ,2025,co2_emissions,-4,万吨
      HA-ETDZ,2025,sewage_treatment_rate,120,%
      HA-ETDZ,2025-13,gdp,1,亿元
      HA-ETDZ,2025,fdi_actual,abc,万美元
      XX-NONE,2025,gdp,1,亿元
      HA-ETDZ,2025,地区生产总值,130,亿元
      HA-HTZ,2025,gdp,5000,万元
      """;

  static final String FACTOR_COSTS =
      """
      region_code,region_level,period,factor_code,subcategory,value,unit
      HA-ETDZ,zone,2025-09,electricity,flat,0.66,元/kWh
      320800,city,2025-09,electricity,flat,0.65,元/千瓦时
      HA-NOPE,zone,2025-09,electricity,flat,0.6,元/千瓦时
      HA-ETDZ,city,2025-09,water,base,2.9,元/立方米
      320800,city,2025-09,gas,base,3.1,furlongs
      """;

  static final String MAJOR_PROJECTS =
      """
      project_id,project_name,zone_code,investment_100m_cny,signed_date,construction_start_date,production_date
      P1,新能源电池,HA-ETDZ,12,2024-01-10,2024/03/01,20250105
      P2,食品加工,HA-ETDZ,5,2024-05-01,2024-04-01,
      P3,装备制造,HA-ETDZ,5,,2024-06-01,2024-05-01
      P4,物流园,HA-ETDZ,5,2024-02-30,,
      """;

  static final String ZONE_EVENTS =
      """
      zone_code,event_date,event_type,count
      HA-ETDZ,2024-05-06,award,1
      HA-ETDZ,2024-05-07,award,0
      """;

  @BeforeAll
  static void ingestMessyFolder() {
    IngestFixtures.basics(in);
    IngestFixtures.write(in, "zones_b.csv", ZONES_B);
    IngestFixtures.write(in, "enterprises.csv", ENTERPRISES);
    IngestFixtures.write(in, "enterprises_2.csv", ENTERPRISES_2);
    IngestFixtures.write(in, "zone_stats.csv", ZONE_STATS);
    IngestFixtures.write(in, "factor_costs.csv", FACTOR_COSTS);
    IngestFixtures.write(in, "major_projects.csv", MAJOR_PROJECTS);
    IngestFixtures.write(in, "zone_events.csv", ZONE_EVENTS);
    IngestFixtures.write(in, "README.md", "not data");
    report = ingest(in, out);
  }

  /** file:line → "rule | column | reason". */
  static final Map<String, String> EXPECTED_REJECTS = new TreeMap<>();

  static {
    reject(
        "zones_b.csv",
        2,
        "duplicate_key",
        "zone_code",
        "主键重复 / duplicate key (zone_code) = (HA-ETDZ); first occurrence: zones.csv row 2");
    reject(
        "zones_b.csv",
        3,
        "pattern",
        "zone_code",
        "格式不符 / 'ha etdz' does not match ^[A-Z0-9-]{3,20}$");
    reject(
        "zones_b.csv",
        4,
        "range",
        "approved_area_km2",
        "超出范围 [0.01, 2000] / -3 is outside [0.01, 2000]");
    reject(
        "zones_b.csv",
        5,
        "accepted_values",
        "level",
        "取值不在允许范围 / 'county' is not one of national, provincial");
    reject("zones_b.csv", 6, "type", "established_year", "不是整数 / 'abc' is not a whole number");
    reject(
        "zones_b.csv",
        7,
        "reference",
        "city_code",
        "引用不存在 / city_code '999999' not found in areas.area_code");
    reject("zones_b.csv", 8, "required", "zone_name", "必填项为空 / required value zone_name is blank");
    reject(
        "enterprises.csv",
        3,
        "credit_code",
        "credit_code",
        "信用代码校验位错误 / credit code check character is '7', expected '6'");
    reject(
        "enterprises.csv",
        4,
        "land_positive",
        "land_area_mu",
        "用地面积必须大于 0 / land area must be positive (land_area_mu=0.0)");
    // 30000 > 2 × 10000 = 20000.
    reject(
        "enterprises.csv",
        5,
        "tax_vs_revenue",
        "tax_paid_10k",
        "税收超过销售收入 2 倍，不可信 / tax exceeds twice the revenue"
            + " (tax_paid_10k=30000.0, revenue_10k=10000.0)");
    // Line 6 is blank; line 7 is the first (腾讯, 2023), line 8 repeats it.
    reject(
        "enterprises.csv",
        8,
        "duplicate_key",
        "credit_code",
        "主键重复 / duplicate key (credit_code, year) = (9144030071526726XG, 2023);"
            + " first occurrence: enterprises.csv row 7");
    reject(
        "enterprises.csv",
        9,
        "reference",
        "zone_code",
        "引用不存在 / zone_code 'NOPE' not found in zones.zone_code");
    reject(
        "enterprises.csv",
        10,
        "type",
        "utility",
        "不是是/否值 / 'maybe' is not a yes/no value (是/否, true/false, 1/0, Y/N)");
    reject(
        "enterprises_2.csv",
        2,
        "duplicate_key",
        "credit_code",
        "主键重复 / duplicate key (credit_code, year) = (914403001922038216, 2024);"
            + " first occurrence: enterprises.csv row 2");
    reject(
        "enterprises_2.csv",
        3,
        "reference",
        "county_code",
        "引用不存在 / county_code '320999' not found in areas.area_code");
    reject(
        "enterprises_2.csv",
        4,
        "accepted_values",
        "scale",
        "取值不在允许范围 / 'big' is not one of above, below");
    reject(
        "zone_stats.csv",
        3,
        "unknown_indicator",
        "indicator_code",
        "未知指标 / unknown indicator 'not_an_indicator'");
    reject(
        "zone_stats.csv",
        4,
        "unit_family",
        "unit",
        "单位无法换算 / unit '万人' cannot be converted to '亿元' (industrial_output)");
    reject(
        "zone_stats.csv",
        5,
        "unknown_unit",
        "unit",
        "未知单位 / unknown unit 'bananas' for tax_revenue");
    reject(
        "zone_stats.csv",
        6,
        "non_negative",
        "value",
        "统计值不能为负 / a raw statistic cannot be negative (value=-4.0)");
    reject(
        "zone_stats.csv",
        7,
        "percent_range",
        "value",
        "百分比应在 0–100 之间 / a percentage must lie in 0–100 (value=120.0)");
    reject(
        "zone_stats.csv",
        8,
        "pattern",
        "period",
        "格式不符 / '2025-13' does not match ^[0-9]{4}(Q[1-4]|-(0[1-9]|1[0-2]))?$");
    reject("zone_stats.csv", 9, "type", "value", "不是数值 / 'abc' is not a number");
    reject(
        "zone_stats.csv",
        10,
        "reference",
        "zone_code",
        "引用不存在 / zone_code 'XX-NONE' not found in zones.zone_code");
    reject(
        "zone_stats.csv",
        11,
        "duplicate_key",
        "zone_code",
        "主键重复 / duplicate key (zone_code, period, indicator_code) = (HA-ETDZ, 2025, gdp);"
            + " first occurrence: zone_stats.csv row 2");
    reject(
        "factor_costs.csv",
        4,
        "reference",
        "region_code",
        "引用不存在 / region_code 'HA-NOPE' not found in zones.zone_code (region_level = 'zone')");
    reject(
        "factor_costs.csv",
        5,
        "reference",
        "region_code",
        "引用不存在 / region_code 'HA-ETDZ' not found in areas.area_code (region_level <> 'zone')");
    reject("factor_costs.csv", 6, "unknown_unit", "unit", "未知单位 / unknown unit 'furlongs'");
    reject(
        "major_projects.csv",
        3,
        "start_after_signing",
        "construction_start_date",
        "开工早于签约 / construction started before signing"
            + " (construction_start_date=2024-04-01, signed_date=2024-05-01)");
    reject(
        "major_projects.csv",
        4,
        "production_after_start",
        "production_date",
        "投产早于开工 / production before construction start"
            + " (production_date=2024-05-01, construction_start_date=2024-06-01)");
    reject(
        "major_projects.csv",
        5,
        "type",
        "signed_date",
        "不是日期 / '2024-02-30' is not a date (yyyy-MM-dd, yyyy/MM/dd or yyyyMMdd)");
    reject("zone_events.csv", 3, "range", "count", "超出范围 [1, 1000] / 0 is outside [1, 1000]");
  }

  private static void reject(String file, int line, String rule, String column, String reason) {
    EXPECTED_REJECTS.put(
        String.format(java.util.Locale.ROOT, "%s:%02d", file, line),
        rule + " | " + column + " | " + reason);
  }

  @Test
  void everyRejectHasItsFileLineRuleColumnAndReason() {
    Map<String, String> actual = new TreeMap<>();
    for (String d :
        List.of(
            "areas",
            "zones",
            "zone_stats",
            "enterprises",
            "factor_costs",
            "major_projects",
            "zone_events")) {
      for (Row r : rejectRows(d)) {
        assertEquals(d, r.getAs("dataset"));
        assertEquals("REJECT", r.getAs("severity"));
        actual.put(
            String.format(
                java.util.Locale.ROOT,
                "%s:%02d",
                r.getAs("source_file"),
                (long) r.getAs("source_row")),
            r.getAs("rule") + " | " + r.getAs("column") + " | " + r.getAs("reason"));
      }
    }
    assertEquals(EXPECTED_REJECTS, actual);
  }

  @Test
  void countsReconcilePerFileAndDataset() {
    // read = accepted + rejected, from the fixture: dataset → {read, accepted, rejected, warnings}.
    Map<String, long[]> expected = new TreeMap<>();
    expected.put("areas", new long[] {4, 4, 0, 0});
    expected.put("zones", new long[] {3 + 7, 3, 7, 0});
    expected.put("zone_stats", new long[] {11, 2, 9, 0});
    // enterprises.csv: 9 rows (line 6 blank), 3 accepted; enterprises_2.csv: 3 rows, all rejected.
    // Line 5 (tax 30000 > revenue) also breaks the WARN rule but is rejected, so 1 warning (line
    // 7).
    expected.put("enterprises", new long[] {9 + 3, 3, 6 + 3, 1});
    expected.put("factor_costs", new long[] {5, 2, 3, 0});
    // P2 starts construction before signing: dates must be in order, so it is rejected.
    expected.put("major_projects", new long[] {4, 1, 3, 0});
    expected.put("zone_events", new long[] {2, 1, 1, 0});
    for (var e : expected.entrySet()) {
      ValidationReport.DatasetReport d = report.dataset(e.getKey());
      assertEquals(
          List.of(e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3]),
          List.of(d.read(), d.accepted(), d.rejected(), d.warnings()),
          e.getKey());
      for (ValidationReport.FileReport f : d.files()) {
        assertEquals(f.read(), f.accepted() + f.rejected(), f.file());
      }
      assertEquals(d.accepted(), staging(e.getKey()).count(), e.getKey());
      assertEquals(d.rejected(), rejects(e.getKey()).count(), e.getKey());
    }
    ValidationReport.FileReport zonesB =
        report.dataset("zones").files().stream()
            .filter(f -> f.file().equals("zones_b.csv"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of(7L, 0L, 7L), List.of(zonesB.read(), zonesB.accepted(), zonesB.rejected()));
    assertEquals(1L, zonesB.rejectedByRule().get("duplicate_key"));
    // 4+10+11+12+5+4+2 = 48 read = 16 accepted + 32 rejected.
    assertEquals(
        List.of(48L, 16L, 32L), List.of(report.read(), report.accepted(), report.rejected()));
    // README.md is not an input: the run log says it was ignored, the published report does not
    // (a rerun's folder, rebuilt from the snapshot store, would not have it).
    assertFalse(report.notes().contains("ignored README.md (not .csv, .xlsx or .parquet)"));
  }

  @Test
  void warningsAreCountedAndListed() {
    ValidationReport.DatasetReport e = report.dataset("enterprises");
    assertEquals(Map.of("tax_over_revenue", 1L), e.warningsByRule());
    assertEquals(1, e.warningExamples().size());
    ValidationReport.WarningExample w = e.warningExamples().get(0);
    assertEquals(
        List.of("enterprises.csv", 7L, "tax_over_revenue"), List.of(w.file(), w.row(), w.rule()));
    assertEquals(
        "税收大于销售收入，请核实 / tax larger than revenue, check (tax_paid_10k=12000.0, revenue_10k=10000.0)",
        w.reason());
    assertEquals(Map.of(), report.dataset("major_projects").warningsByRule());
    String md = report.toMarkdown();
    assertTrue(md.contains("Rows read 48 = accepted 16 + rejected 32; warnings 1."), md);
  }

  @Test
  void rejectsKeepTheOriginalValuesAndAllReasons() {
    Row blank = rejects("zones").where("source_file = 'zones_b.csv' AND source_row = 8").first();
    String original = blank.getAs("original");
    assertTrue(
        original.startsWith("{\"zone_code\":\"HA-BLK\",\"zone_name\":null,\"city\":\"淮安市\""),
        original);
    assertTrue(original.contains("\"approved_area_km2\":\"10\""), original);
    assertEquals(
        "required [zone_name]: 必填项为空 / required value zone_name is blank",
        blank.getAs("all_reasons"));
    Row tax =
        rejects("enterprises").where("source_file = 'enterprises.csv' AND source_row = 5").first();
    assertEquals("30000.0", tax.getAs("value"));
  }

  @Test
  void stagingHoldsConformedValues() {
    Row htz = staging("zone_stats").where("zone_code = 'HA-HTZ'").first();
    // 5000 万元 ÷ 10 000 = 0.5 亿元.
    assertEquals(0.5, (double) htz.getAs("value"), 1e-12);
    assertEquals("final", htz.getAs("basis"));
    Row elec = staging("factor_costs").where("region_code = 'HA-ETDZ'").first();
    assertEquals("元/千瓦时", elec.getAs("unit")); // written as 元/kWh
    List<String> cols = new ArrayList<>(List.of(staging("zone_stats").columns()));
    assertEquals(
        List.of(
            "zone_code",
            "indicator_code",
            "value",
            "unit",
            "source",
            "basis",
            "original_value",
            "original_unit",
            "_source_file",
            "_source_row",
            "period"),
        cols);
  }
}
