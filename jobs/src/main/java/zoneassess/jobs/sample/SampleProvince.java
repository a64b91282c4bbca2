package zoneassess.jobs.sample;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.ingest.IngestConfig;
import zoneassess.jobs.io.Publisher;

/**
 * Generates the synthetic Jiangsu-like sample province into a folder, in the formats statisticians
 * send: {@code areas.csv} (UTF-8), {@code zones.xlsx}, {@code zone_stats.csv} (GBK, Chinese
 * headers), {@code enterprises.parquet/} (Spark), {@code factor_costs.csv} (UTF-8 with BOM), {@code
 * major_projects.xlsx}, {@code zone_events.csv}, and {@code SAMPLE.md}.
 *
 * <p>The folder is built beside the target and renamed into place; {@code .complete} is written
 * last, so a half-written sample is never mistaken for a whole one.
 */
public final class SampleProvince {
  public static final String COMPLETE_MARKER = ".complete";

  static final Charset GBK = Charset.forName("GBK");

  private SampleProvince() {}

  public static SampleResult generate(SparkSession spark, SampleSpec spec, String outUri) {
    String target = Publisher.toUri(outUri);
    Path targetPath = new Path(target);
    String tmp = new Path(targetPath.getParent(), "._tmp_" + targetPath.getName()).toString();
    Publisher publisher = new Publisher(spark);
    publisher.delete(tmp);
    SampleFiles files = new SampleFiles(publisher.conf());
    long seed = spec.seed();

    List<SampleZone> zones = ZoneRegister.build(seed);
    List<MajorProject> projects = MajorProjectRegister.build(seed, zones);
    ZoneStatistics.Result stats = ZoneStatistics.build(seed, zones, projects);
    List<FactorPrice> prices = FactorCostSeries.build(seed, zones);
    List<ZoneEvent> events = ZoneEventLog.build(seed, zones);

    Map<String, String> names = new LinkedHashMap<>();
    Map<String, Long> rows = new LinkedHashMap<>();
    names.put("areas", "areas.csv");
    rows.put("areas", (long) writeAreas(files, tmp + "/areas.csv"));
    names.put("zones", "zones.xlsx");
    files.writeWorkbook(tmp + "/zones.xlsx", SampleWorkbooks.zones(zones));
    rows.put("zones", (long) zones.size());
    names.put("zone_stats", "zone_stats.csv");
    writeZoneStats(files, tmp + "/zone_stats.csv", stats.rows());
    rows.put("zone_stats", (long) stats.rows().size());
    names.put("enterprises", "enterprises.parquet");
    publisher.writeParquet(EnterprisePanel.build(spark, spec, zones), tmp + "/enterprises.parquet");
    files.deleteChecksums(tmp + "/enterprises.parquet");
    rows.put("enterprises", spark.read().parquet(tmp + "/enterprises.parquet").count());
    names.put("factor_costs", "factor_costs.csv");
    writeFactorCosts(files, tmp + "/factor_costs.csv", prices);
    rows.put("factor_costs", (long) prices.size());
    names.put("major_projects", "major_projects.xlsx");
    files.writeWorkbook(tmp + "/major_projects.xlsx", SampleWorkbooks.projects(projects));
    rows.put("major_projects", (long) projects.size());
    names.put("zone_events", "zone_events.csv");
    writeEvents(files, tmp + "/zone_events.csv", events);
    rows.put("zone_events", (long) events.size());

    List<PlantedDefect> planted = new ArrayList<>(stats.planted());
    planted.addAll(enterpriseDefects(spec));
    planted.add(
        new PlantedDefect(
            "factor_costs",
            "unknown_unit",
            1,
            "gas of "
                + FactorCostSeries.BAD_UNIT_CITY
                + " in "
                + FactorCostSeries.BAD_UNIT_PERIOD
                + " written in '"
                + FactorCostSeries.BAD_UNIT
                + "'"));
    planted.add(
        new PlantedDefect(
            "major_projects",
            "unknown_zone",
            1,
            "project XM-"
                + MajorProjectRegister.UNKNOWN_ZONE
                + "-2024-001 in zone "
                + MajorProjectRegister.UNKNOWN_ZONE));
    planted.add(
        new PlantedDefect(
            "zone_events", "valid_untrusted_text", 1, "one award note is the text '+1'"));
    List<String> notes = new ArrayList<>(stats.notes());
    notes.addAll(otherNotes());

    SampleResult result = new SampleResult(target, spec, names, rows, planted, notes);
    files.writeText(tmp + "/SAMPLE.md", SampleReadme.render(result));
    // The folder says itself that it is synthetic, in the ingest.yaml that the snapshot store
    // keeps with the data: a run over it, its reruns and --as-of runs record synthetic=true.
    files.writeText(
        tmp + "/" + IngestConfig.FILE_NAME,
        "# Written by the zoneassess sample generator (seed="
            + seed
            + ", scale="
            + spec.scale().label()
            + "): every value in this folder is invented.\n"
            + "# A run over it records \"synthetic\": true, and its packs say 合成数据·仅供演示.\n"
            + "synthetic: true\n");
    publisher.move(tmp, target);
    files.writeText(
        target + "/" + COMPLETE_MARKER, "seed=" + seed + " scale=" + spec.scale().label() + "\n");
    return result;
  }

