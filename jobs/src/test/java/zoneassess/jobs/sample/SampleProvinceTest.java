package zoneassess.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.dataset.CreditCode;
import zoneassess.schema.units.Units;

/**
 * The small sample, generated twice with seed 42: determinism, structure, planted rows, magnitudes.
 */
class SampleProvinceTest extends SparkTestBase {
  @TempDir static Path tmp;
  static Path first;
  static Path second;
  static SampleResult result;

  @BeforeAll
  static void generateTwice() {
    first = tmp.resolve("first");
    second = tmp.resolve("second");
    result =
        SampleProvince.generate(spark, new SampleSpec(42, SampleScale.SMALL), first.toString());
    SampleProvince.generate(spark, new SampleSpec(42, SampleScale.SMALL), second.toString());
  }

  @Test
  void sameSeedGivesByteIdenticalFiles() throws IOException {
    Map<String, String> a = hashes(first);
    Map<String, String> b = hashes(second);
    // areas, zones, zone_stats, factor_costs, major_projects, zone_events, SAMPLE.md, .complete,
    // ingest.yaml and the single enterprise part file.
    assertEquals(10, a.size(), "files: " + a.keySet());
    assertEquals(a, b);
    assertTrue(
        a.containsKey("enterprises.parquet/part-00000.snappy.parquet"), a.keySet().toString());
  }

