package zoneassess.jobs.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.anomaly.AnomalyChecks;
import zoneassess.schema.anomaly.AnomalyChecksLoader;
import zoneassess.schema.anomaly.DatasetChecks;
import zoneassess.schema.marts.AnomalyMarts;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

/** Each anomaly rule on hand-made series; a clean input reports nothing. */
class InputAnomaliesTest extends SparkTestBase {
  private static final StructType STATS =
      StructType.fromDDL(
          "zone_code STRING, period STRING, indicator_code STRING, value DOUBLE, basis STRING");

  /** Twelve zones with smooth growth: gdp g, tax 0.1 g, trade t, export 0.6 t; quarters too. */
  private static List<Row> clean() {
    List<Row> rows = new ArrayList<>();
    for (int z = 1; z <= 12; z++) {
      String zone = "Z" + (z < 10 ? "0" : "") + z;
      double gdp = 150.0 + 13.37 * z;
      for (int year = 2020; year <= 2025; year++) {
        double g = gdp * Math.pow(1.05 + 0.002 * z, year - 2020);
        rows.add(r(zone, "" + year, "gdp", g));
        rows.add(r(zone, "" + year, "tax_revenue", g * 0.1));
        rows.add(r(zone, "" + year, "trade_total", g * 0.2));
        rows.add(r(zone, "" + year, "export_total", g * 0.12));
        rows.add(r(zone, "" + year, "developed_land", 10.0)); // a stock may stay put
        if (year >= 2024) {
          for (int q = 1; q <= 3; q++) {
            rows.add(r(zone, year + "Q" + q, "gdp", g * (0.24 + 0.25 * (q - 1))));
          }
        }
      }
    }
    return rows;
  }

  private static Row r(String zone, String period, String ind, double v) {
    double cents = Math.round(v * 100) / 100.0;
    return RowFactory.create(zone, period, ind, cents, period.length() == 4 ? "final" : "ytd");
  }

  private Dataset<Row> df(List<Row> rows) {
    return spark.createDataFrame(rows, STATS);
  }

  private static DatasetChecks shipped() {
    AnomalyChecks c = AnomalyChecksLoader.load(AnomalyChecksLoader.DEFAULT);
    return c.datasets().get(0);
  }

  private static Map<String, Row> byRule(Dataset<Row> found) {
    Map<String, Row> m = new TreeMap<>();
    for (Row r : found.collectAsList()) {
      m.put(
          r.getAs("rule_id")
              + "|"
              + r.getAs("unit_key")
              + "|"
              + r.getAs("indicator_code")
              + "|"
              + r.getAs("period"),
          r);
    }
    return m;
  }

  @Test
  void cleanInputReportsNone() {
    Dataset<Row> found = InputAnomalies.find(df(clean()), shipped());
    assertEquals(AnomalyMarts.INPUT_ANOMALIES.columnNames(), List.of(found.columns()));
    assertEquals(List.of(), found.collectAsList());
  }

