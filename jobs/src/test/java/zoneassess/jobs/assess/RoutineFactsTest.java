package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.routine.RoutineSpec;

/** Carried stocks and year-to-date growth of a routine period, computed by hand. */
class RoutineFactsTest extends SparkTestBase {
  private static final RoutineSpec SPEC =
      new RoutineSpec(List.of("gdp"), List.of("developed_land", "permu_tax_per_mu"), "test");

  private Dataset<Row> zones() {
    return spark.createDataFrame(
        List.of(zone("Z1"), zone("Z2")), ContractSchemas.of(Datasets.ZONES));
  }

  private static Row zone(String code) {
    return RowFactory.create(
        code,
        code,
        "淮安",
        "320800",
        "清江浦区",
        "320812",
        "north",
        "provincial",
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
        row("Z1", "2023", "developed_land", 9.0, "平方公里", null, "final"),
        row("Z1", "2024", "developed_land", 10.0, "平方公里", null, "final"),
        row("Z1", "2024", "gdp", 100.0, "亿元", null, "final"),
        row("Z1", "2025", "developed_land", 14.0, "平方公里", null, "final"), // after 2025Q3
        row("Z1", "2024Q3", "gdp", 70.0, "亿元", null, "ytd"),
        row("Z1", "2024Q4", "gdp", 100.0, "亿元", null, "ytd"),
        row("Z1", "2025Q1", "gdp", 24.0, "亿元", null, "ytd"),
        row("Z1", "2025Q2", "gdp", 50.0, "亿元", null, "ytd"),
        row("Z1", "2025Q2", "developed_land", 12.0, "平方公里", null, "ytd"), // a stock in a quarter
        row("Z1", "2025Q3", "gdp", 77.0, "亿元", null, "ytd"),
        row("Z1", "2023Q3", "gdp", 60.0, "亿元", null, "ytd"), // before January of the year before
        row("Z2", "2024Q3", "gdp", 40.0, "亿元", null, "ytd"),
        row("Z2", "2025Q3", "gdp", 0.0, "亿元", null, "ytd"));
  }

  private Dataset<Row> perMu() {
    return df(
        spark,
        "zone_code STRING, period STRING, indicator_code STRING, value DOUBLE",
        row("Z1", "2024", "permu_tax_per_mu", 31.5),
        row("Z1", "2023", "permu_tax_per_mu", 29.0));
  }

  private RoutineFacts.Carried carried() {
    Dataset<Row> facts = ZoneFacts.build(stats(), zones(), ZoneFactsTest.projects(spark), "2025Q3");
    return RoutineFacts.carry(facts, RoutineFacts.sources(stats(), perMu(), SPEC.carried()), SPEC);
  }

  @Test
  void routinePeriodsRunFromJanuaryOfTheYearBefore() {
    Map<String, Row> r = Frames.byKey(carried().facts(), "zone_code", "period");
    // Z1: 2024Q3, 2024Q4, 2025Q1, 2025Q2, 2025Q3 (2023Q3 is too old); Z2: 2024Q3, 2025Q3
    assertEquals(7, r.size(), r.keySet().toString());
    assertEquals("Q3", r.get("Z1|2025Q3").getAs(RoutineFacts.SLOT));
  }

  @Test
  void stocksAreCarriedFromTheLatestValueUpToThePeriod() {
    Map<String, Row> r = Frames.byKey(carried().facts(), "zone_code", "period");
    // 2025Q3: the 2025Q2 quarterly report (12) is later than the 2024 annual (10); 2025 annual
    // ends in December, after September: not used.
    assertEquals(12.0, r.get("Z1|2025Q3").<Double>getAs("developed_land"));
    assertEquals(12.0, r.get("Z1|2025Q2").<Double>getAs("developed_land")); // its own report
    assertEquals(10.0, r.get("Z1|2025Q1").<Double>getAs("developed_land")); // 2024 annual
    // 2024Q4 ends with the 2024 annual: the annual final row counts (10, not 2023's 9)
    assertEquals(10.0, r.get("Z1|2024Q4").<Double>getAs("developed_land"));
    assertEquals(9.0, r.get("Z1|2024Q3").<Double>getAs("developed_land")); // 2023 annual
    assertEquals(31.5, r.get("Z1|2025Q3").<Double>getAs("permu_tax_per_mu")); // per-mu 2024
    assertNull(r.get("Z2|2025Q3").getAs("developed_land")); // nothing to carry
    Map<String, Row> src =
        Frames.byKey(carried().sources(), "zone_code", "period", "indicator_code");
    assertEquals("2025Q2", src.get("Z1|2025Q3|developed_land").getAs("source_period"));
    assertEquals("2024", src.get("Z1|2025Q1|developed_land").getAs("source_period"));
  }

  @Test
  void yearToDateGrowthAgainstTheSamePeriodAYearEarlier() {
    RoutineFacts.Carried c = carried();
    Map<String, Row> r =
        Frames.byKey(
            RoutineIndicators.build(c.facts(), c.sources(), SPEC),
            "zone_code",
            "period",
            "indicator_code");
    Row gdp = r.get("Z1|2025Q3|gdp");
    assertEquals("ytd", gdp.getAs("basis"));
    assertEquals("2024Q3", gdp.getAs("prev_year_period"));
    assertEquals(70.0, gdp.<Double>getAs("prev_year_value"));
    // 77 ÷ 70 − 1 = 0.10
    assertEquals(0.10, gdp.<Double>getAs("ytd_growth"), 1e-12);
    // Z2: 0 ÷ 40 − 1 = −1 (a zone that reports nothing this year has fallen by 100 %)
    assertEquals(-1.0, r.get("Z2|2025Q3|gdp").<Double>getAs("ytd_growth"), 1e-12);
    // no 2024Q1 report: 2025Q1 has no growth
    assertNull(r.get("Z1|2025Q1|gdp").getAs("ytd_growth"));
    Row land = r.get("Z1|2025Q3|developed_land");
    assertEquals("carried", land.getAs("basis"));
    assertEquals("2025Q2", land.getAs("source_period"));
    assertNull(land.getAs("ytd_growth"));
  }

  @Test
  void previousRoutinePeriodCrossesTheYear() {
    assertEquals("2025Q2", RoutineFacts.previousRoutine("2025Q3"));
    assertEquals("2024Q4", RoutineFacts.previousRoutine("2025Q1"));
    assertEquals("2024-12", RoutineFacts.previousRoutine("2025-01"));
    assertEquals("2025-08", RoutineFacts.previousRoutine("2025-09"));
  }
}
