package zoneassess.jobs.assess;

import static zoneassess.jobs.assess.Frames.date;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * "Five zones over three years", the named fixture of the assessment tests. Zones: A (national,
 * 淮安), B (provincial, 淮安), C (provincial, 南京), D (provincial, 南京; disappears in 2025), E (national,
 * 南京), F (provincial, 淮安; new in 2025).
 *
 * <pre>
 * index_score  2023   2024    2025
 *   A          80     75      76     (2025: 2 central findings −0.6, 1 award +0.5)
 *   B          70     72      90     (2025: major safety accident → veto)
 *   C          60     74      70
 *   D          50     59.96   —
 *   E          40     60.04   71
 *   F          —      —       50
 * projects_started_1e8: A 1, 0, 0 (drought 2024–2025); everyone else 1 every year
 * </pre>
 */
final class AssessmentFixtures {
  private AssessmentFixtures() {}

  static Dataset<Row> facts(SparkSession spark) {
    String ddl =
        "zone_code STRING, period STRING, zone_name STRING, city STRING, county STRING, region STRING,"
            + " level STRING, zone_type STRING, projects_started_1e8 LONG, projects_started_1e9 LONG,"
            + " projects_started_5e9 LONG, projects_started_1e10 LONG, investment_started_100m DOUBLE";
    return df(
        spark,
        ddl,
        z("A", "2023", "甲区", "淮安", "national", 1L),
        z("A", "2024", "甲区", "淮安", "national", 0L),
        z("A", "2025", "甲区", "淮安", "national", 0L),
        z("B", "2023", "乙区", "淮安", "provincial", 1L),
        z("B", "2024", "乙区", "淮安", "provincial", 1L),
        z("B", "2025", "乙区", "淮安", "provincial", 1L),
        z("C", "2023", "丙区", "南京", "provincial", 1L),
        z("C", "2024", "丙区", "南京", "provincial", 1L),
        z("C", "2025", "丙区", "南京", "provincial", 1L),
        z("D", "2023", "丁区", "南京", "provincial", 1L),
        z("D", "2024", "丁区", "南京", "provincial", 1L),
        z("E", "2023", "戊区", "南京", "national", 1L),
        z("E", "2024", "戊区", "南京", "national", 1L),
        z("E", "2025", "戊区", "南京", "national", 1L),
        z("F", "2025", "己区", "淮安", "provincial", 1L));
  }

  private static Object[] z(
      String code, String period, String name, String city, String level, long started) {
    return row(
        code,
        period,
        name,
        city,
        "县",
        "north",
        level,
        "high_tech",
        started,
        0L,
        0L,
        0L,
        started * 2.0);
  }

  static Dataset<Row> indexScores(SparkSession spark) {
    return df(
        spark,
        "zone_code STRING, period STRING, index_score DOUBLE",
        row("A", "2023", 80.0),
        row("B", "2023", 70.0),
        row("C", "2023", 60.0),
        row("D", "2023", 50.0),
        row("E", "2023", 40.0),
        row("A", "2024", 75.0),
        row("B", "2024", 72.0),
        row("C", "2024", 74.0),
        row("D", "2024", 59.96),
        row("E", "2024", 60.04),
        row("A", "2025", 76.0),
        row("B", "2025", 90.0),
        row("C", "2025", 70.0),
        row("E", "2025", 71.0),
        row("F", "2025", 50.0));
  }

  /** Dimension "open" in 2024 (D 30, E 20) and 2025 (A 80, C 60, E 60, F 40). */
  static Dataset<Row> dimensions(SparkSession spark) {
    String ddl =
        "zone_code STRING, period STRING, dimension_code STRING, dimension_name_zh STRING,"
            + " dimension_name_en STRING, weight DOUBLE, score DOUBLE, sort_order INT";
    return df(
        spark,
        ddl,
        row("D", "2024", "open", "开放水平", "Opening-up", 0.3, 30.0, 1),
        row("E", "2024", "open", "开放水平", "Opening-up", 0.3, 20.0, 1),
        row("A", "2025", "open", "开放水平", "Opening-up", 0.3, 80.0, 1),
        row("C", "2025", "open", "开放水平", "Opening-up", 0.3, 60.0, 1),
        row("E", "2025", "open", "开放水平", "Opening-up", 0.3, 60.0, 1),
        row("F", "2025", "open", "开放水平", "Opening-up", 0.3, 40.0, 1));
  }

  /** 2025: gdp (higher) A 100, C 50, E 50, F missing; energy (lower) A 1, C 2, E 3. */
  static Dataset<Row> indicators(SparkSession spark) {
    String ddl =
        "zone_code STRING, period STRING, indicator_code STRING, indicator_name_zh STRING, unit STRING,"
            + " dimension_code STRING, direction STRING, raw_value DOUBLE, treated_value DOUBLE,"
            + " normalised_value DOUBLE, imputed BOOLEAN";
    return df(
        spark,
        ddl,
        row("A", "2025", "gdp", "地区生产总值", "亿元", "open", "higher", 100.0, 100.0, 1.0, false),
        row("C", "2025", "gdp", "地区生产总值", "亿元", "open", "higher", 50.0, 50.0, 0.0, false),
        row("E", "2025", "gdp", "地区生产总值", "亿元", "open", "higher", 50.0, 50.0, 0.0, false),
        row("F", "2025", "gdp", "地区生产总值", "亿元", "open", "higher", null, 75.0, 0.5, true),
        row("A", "2025", "energy", "能耗", "万吨标煤", "open", "lower", 1.0, 1.0, 1.0, false),
        row("C", "2025", "energy", "能耗", "万吨标煤", "open", "lower", 2.0, 2.0, 0.5, false),
        row("E", "2025", "energy", "能耗", "万吨标煤", "open", "lower", 3.0, 3.0, 0.0, false));
  }

  static ScoredZones scored(SparkSession spark) {
    return new ScoredZones(
        "test-method", "1", indexScores(spark), dimensions(spark), indicators(spark));
  }

  static Dataset<Row> events(SparkSession spark) {
    return df(
        spark,
        "zone_code STRING, event_date DATE, event_type STRING, count INT, note STRING",
        row("A", date("2025-04-01"), "inspection_central", 2, null),
        row("A", date("2025-05-01"), "award", null, null),
        row("B", date("2025-08-01"), "major_safety_accident", null, "veto"));
  }
}
