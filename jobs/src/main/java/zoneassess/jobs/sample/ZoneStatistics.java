package zoneassess.jobs.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.units.Units;

/**
 * Annual zone statistics 2018–2025 (final) and year-to-date quarters for flow indicators
 * (2024Q1–Q4, 2025Q1–Q3). Every zone has a latent size, quality and openness; indicators are ratios
 * of GDP that lean on quality, with yearly noise and occasional shocks, so ranks mean something and
 * move a little.
 */
final class ZoneStatistics {
  static final int FIRST_YEAR = 2018;
  static final int LAST_YEAR = 2025;

  /** Zones whose 2019 rows use the Chinese indicator name instead of the code (宿迁's zones). */
  static final String CHINESE_NAME_CITY = "321300";

  static final String CHINESE_NAME_PERIOD = "2019";

  private final Draw d;
  private final List<PlantedDefect> planted = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String ytdFalls = "";

  private ZoneStatistics(long seed) {
    this.d = new Draw(seed);
  }

  /** Rows of zone_stats and the planted defects / deliberate oddities they contain. */
  record Result(List<StatRow> rows, List<PlantedDefect> planted, List<String> notes) {}

  static Result build(long seed, List<SampleZone> zones, List<MajorProject> projects) {
    ZoneStatistics s = new ZoneStatistics(seed);
    List<StatRow> rows = s.rows(zones, projects);
    return new Result(List.copyOf(rows), List.copyOf(s.planted), List.copyOf(s.notes));
  }