  @Test
  void outputIsCompleteAndLabelledSynthetic() throws IOException {
    assertTrue(Files.exists(first.resolve(".complete")));
    // the folder's ingest.yaml says the data are synthetic; a run records it in its manifest
    Path config = first.resolve(zoneassess.jobs.ingest.IngestConfig.FILE_NAME);
    assertTrue(
        zoneassess.jobs.ingest.IngestConfig.parse(
                Files.readString(config, StandardCharsets.UTF_8), config.toString())
            .synthetic());
    assertFalse(Files.exists(tmp.resolve("._tmp_first")), "temporary folder left behind");
    String readme = Files.readString(first.resolve("SAMPLE.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("SYNTHETIC"));
    assertTrue(readme.contains("| enterprises | credit_code_check | 2 |"), readme);
    String areas = Files.readString(first.resolve("areas.csv"), StandardCharsets.UTF_8);
    assertTrue(areas.contains("320000,示例省 (synthetic Jiangsu-like),province,,"), areas);
  }

  @Test
  void huaianHasItsTwoNationalAndSevenProvincialZonesByName() throws IOException {
    List<Map<String, String>> zones = sheet(first.resolve("zones.xlsx"), "开发区名录");
    Map<String, String> huaian =
        zones.stream()
            .filter(z -> z.get("设区市代码").equals("320800"))
            .collect(
                Collectors.toMap(z -> z.get("园区名称"), z -> z.get("级别"), (x, y) -> x, TreeMap::new));
    // DOMAIN.md: Huai'an has 2 national and 7 provincial zones.
    Map<String, String> expected = new TreeMap<>();
    expected.put("淮安经济技术开发区", "national");
    expected.put("淮安高新技术产业开发区", "national");
    for (String p :
        List.of("淮安工业园区", "清河经济开发区", "涟水经济开发区", "盱眙经济开发区", "金湖经济开发区", "洪泽经济开发区", "淮安区经济开发区")) {
      expected.put(p, "provincial");
    }
    assertEquals(expected, huaian);
  }

  @Test
  void zoneRegisterHas27NationalAnd89ProvincialWithValidCodes() throws IOException {
    List<Map<String, String>> zones = sheet(first.resolve("zones.xlsx"), "开发区名录");
    // 27 national + 88 provincial in 2018, plus one provincial zone approved in 2020.
    assertEquals(27, zones.stream().filter(z -> z.get("级别").equals("national")).count());
    assertEquals(89, zones.stream().filter(z -> z.get("级别").equals("provincial")).count());
    Set<String> types = Set.of("economic_technological", "high_tech", "bonded", "industrial_park");
    for (Map<String, String> z : zones) {
      assertTrue(z.get("园区代码").matches("^32[0-9]{4}[NP][0-9]{2}$"), z.toString());
      assertTrue(z.get("园区代码").startsWith(z.get("设区市代码")), z.toString());
      assertTrue(z.get("县区代码").startsWith(z.get("设区市代码").substring(0, 4)), z.toString());
      assertTrue(types.contains(z.get("类型")), z.toString());
      double area = Double.parseDouble(z.get("批准面积"));
      assertTrue(area >= 5 && area <= 300, z.toString());
    }
    assertEquals(
        "苏州工业园区",
        zones.stream()
            .filter(z -> z.get("园区代码").equals("320500N01"))
            .findFirst()
            .orElseThrow()
            .get("园区名称"));
  }

  @Test
  void thirteenCitiesInTheirRegions() throws IOException {
    List<String[]> areas = csv(first.resolve("areas.csv"), StandardCharsets.UTF_8);
    Map<String, String> cityRegion = new TreeMap<>();
    for (String[] a : areas) {
      if (a[2].equals("city")) {
        cityRegion.put(a[1], a[4]);
      }
    }
    // DOMAIN.md: south 南京 无锡 常州 苏州 镇江; central 南通 扬州 泰州; north 徐州 连云港 淮安 盐城 宿迁.
    Map<String, String> expected = new TreeMap<>();
    for (String c : List.of("南京市", "无锡市", "常州市", "苏州市", "镇江市")) {
      expected.put(c, "south");
    }
    for (String c : List.of("南通市", "扬州市", "泰州市")) {
      expected.put(c, "central");
    }
    for (String c : List.of("徐州市", "连云港市", "淮安市", "盐城市", "宿迁市")) {
      expected.put(c, "north");
    }
    assertEquals(expected, cityRegion);
    long counties = areas.stream().filter(a -> a[2].equals("county")).count();
    assertTrue(counties >= 13 * 3 && counties <= 13 * 8, "counties: " + counties);
    assertTrue(
        areas.stream()
            .anyMatch(a -> a[0].equals("320831") && a[1].equals("金湖县") && a[3].equals("320800")));
  }

  @Test
  void creditCodesAreValidExceptThePlantedTwo() {
    List<org.apache.spark.sql.Row> rows =
        spark
            .read()
            .parquet(first.resolve("enterprises.parquet").toString())
            .selectExpr(
                "credit_code",
                "year",
                CreditCode.sparkCheckExpression("credit_code") + " as spark_ok")
            .collectAsList();
    List<String> invalid = new ArrayList<>();
    for (org.apache.spark.sql.Row r : rows) {
      String code = r.getString(0);
      assertTrue(code.matches(CreditCode.SHAPE), code);
      assertEquals(CreditCode.isValid(code), r.getBoolean(2), "Java and Spark disagree on " + code);
      if (!CreditCode.isValid(code)) {
        invalid.add(code + "/" + r.getInt(1));
      }
    }
    assertEquals(2, invalid.size(), invalid.toString());
    assertTrue(invalid.stream().allMatch(s -> s.endsWith("/2025")), invalid.toString());
    // Each enterprise has one code: codes are unique per year.
    long distinctKeys =
        spark
            .read()
            .parquet(first.resolve("enterprises.parquet").toString())
            .select("credit_code", "year")
            .distinct()
            .count();
    assertEquals(rows.size(), distinctKeys);
  }

  @Test
  void zoneStatsIsGbkAndNotUtf8() throws IOException {
    byte[] bytes = Files.readAllBytes(first.resolve("zone_stats.csv"));
    String text = decode(bytes, Charset.forName("GBK"));
    assertTrue(text.startsWith("园区代码,统计期,指标代码,数值,单位,来源,口径\r\n"), text.substring(0, 40));
    assertThrows(CharacterCodingException.class, () -> decode(bytes, StandardCharsets.UTF_8));
    byte[] costs = Files.readAllBytes(first.resolve("factor_costs.csv"));
    // UTF-8 byte order mark EF BB BF.
    assertEquals(0xEF, costs[0] & 0xFF);
    assertEquals(0xBB, costs[1] & 0xFF);
    assertEquals(0xBF, costs[2] & 0xFF);
  }

  @Test
  void plantedRowsArePresentInTheDocumentedNumbers() throws IOException {
    // zone_stats: one key twice, one GDP row in an area unit.
    List<String[]> stats = csv(first.resolve("zone_stats.csv"), Charset.forName("GBK"));
    Map<String, Integer> keys = new HashMap<>();
    for (String[] s : stats) {
      keys.merge(s[0] + "|" + s[1] + "|" + s[2], 1, Integer::sum);
    }
    assertEquals(1, keys.values().stream().filter(n -> n > 1).count());
    assertEquals(2, keys.values().stream().filter(n -> n > 1).mapToInt(Integer::intValue).sum());
    long wrongFamily =
        stats.stream().filter(s -> Units.factor(s[4], indicator(s[2]).unit()).isEmpty()).count();
    assertEquals(1, wrongFamily);

    // enterprises: unknown zone, negative and zero land, formula-looking name.
    Set<String> zoneCodes =
        sheet(first.resolve("zones.xlsx"), "开发区名录").stream()
            .map(z -> z.get("园区代码"))
            .collect(Collectors.toSet());
    var ent = spark.read().parquet(first.resolve("enterprises.parquet").toString());
    assertEquals(1, ent.where("land_area_mu < 0").count());
    assertEquals(1, ent.where("land_area_mu = 0").count());
    assertEquals(1, ent.where("enterprise_name = '=HYPERLINK(\"http://x\",\"点击\")'").count());
    long unknownZone =
        ent.select("zone_code").where("zone_code IS NOT NULL").collectAsList().stream()
            .filter(r -> !zoneCodes.contains(r.getString(0)))
            .count();
    assertEquals(1, unknownZone);

    // factor_costs: one unit nobody knows.
    List<String[]> costs = csv(first.resolve("factor_costs.csv"), StandardCharsets.UTF_8);
    assertEquals(1, costs.stream().filter(c -> Units.parse(c[6]).isEmpty()).count());

    // major_projects: one project in an unknown zone.
    List<Map<String, String>> projects = sheet(first.resolve("major_projects.xlsx"), "重大项目库");
    assertEquals(1, projects.stream().filter(p -> !zoneCodes.contains(p.get("园区代码"))).count());

    // zone_events: the valid note "+1".
    List<String[]> events = csv(first.resolve("zone_events.csv"), StandardCharsets.UTF_8);
    assertEquals(1, events.stream().filter(e -> e[4].equals("+1")).count());

    // The result reports the same plan: 3 + 5 + 1 + 1 rows to reject.
    assertEquals(3, result.rejectedRows("zone_stats"));
    assertEquals(5, result.rejectedRows("enterprises"));
    assertEquals(1, result.rejectedRows("factor_costs"));
    assertEquals(1, result.rejectedRows("major_projects"));
  }

  @Test
  void yearToDateFiguresNeverExceedTheAnnualFigure() throws IOException {
    Map<String, Double> canonical = new HashMap<>();
    for (String[] s : csv(first.resolve("zone_stats.csv"), Charset.forName("GBK"))) {
      RawIndicator ind = indicator(s[2]);
      Units.factor(s[4], ind.unit())
          .ifPresent(
              f ->
                  canonical.put(
                      s[0] + "|" + s[1] + "|" + ind.code(), Double.parseDouble(s[3]) * f));
    }
    int checked = 0;
    int planted = 0;
    for (String key : canonical.keySet()) {
      String[] k = key.split("\\|");
      if (!k[1].equals("2025Q3")) {
        continue;
      }
      assertTrue(indicator(k[2]).flow(), key);
      if (result.notes().stream().anyMatch(n -> n.contains(k[0] + "/2025Q2/" + k[2]))) {
        planted++; // the planted year-to-date decrease (docs/input-anomalies.md)
        continue;
      }
      double q1 = canonical.get(k[0] + "|2025Q1|" + k[2]);
      double q2 = canonical.get(k[0] + "|2025Q2|" + k[2]);
      double q3 = canonical.get(key);
      double year = canonical.get(k[0] + "|2025|" + k[2]);
      assertTrue(
          q1 <= q2 && q2 <= q3 && q3 <= year, key + ": " + q1 + " " + q2 + " " + q3 + " " + year);
      checked++;
    }
    long flows = IndicatorCatalogue.all().stream().filter(RawIndicator::flow).count();
    assertEquals(1, planted);
    assertEquals(116 * flows - 1, checked);
  }

  @Test
  void zoneMagnitudesLieInTheDocumentedRanges() throws IOException {
    Map<String, Double> v = new HashMap<>();
    for (String[] s : csv(first.resolve("zone_stats.csv"), Charset.forName("GBK"))) {
      RawIndicator ind = indicator(s[2]);
      if (s[6].equals("final")) {
        Units.factor(s[4], ind.unit())
            .ifPresent(
                f ->
                    v.putIfAbsent(
                        s[0] + "|" + s[1] + "|" + ind.code(), Double.parseDouble(s[3]) * f));
      }
    }
    Set<String> zoneYears = new TreeSet<>();
    v.keySet().forEach(k -> zoneYears.add(k.substring(0, k.lastIndexOf('|'))));
    for (String zy : zoneYears) {
      Double gdp = v.get(zy + "|gdp");
      if (gdp == null) {
        continue; // the GDP row written in 平方公里 (planted)
      }
      assertIn(zy + " gdp", gdp, 30, 3700);
      assertIn(zy + " tax", v.get(zy + "|tax_revenue"), 3, 400);
      assertIn(zy + " fdi", v.get(zy + "|fdi_actual"), 500, 200000);
      assertIn(zy + " trade", v.get(zy + "|trade_total"), 1, 900);
      assertIn(zy + " developed land", v.get(zy + "|developed_land"), 5, 150);
      assertIn(zy + " hightech enterprises", v.get(zy + "|hightech_enterprises"), 20, 2500);
      assertIn(zy + " tech progress", v.get(zy + "|tech_progress_contribution"), 45, 70);
      Double parks = v.get(zy + "|cooperative_parks");
      if (parks != null) { // one documented gap
        assertIn(zy + " co-built parks", parks, 0, 6);
      }
      // energy (万吨标煤) per GDP (亿元) is tce per 万元: 0.2–0.8.
      assertIn(
          zy + " energy intensity (2-decimal rounding)",
          v.get(zy + "|energy_consumption") / gdp,
          0.195,
          0.805);
      assertIn(
          zy + " CO2 per tce",
          v.get(zy + "|co2_emissions") / v.get(zy + "|energy_consumption"),
          2.2,
          2.6);
      Double rnd = v.get(zy + "|rnd_expense");
      if (rnd != null) {
        assertIn(zy + " R&D share", rnd / gdp, 0.01, 0.04);
      }
    }
    // The flagship (苏州工业园区) is near 3,500 亿元 in 2025.
    assertIn("SIP 2025", v.get("320500N01|2025|gdp"), 3200, 3800);
  }

  @Test
  void enterpriseMagnitudesArePlausible() {
    var e =
        spark
            .read()
            .parquet(first.resolve("enterprises.parquet").toString())
            .where("land_area_mu > 0");
    org.apache.spark.sql.Row r =
        e.selectExpr(
                "percentile(tax_paid_10k / land_area_mu, 0.5)",
                "percentile(revenue_10k / tax_paid_10k, 0.05)",
                "percentile(revenue_10k / tax_paid_10k, 0.95)",
                "min(value_added_10k / revenue_10k)",
                "max(value_added_10k / revenue_10k)",
                "max(rnd_expense_10k / revenue_10k)",
                "sum(CASE WHEN land_area_mu < 3 THEN 1 ELSE 0 END)",
                "sum(CASE WHEN utility THEN 1 ELSE 0 END)",
                "min(year)",
                "max(year)",
                "sum(CASE WHEN production_start_year > year THEN 1 ELSE 0 END)",
                "sum(CASE WHEN tax_paid_10k > revenue_10k THEN 1 ELSE 0 END)")
            .first();
    assertIn("median tax per mu", r.getDouble(0), 2, 60);
    assertIn("revenue/tax p5", r.getDouble(1), 9, 41);
    assertIn("revenue/tax p95", r.getDouble(2), 9, 45);
    assertTrue(r.getDouble(3) >= 0.19 && r.getDouble(4) <= 0.36, r.toString());
    assertTrue(r.getDouble(5) <= 0.061, r.toString());
    assertTrue(r.getLong(6) > 0, "some below-scale firms use less than 3 mu");
    assertEquals(2021, r.getInt(8));
    assertEquals(2025, r.getInt(9));
    assertEquals(0L, r.getLong(10));
    assertEquals(0L, r.getLong(11));
    long rows = spark.read().parquet(first.resolve("enterprises.parquet").toString()).count();
    assertIn("small scale enterprise-years", rows, 2000, 3000);
    assertEquals(result.rows().get("enterprises"), rows);
  }

  @Test
  void majorProjectsHaveConsistentFunnelsAndThreeDroughts() throws IOException {
    List<Map<String, String>> projects = sheet(first.resolve("major_projects.xlsx"), "重大项目库");
    Set<String> startedRecently = new TreeSet<>();
    Set<String> zones = new TreeSet<>();
    for (Map<String, String> p : projects) {
      zones.add(p.get("园区代码"));
      String s = p.get("签约日期");
      String c = p.get("开工日期");
      String pr = p.get("投产日期");
      String t = p.get("达产日期");
      // ISO dates compare as strings.
      assertTrue(c.isEmpty() || s.compareTo(c) <= 0, p.toString());
      assertTrue(pr.isEmpty() || (!c.isEmpty() && c.compareTo(pr) <= 0), p.toString());
      assertTrue(t.isEmpty() || (!pr.isEmpty() && pr.compareTo(t) <= 0), p.toString());
      assertTrue(Double.parseDouble(p.get("总投资")) >= 1.0, p.toString());
      if (c.startsWith("2024") || c.startsWith("2025")) {
        startedRecently.add(p.get("园区代码"));
      }
    }
    zones.removeAll(startedRecently);
    zones.remove("320899P99");
    assertTrue(zones.size() >= 3, zones.toString());
    assertTrue(zones.stream().anyMatch(z -> z.startsWith("320800")), zones.toString());
    assertTrue(
        projects.stream().anyMatch(p -> Double.parseDouble(p.get("总投资")) >= 50),
        "some 50亿元+ projects");
  }

  @Test
  void factorCostsCoverEveryPlaceAndMonthExceptTheDocumentedGap() throws IOException {
    List<String[]> costs = csv(first.resolve("factor_costs.csv"), StandardCharsets.UTF_8);
    Set<String> electricityLevels = new TreeSet<>();
    Map<String, Integer> waterBase = new HashMap<>();
    for (String[] c : costs) {
      if (c[3].equals("electricity")) {
        electricityLevels.add(c[1]);
        assertTrue(
            c[4].matches(
                "^(single_part|two_part)\\|(lt1kv|1_10kv|35_110kv|ge220kv)\\|(peak|flat|valley)$"),
            c[4]);
      }
      if (c[3].equals("water") && c[4].equals("base") && c[1].equals("county")) {
        waterBase.merge(c[0], 1, Integer::sum);
      }
    }
    assertEquals(Set.of("city"), electricityLevels);
    // 36 months 2023-01..2025-12; county 320831 misses 2024-07.
    assertEquals(35, waterBase.get("320831"));
    assertEquals(1, waterBase.values().stream().filter(n -> n != 36).count());
  }

  private static void assertIn(String what, double v, double lo, double hi) {
    assertTrue(v >= lo && v <= hi, what + " = " + v + " not in [" + lo + ", " + hi + "]");
  }

  private static RawIndicator indicator(String codeOrName) {
    return IndicatorCatalogue.findByCodeOrName(codeOrName)
        .orElseThrow(() -> new AssertionError(codeOrName));
  }

  private static String decode(byte[] bytes, Charset cs) throws CharacterCodingException {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** Data rows of a simple CSV (no quoted commas in these files), header skipped, BOM dropped. */
  private static List<String[]> csv(Path p, Charset cs) throws IOException {
    List<String> lines = List.of(new String(Files.readAllBytes(p), cs).split("\r?\n"));
    return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
  }

  private static List<Map<String, String>> sheet(Path p, String name) throws IOException {
    try (InputStream in = Files.newInputStream(p);
        XSSFWorkbook wb = new XSSFWorkbook(in)) {
      Sheet sh = wb.getSheet(name);
      assertTrue(sh != null, "sheet " + name + " missing in " + p);
      DataFormatter fmt = new DataFormatter(java.util.Locale.ROOT);
      List<String> header = new ArrayList<>();
      for (Cell c : sh.getRow(0)) {
        header.add(c.getStringCellValue());
      }
      List<Map<String, String>> rows = new ArrayList<>();
      for (int i = 1; i <= sh.getLastRowNum(); i++) {
        Row r = sh.getRow(i);
        Map<String, String> m = new HashMap<>();
        for (int c = 0; c < header.size(); c++) {
          Cell cell = r.getCell(c);
          m.put(header.get(c), cell == null ? "" : fmt.formatCellValue(cell));
        }
        rows.add(m);
      }
      return rows;
    }
  }

  private static Map<String, String> hashes(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        try {
          MessageDigest md = MessageDigest.getInstance("SHA-256");
          out.put(
              root.relativize(f).toString(),
              HexFormat.of().formatHex(md.digest(Files.readAllBytes(f))));
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