  @Test
  void everyPlantedAnomalyIsReportedWithItsNumbers() {
    List<Row> rows = new ArrayList<>(clean());
    // Z03 tax 2023 ten-fold: clean value 0.1 × (150 + 13.37 × 3) × 1.056³
    double gdp3 = (150.0 + 13.37 * 3) * Math.pow(1.056, 3);
    double tax3 = Math.round(gdp3 * 0.1 * 100) / 100.0;
    double tax2 = Math.round((150.0 + 13.37 * 3) * Math.pow(1.056, 2) * 0.1 * 100) / 100.0;
    rows.removeIf(
        x ->
            x.getString(0).equals("Z03")
                && x.getString(1).equals("2023")
                && x.getString(2).equals("tax_revenue"));
    rows.add(RowFactory.create("Z03", "2023", "tax_revenue", tax3 * 10, "final"));
    // Z05 2025Q2 ytd gdp 1.00 below 2025Q1
    Row q1 =
        rows.stream()
            .filter(x -> x.getString(0).equals("Z05") && x.getString(1).equals("2025Q1"))
            .findFirst()
            .orElseThrow();
    rows.removeIf(x -> x.getString(0).equals("Z05") && x.getString(1).equals("2025Q2"));
    rows.add(RowFactory.create("Z05", "2025Q2", "gdp", q1.getDouble(3) - 1.0, "ytd"));
    // Z07 gdp frozen at 300 in 2022–2025 (4 periods), Z08 gdp 2024 exactly 400
    rows.removeIf(
        x ->
            x.getString(0).equals("Z07")
                && x.getString(2).equals("gdp")
                && x.getString(1).length() == 4
                && x.getString(1).compareTo("2022") >= 0);
    for (int y = 2022; y <= 2025; y++) {
      rows.add(RowFactory.create("Z07", "" + y, "gdp", 300.0, "final"));
    }
    rows.removeIf(
        x ->
            x.getString(0).equals("Z08")
                && x.getString(1).equals("2024")
                && x.getString(2).equals("gdp"));
    rows.add(RowFactory.create("Z08", "2024", "gdp", 400.0, "final"));
    // Z09 export 2024 above trade 2024: 50 against 40
    rows.removeIf(
        x ->
            x.getString(0).equals("Z09")
                && x.getString(1).equals("2024")
                && x.getString(2).matches("export_total|trade_total"));
    rows.add(RowFactory.create("Z09", "2024", "export_total", 50.0, "final"));
    rows.add(RowFactory.create("Z09", "2024", "trade_total", 40.0, "final"));
    // a preliminary row is never checked
    rows.add(RowFactory.create("Z10", "2025", "tax_revenue", 9999.0, "preliminary"));

    Map<String, Row> f = byRule(InputAnomalies.find(df(rows), shipped()));
    Row jump = f.get("jump|Z03|tax_revenue|2023");
    assertEquals(tax3 * 10, jump.<Double>getAs("value"), 1e-9);
    assertEquals("2022", jump.getAs("previous_period"));
    assertEquals(tax2, jump.<Double>getAs("previous_value"), 1e-9);
    // ratio = 10 × tax3 ÷ tax2 ≈ 10 × 1.056 = 10.56
    assertEquals(tax3 * 10 / tax2, jump.<Double>getAs("measure"), 1e-9);
    assertEquals("warning", jump.getAs("severity"));
    // back to normal in 2024: ÷ 10 against 2023
    assertTrue(f.containsKey("jump|Z03|tax_revenue|2024"), f.keySet().toString());

    Row falls = f.get("ytd_falls|Z05|gdp|2025Q2");
    assertEquals("2025Q1", falls.getAs("previous_period"));
    assertEquals(q1.getDouble(3), falls.<Double>getAs("previous_value"), 1e-9);
    assertEquals(-1.0, falls.<Double>getAs("measure"), 1e-9); // 1.00 below

    Row frozen = f.get("frozen|Z07|gdp|2025");
    assertEquals("2022", frozen.getAs("previous_period")); // 2022, 2023, 2024, 2025: four years
    assertEquals(300.0, frozen.<Double>getAs("value"));
    assertTrue(!f.containsKey("frozen|Z07|gdp|2024"), "only three equal years by 2024");

    Row round = f.get("round|Z08|gdp|2024");
    assertEquals(400.0, round.<Double>getAs("value"));
    assertTrue(f.containsKey("round|Z07|gdp|2025"), "300 is a multiple of 100 too");

    Row part = f.get("part_over_whole|Z09|export_total|2024");
    assertEquals("trade_total", part.getAs("previous_period"));
    assertEquals(1.25, part.<Double>getAs("measure"), 1e-12); // 50 ÷ 40
    assertTrue(part.<String>getAs("message_zh").contains("占比 125.0%"), part.toString());
    assertTrue(f.keySet().stream().noneMatch(k -> k.contains("Z10")), f.keySet().toString());
  }

  @Test
  void aStatisticianCanRaiseARuleToAnError() {
    String yaml =
        "id: t\ndatasets:\n  zone_stats:\n    checks:\n"
            + "      - {id: jump, rule: change, indicators: all, threshold: 5, severity: error}\n";
    DatasetChecks d = AnomalyChecksLoader.parse(YamlDoc.parse("t.yaml", yaml)).datasets().get(0);
    assertTrue(d.checks().get(0).isError());
    SpecException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            SpecException.class,
            () ->
                AnomalyChecksLoader.parse(
                    YamlDoc.parse(
                        "t.yaml",
                        "id: t\ndatasets:\n  zone_stats:\n    checks:\n"
                            + "      - {id: x, rule: chnage}\n")));
    assertTrue(e.getMessage().contains("t.yaml:5:"), e.getMessage());
  }
}