  private List<StatRow> rows(List<SampleZone> zones, List<MajorProject> projects) {
    Map<String, Integer> startsByZonePeriod = startCounts(projects);
    List<StatRow> rows = new ArrayList<>();
    List<SampleZone> provincial =
        zones.stream().filter(z -> !z.national() && z.firstYear() == FIRST_YEAR).toList();
    // Deliberate gaps, conversions and defects, each at a fixed (zone, year, indicator).
    Map<String, String> missing = new LinkedHashMap<>();
    missing.put(key(provincial.get(3), 2023, "hightech_trade"), "");
    missing.put(key(provincial.get(17), 2024, "rnd_expense"), "");
    missing.put(key(provincial.get(29), 2025, "idle_land"), "");
    missing.put(key(provincial.get(41), 2022, "cooperative_parks"), "");
    missing.put(key(provincial.get(55), 2025, "invention_patents"), "");
    Map<String, String> convert = new LinkedHashMap<>();
    convert.put(key(provincial.get(5), 2021, "gdp"), "万元");
    convert.put(key(provincial.get(23), 2024, "gdp"), "万元");
    convert.put(key(zones.get(2), 2025, "gdp"), "万元");
    convert.put(key(provincial.get(8), 2022, "developed_land"), "公顷");
    convert.put(key(provincial.get(33), 2023, "developed_land"), "公顷");
    convert.put(key(zones.get(6), 2024, "developed_land"), "公顷");
    convert.put(key(provincial.get(60), 2025, "developed_land"), "公顷");
    convert.put(key(provincial.get(12), 2020, "fdi_actual"), "亿美元");
    convert.put(key(zones.get(4), 2023, "fdi_actual"), "亿美元");
    convert.put(key(provincial.get(70), 2025, "fdi_actual"), "亿美元");
    String wrongUnit = key(provincial.get(14), 2019, "gdp");
    // Planted input anomalies (valid rows the anomaly checks must report; docs/input-anomalies.md).
    String tenfoldTax = key(provincial.get(44), 2023, "tax_revenue");
    SampleZone frozenZone = provincial.get(52);
    String roundGdp = key(provincial.get(58), 2024, "gdp");
    String partOverWhole = key(provincial.get(64), 2024, "hightech_trade");
    ytdFalls = provincial.get(66).code() + "/" + LAST_YEAR + "Q2/gdp";
    String duplicate = key(provincial.get(20), 2024, "tax_revenue");

    for (SampleZone z : zones) {
      Map<Integer, Map<String, Double>> annual = annualValues(z, startsByZonePeriod);
      for (int year = z.firstYear(); year <= LAST_YEAR; year++) {
        String period = String.valueOf(year);
        for (RawIndicator ind : IndicatorCatalogue.all()) {
          String k = key(z, year, ind.code());
          if (missing.containsKey(k)) {
            continue;
          }
          double v = annual.get(year).get(ind.code());
          if (k.equals(tenfoldTax)) {
            v *= 10;
          } else if (z == frozenZone
              && ind.code().equals("fixed_asset_investment")
              && year > 2021
              && year <= 2024) {
            v = annual.get(2021).get(ind.code());
          } else if (k.equals(roundGdp)) {
            v = Math.max(100, Math.round(v / 100) * 100.0);
          } else if (k.equals(partOverWhole)) {
            v = annual.get(year).get("trade_total") * 1.2;
          }
          String unit = ind.unit();
          if (convert.containsKey(k)) {
            String to = convert.get(k);
            // factor(canonical, to) = how many `to` units one canonical unit is worth.
            v = v * Units.factor(ind.unit(), to).orElseThrow();
            unit = to;
          }
          if (k.equals(wrongUnit)) {
            unit = "平方公里";
          }
          String label =
              z.city().code().equals(CHINESE_NAME_CITY) && period.equals(CHINESE_NAME_PERIOD)
                  ? ind.nameZh()
                  : ind.code();
          int decimals = decimals(ind, unit);
          rows.add(new StatRow(z.code(), period, label, v, decimals, unit, source(ind), "final"));
          if (k.equals(duplicate)) {
            rows.add(
                new StatRow(
                    z.code(), period, label, v * 1.03, decimals, unit, "税务局修订（合成）", "final"));
          }
        }
      }
      for (int year = LAST_YEAR - 1; year <= LAST_YEAR; year++) {
        if (annual.containsKey(year)) {
          rows.addAll(ytdRows(z, year, annual.get(year), startsByZonePeriod));
        }
      }
    }
    planted.add(
        new PlantedDefect(
            "zone_stats",
            "duplicate_key",
            2,
            "two rows for key " + duplicate + " (second is a revision)"));
    planted.add(new PlantedDefect("zone_stats", "unit_family", 1, "GDP in 平方公里 at " + wrongUnit));
    notes.add(
        "zone_stats: planted input anomaly (check jump and outlier_change): tax revenue ten-fold at "
            + tenfoldTax
            + ", back to normal in 2024");
    notes.add(
        "zone_stats: planted input anomaly (check frozen): fixed-asset investment unchanged"
            + " 2021–2024, reported at "
            + key(frozenZone, 2024, "fixed_asset_investment"));
    notes.add(
        "zone_stats: planted input anomaly (check round): GDP a whole multiple of 100 亿元 at "
            + roundGdp);
    notes.add(
        "zone_stats: planted input anomaly (check part_over_whole): high-tech trade 120 % of all"
            + " trade at "
            + partOverWhole);
    notes.add(
        "zone_stats: planted input anomaly (check ytd_falls, also outlier_change): year-to-date"
            + " GDP of 2025Q2 at 90 % of 2025Q1 at "
            + ytdFalls);
    notes.add(
        "zone_stats: 5 annual values deliberately missing: " + String.join(", ", missing.keySet()));
    notes.add(
        "zone_stats: 10 valid rows in convertible units (3 GDP in 万元, 4 developed land in 公顷,"
            + " 3 FDI in 亿美元): "
            + String.join(", ", convert.keySet()));
    notes.add(
        "zone_stats: rows of 宿迁's zones for 2019 name the indicator in Chinese (指标名称) instead of"
            + " the code");
    notes.add(
        "zone_stats: zone "
            + ZoneRegister.NEW_ZONE_CODE
            + " reports from 2020 only (approved 2020)");
    return rows;
  }