  static List<PlantedDefect> enterpriseDefects(SampleSpec spec) {
    long n = spec.scale().enterprises();
    String ids =
        "planted enterprise ids " + n + "–" + (n + EnterprisePanel.PLANTED - 1) + ", year 2025";
    return List.of(
        new PlantedDefect(
            "enterprises",
            "credit_code_check",
            2,
            "2 rows whose 18th character is wrong (" + ids + ", first two)"),
        new PlantedDefect(
            "enterprises", "unknown_zone", 1, "zone_code " + EnterprisePanel.UNKNOWN_ZONE),
        new PlantedDefect("enterprises", "land_area_range", 1, "land_area_mu = -12.5"),
        new PlantedDefect("enterprises", "land_positive", 1, "land_area_mu = 0"),
        new PlantedDefect(
            "enterprises",
            "valid_untrusted_text",
            1,
            "enterprise_name " + EnterprisePanel.FORMULA_NAME));
  }

  private static List<String> otherNotes() {
    return List.of(
        "enterprises: about 1 % of firms have a blank zone_code (outside any zone); about 0.4 % are"
            + " utilities (utility = true, class T); firms starting production in 2023–2025 appear"
            + " from their start year; about 15 % have no emissions figure",
        "factor_costs: county "
            + FactorCostSeries.WATER_GAP_COUNTY
            + " has no water prices in "
            + FactorCostSeries.WATER_GAP_PERIOD
            + " (3 rows missing: base, resource_fee, sewage)",
        "factor_costs: the counties of city "
            + FactorCostSeries.LAND_M2_CITY
            + " report industrial land in 元/平方米 (valid; 1 万元/亩 = 15 元/平方米)",
        "factor_costs: average_wage is an annual figure repeated in every month of its year;"
            + " minimum_wage has one row per county for its own tier (tier_1..tier_3) and rose in"
            + " 2025-01; heat (steam) is reported only in "
            + FactorCostSeries.HEAT_CITIES.size()
            + " cities",
        "major_projects: zones "
            + String.join(", ", MajorProjectRegister.DROUGHT_ZONES.stream().sorted().toList())
            + " start no project in 2024 or 2025 (two-year drought)",
        "zone_events: two major_safety_accident events (2021, 2024: veto) and two"
            + " environmental_incident events (2019, 2023), none in 淮安");
  }

  private static int writeAreas(SampleFiles files, String uri) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(Geography.PROVINCE_CODE, Geography.PROVINCE_NAME, "province", "", ""));
    for (Geography.City c : Geography.cities()) {
      rows.add(List.of(c.code(), c.name(), "city", Geography.PROVINCE_CODE, c.region()));
    }
    for (Geography.City c : Geography.cities()) {
      for (Geography.County k : c.counties()) {
        rows.add(List.of(k.code(), k.name(), "county", c.code(), c.region()));
      }
    }
    rows.sort((a, b) -> a.get(0).compareTo(b.get(0)));
    files.writeCsv(
        uri,
        StandardCharsets.UTF_8,
        false,
        false,
        List.of("area_code", "area_name", "area_level", "parent_code", "region"),
        rows);
    return rows.size();
  }

  private static void writeZoneStats(SampleFiles files, String uri, List<StatRow> stats) {
    List<List<String>> rows = new ArrayList<>(stats.size());
    for (StatRow r : stats) {
      rows.add(
          List.of(
              r.zoneCode(),
              r.period(),
              r.indicator(),
              SampleFiles.number(r.value(), r.decimals()),
              r.unit(),
              r.source(),
              r.basis()));
    }
    files.writeCsv(
        uri, GBK, false, true, List.of("园区代码", "统计期", "指标代码", "数值", "单位", "来源", "口径"), rows);
  }

  private static void writeFactorCosts(SampleFiles files, String uri, List<FactorPrice> prices) {
    List<List<String>> rows = new ArrayList<>(prices.size());
    for (FactorPrice p : prices) {
      rows.add(
          List.of(
              p.regionCode(),
              p.regionLevel(),
              p.period(),
              p.factorCode(),
              p.subcategory(),
              SampleFiles.number(p.value(), p.decimals()),
              p.unit(),
              p.source()));
    }
    files.writeCsv(
        uri,
        StandardCharsets.UTF_8,
        true,
        false,
        List.of(
            "region_code",
            "region_level",
            "period",
            "factor_code",
            "subcategory",
            "value",
            "unit",
            "source"),
        rows);
  }

  private static void writeEvents(SampleFiles files, String uri, List<ZoneEvent> events) {
    List<List<String>> rows = new ArrayList<>();
    for (ZoneEvent e : events) {
      rows.add(
          List.of(
              e.zoneCode(),
              e.eventDate().format(DateTimeFormatter.ISO_LOCAL_DATE),
              e.eventType(),
              String.valueOf(e.count()),
              e.note()));
    }
    files.writeCsv(
        uri,
        StandardCharsets.UTF_8,
        false,
        false,
        List.of("zone_code", "event_date", "event_type", "count", "note"),
        rows);
  }
}
