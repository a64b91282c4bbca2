package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.assess.Frames.date;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.Datasets;

class ZoneFactsTest extends SparkTestBase {
  private Dataset<Row> zones() {
    return spark.createDataFrame(
        List.of(
            zone("Z1", "甲区", "淮安", "national"),
            zone("Z2", "乙区", "淮安", "provincial"),
            zone("Z3", "丙区", "南京", "provincial")),
        ContractSchemas.of(Datasets.ZONES));
  }

  private static Row zone(String code, String name, String city, String level) {
    return org.apache.spark.sql.RowFactory.create(
        code,
        name,
        city,
        "320800",
        "清江浦区",
        "320812",
        "north",
        level,
        "economic_technological",
        10.0,
        2000);
  }

  private Dataset<Row> stats() {
    String ddl =
        "zone_code STRING, period STRING, indicator_code STRING, value DOUBLE, unit STRING,"
            + " source STRING, basis STRING";
    return df(
        spark,
        ddl,
        row("Z1", "2024", "gdp", 100.0, "亿元", null, "final"),
        row("Z1", "2024", "tax_revenue", 10.0, "亿元", null, null), // blank basis = final for a year
        row("Z1", "2025", "gdp", 120.0, "亿元", null, "final"),
        row("Z1", "2025", "gdp", 999.0, "亿元", null, "preliminary"), // not final: ignored
        row("Z2", "2025", "gdp", 50.0, "亿元", null, "final"), // Z2 new in 2025
        row("Z3", "2024", "gdp", 30.0, "亿元", null, "final"), // Z3 disappears in 2025
        row("Z1", "2026", "gdp", 130.0, "亿元", null, "final"), // after the assessed period
        row("Z1", "2025Q3", "gdp", 80.0, "亿元", null, "ytd"),
        row("Z1", "2024Q3", "gdp", 70.0, "亿元", null, null),
        row("Z2", "2025Q3", "gdp", 40.0, "亿元", null, "ytd"));
  }

  static Dataset<Row> projects(org.apache.spark.sql.SparkSession spark) {
    String ddl =
        "project_id STRING, project_name STRING, zone_code STRING, investment_100m_cny DOUBLE,"
            + " foreign_investment_100m_usd DOUBLE, industry_chain STRING, signed_date DATE,"
            + " construction_start_date DATE, production_date DATE, target_met_date DATE, status STRING";
    return df(
        spark,
        ddl,
        // Z1: a ¥60亿 project signed 2024, started 2025-03, in production 2025-12
        row(
            "P1",
            "六十亿",
            "Z1",
            60.0,
            null,
            null,
            date("2024-06-01"),
            date("2025-03-01"),
            date("2025-12-01"),
            null,
            "in_production"),
        // Z1: a ¥5亿 project started 2025-11 (after Q3)
        row(
            "P2",
            "五亿",
            "Z1",
            5.0,
            null,
            null,
            date("2025-01-01"),
            date("2025-11-01"),
            null,
            null,
            "under_construction"),
        // Z1: a ¥120亿 project started 2024-02, met targets 2025
        row(
            "P3",
            "一百二十亿",
            "Z1",
            120.0,
            null,
            null,
            date("2023-05-01"),
            date("2024-02-01"),
            date("2024-12-01"),
            date("2025-06-30"),
            "target_met"),
        // Z2: a ¥0.5亿 project: under every threshold
        row(
            "P4",
            "半亿",
            "Z2",
            0.5,
            null,
            null,
            date("2025-01-01"),
            date("2025-02-01"),
            null,
            null,
            "under_construction"),
        // Z2: a ¥10亿 project signed only
        row("P5", "十亿", "Z2", 10.0, null, null, date("2025-04-01"), null, null, null, "signed"));
  }

  @Test
  void annualWideTableWithProjectFacts() {
    Dataset<Row> facts = ZoneFacts.build(stats(), zones(), projects(spark), "2025");
    Map<String, Row> r = Frames.byKey(facts, "zone_code", "period");
    // Z1 2024, Z3 2024, Z1 2025, Z2 2025 (2026 and quarters excluded; Z3 absent in 2025)
    assertEquals(4, r.size());
    assertNull(r.get("Z3|2025"));
    assertEquals(120.0, r.get("Z1|2025").<Double>getAs("gdp"));
    assertNull(r.get("Z1|2025").getAs("tax_revenue"), "a missing indicator is null, not zero");
    assertEquals(10.0, r.get("Z1|2024").<Double>getAs("tax_revenue"));
    assertEquals("甲区", r.get("Z1|2025").getAs("zone_name"));
    assertEquals("national", r.get("Z1|2025").getAs("level"));
    // every catalogue code is a column, even when nobody reported it
    assertTrue(List.of(facts.columns()).contains("cooperative_parks"));
    // Z1 2025: P1 (60亿) and P2 (5亿) started: ≥1亿 2, ≥10亿 1, ≥50亿 1, ≥100亿 0; 60 + 5 = 65亿
    Row z1 = r.get("Z1|2025");
    assertEquals(2L, (long) z1.getAs("projects_started_1e8"));
    assertEquals(1L, (long) z1.getAs("projects_started_1e9"));
    assertEquals(1L, (long) z1.getAs("projects_started_5e9"));
    assertEquals(0L, (long) z1.getAs("projects_started_1e10"));
    assertEquals(65.0, z1.<Double>getAs("investment_started_100m"), 1e-9);
    // Z1 2024: P3 (120亿) counts at every threshold
    assertEquals(1L, (long) r.get("Z1|2024").getAs("projects_started_1e10"));
    // Z2 2025: only a 0.5亿 project started -> zeros, not nulls
    assertEquals(0L, (long) r.get("Z2|2025").getAs("projects_started_1e8"));
    assertEquals(0.0, r.get("Z2|2025").<Double>getAs("investment_started_100m"), 1e-9);
  }

  @Test
  void quarterComparesYearToDateWithSameQuarterLastYear() {
    Map<String, Row> r =
        Frames.byKey(
            ZoneFacts.build(stats(), zones(), projects(spark), "2025Q3"), "zone_code", "period");
    assertEquals(3, r.size()); // Z1 2025Q3, Z1 2024Q3, Z2 2025Q3
    assertEquals(80.0, r.get("Z1|2025Q3").<Double>getAs("gdp"));
    assertEquals(70.0, r.get("Z1|2024Q3").<Double>getAs("gdp"));
    // up to September 2025 only P1 (March) started; P2 (November) is outside 2025Q3
    assertEquals(1L, (long) r.get("Z1|2025Q3").getAs("projects_started_1e8"));
    assertEquals(1L, (long) r.get("Z1|2024Q3").getAs("projects_started_1e10"));
  }
}