  /**
   * Year-to-date quarters of a year: Q1–Q4 of the year before the last (Q4 = the annual value),
   * Q1–Q3 of the last year (its Q4 is the annual final row), so every routine quarter of the last
   * year has the same quarter a year earlier.
   */
  private List<StatRow> ytdRows(
      SampleZone z, int yearNumber, Map<String, Double> year, Map<String, Integer> starts) {
    List<StatRow> rows = new ArrayList<>();
    String y = yearNumber == LAST_YEAR ? "" : String.valueOf(yearNumber);
    double[] shares = {
      d.between(0.21, 0.25, z.code(), y + "q1"),
      d.between(0.46, 0.50, z.code(), y + "q2"),
      d.between(0.71, 0.75, z.code(), y + "q3"),
      1.0
    };
    int lastQuarter = yearNumber == LAST_YEAR ? 3 : 4;
    for (int q = 1; q <= lastQuarter; q++) {
      String period = yearNumber + "Q" + q;
      for (RawIndicator ind : IndicatorCatalogue.all()) {
        if (!ind.flow()) {
          continue;
        }
        double v =
            ind.code().equals("major_projects_started")
                ? starts.getOrDefault(z.code() + "|" + period, 0)
                : year.get(ind.code()) * shares[q - 1];
        if ((z.code() + "/" + period + "/" + ind.code()).equals(ytdFalls)) {
          v = year.get(ind.code()) * shares[0] * 0.9; // below Q1's year-to-date value
        }
        rows.add(
            new StatRow(
                z.code(),
                period,
                ind.code(),
                v,
                decimals(ind, ind.unit()),
                ind.unit(),
                source(ind),
                "ytd"));
      }
    }
    return rows;
  }

  /** Projects whose construction started, by zone and year, and year-to-date by quarter. */
  private static Map<String, Integer> startCounts(List<MajorProject> projects) {
    Map<String, Integer> m = new HashMap<>();
    for (MajorProject p : projects) {
      if (p.constructionStartDate() == null) {
        continue;
      }
      int y = p.constructionStartDate().getYear();
      m.merge(p.zoneCode() + "|" + y, 1, Integer::sum);
      if (y >= LAST_YEAR - 1) {
        int quarter = (p.constructionStartDate().getMonthValue() - 1) / 3 + 1;
        for (int q = quarter; q <= 4; q++) {
          m.merge(p.zoneCode() + "|" + y + "Q" + q, 1, Integer::sum);
        }
      }
    }
    return m;
  }

  private Map<Integer, Map<String, Double>> annualValues(
      SampleZone z, Map<String, Integer> starts) {
    Map<Integer, Map<String, Double>> byYear = new LinkedHashMap<>();
    boolean flagship = z.name().equals("苏州工业园区");
    double trend =
        flagship
            ? 0.062
            : clamp(0.06 + 0.015 * z.quality() + 0.01 * d.normal(z.code(), "trend"), 0.02, 0.10);
    double gdp = z.gdp2018();
    double developedShare = d.between(0.5, 0.85, z.code(), "developed");
    int parks = d.intBetween(0, 4, z.code(), "parks");
    for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      if (year > FIRST_YEAR) {
        double noise = flagship ? 0.004 : 0.015 * d.normal(z.code(), year, "growth");
        double shock =
            d.uniform(z.code(), year, "shock") < 0.08
                ? 0.07 * d.normal(z.code(), year, "shock-size")
                : 0;
        gdp *= 1 + clamp(trend + noise + shock, -0.05, 0.2);
        developedShare = Math.min(0.98, developedShare * 1.015);
        if (d.uniform(z.code(), year, "new-park") < 0.12) {
          parks = Math.min(6, parks + 1);
        }
      }
      if (year < z.firstYear()) {
        continue;
      }
      Map<String, Double> v = new LinkedHashMap<>();
      double q = z.quality();
      double o = z.openness();
      v.put("gdp", gdp);
      v.put("industrial_output", gdp * ratio(z, year, "industrial_output", 1.6, 3.0, 0.2));
      v.put(
          "leading_industry_output",
          v.get("industrial_output") * ratio(z, year, "focus", 0.45, 0.85, q));
      v.put("industrial_value_added", gdp * ratio(z, year, "iva", 0.35, 0.6, 0.2));
      // Bounded softly: a hard floor or cap would repeat one value for years (the anomaly checks
      // flag that, and a whole 400 as a round number).
      v.put(
          "tax_revenue",
          clamp(
              gdp * ratio(z, year, "tax", 0.08, 0.115, q),
              3 * (1 + 0.02 * d.uniform(z.code(), year, "tax-floor")),
              400 * (1 - 0.02 * d.uniform(z.code(), year, "tax-cap"))));
      v.put(
          "public_budget_revenue", v.get("tax_revenue") * ratio(z, year, "budget", 0.55, 0.8, 0.0));
      v.put("fixed_asset_investment", gdp * ratio(z, year, "fai", 0.25, 0.7, 0.0));
      v.put("fdi_actual", clamp(gdp * ratio(z, year, "fdi", 12, 55, o), 500, 200000));
      double trade = clamp(gdp * ratio(z, year, "trade", 0.03, 0.255, o), 1, 900);
      v.put("trade_total", trade);
      v.put("export_total", trade * ratio(z, year, "export", 0.5, 0.7, 0.0));
      v.put("hightech_trade", trade * ratio(z, year, "httrade", 0.15, 0.6, q));
      v.put(
          "foreign_enterprises",
          (double) Math.max(5, Math.round(gdp * ratio(z, year, "fie", 0.15, 0.5, o))));
      v.put("rnd_expense", gdp * ratio(z, year, "rnd", 0.01, 0.04, q));
      double hte = clamp(Math.round(gdp * ratio(z, year, "hte", 0.35, 0.71, q)), 20, 2500);
      v.put("hightech_enterprises", hte);
      v.put("invention_patents", (double) Math.round(hte * ratio(z, year, "patents", 3, 10, q)));
      v.put("tech_progress_contribution", ratio(z, year, "tpc", 45, 70, q));
      v.put("hightech_output_share", ratio(z, year, "hts", 20, 70, q));
      double intensity = ratio(z, year, "energy", 0.2, 0.8, -q) * Math.pow(0.97, year - FIRST_YEAR);
      v.put("energy_consumption", gdp * Math.max(0.2, intensity));
      v.put("co2_emissions", v.get("energy_consumption") * ratio(z, year, "co2", 2.2, 2.6, 0.0));
      v.put("approved_area", z.approvedAreaKm2());
      double developed = clamp(z.approvedAreaKm2() * developedShare, 5, 150);
      v.put("developed_land", developed);
      v.put("industrial_land", developed * ratio(z, year, "indland", 0.35, 0.55, 0.0));
      v.put("idle_land", developed * ratio(z, year, "idle", 0.0, 0.04, -q));
      v.put(
          "low_efficiency_land",
          v.get("industrial_land") * ratio(z, year, "lowland", 0.02, 0.15, -q));
      v.put("new_urban_jobs", (double) Math.round(gdp * ratio(z, year, "jobs", 8, 20, 0.0)));
      v.put("employees", (double) Math.round(gdp * ratio(z, year, "employees", 150, 300, 0.0)));
      v.put("cooperative_parks", (double) parks);
      v.put("sewage_treatment_rate", ratio(z, year, "sewage", 85, 99.5, q));
      v.put("major_projects_started", (double) starts.getOrDefault(z.code() + "|" + year, 0));
      byYear.put(year, v);
    }
    return byYear;
  }

  /**
   * A ratio between lo and hi: a logistic of a shift (usually the zone's latent quality or
   * openness), a persistent zone effect and a small yearly wobble.
   */
  private double ratio(SampleZone z, int year, String name, double lo, double hi, double shift) {
    double x = shift + 0.7 * d.normal(z.code(), name) + 0.15 * d.normal(z.code(), year, name);
    return lo + (hi - lo) / (1 + Math.exp(-x));
  }

  private static int decimals(RawIndicator ind, String unit) {
    if (unit.equals("个") || unit.equals("人")) {
      return 0;
    }
    if (unit.equals("亿美元") && ind.code().equals("fdi_actual")) {
      return 4;
    }
    return 2;
  }

  private static String source(RawIndicator ind) {
    String office =
        switch (ind.source()) {
          case "tax" -> "税务局";
          case "finance" -> "财政局";
          case "commerce" -> "商务局";
          case "customs" -> "海关";
          case "science" -> "科技局";
          case "ip" -> "市场监管局";
          case "ecology" -> "生态环境局";
          case "land" -> "自然资源局";
          case "labour" -> "人社局";
          default -> "统计局";
        };
    return office + "（合成）";
  }

  private static String key(SampleZone z, int year, String indicator) {
    return z.code() + "/" + year + "/" + indicator;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
