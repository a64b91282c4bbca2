package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.assess.Frames.date;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class ZoneEventsByPeriodTest extends SparkTestBase {
  private static final String EVENTS =
      "zone_code STRING, event_date DATE, event_type STRING, count INT, note STRING";

  private Dataset<Row> zonePeriods(String... keys) {
    Object[][] rows = new Object[keys.length][];
    for (int i = 0; i < keys.length; i++) {
      String[] k = keys[i].split("\\|");
      rows[i] = row(k[0], k[1]);
    }
    return df(spark, "zone_code STRING, period STRING", rows);
  }

  @Test
  void deductionsAndBonusesPerEventTypeWithCountsAndCaps() {
    Dataset<Row> events =
        df(
            spark,
            EVENTS,
            // A 2025: central ×2 -> 0.6; provincial ×3 -> 0.6; award ×1 -> 0.5
            row("A", date("2025-03-01"), "inspection_central", 2, null),
            row("A", date("2025-05-01"), "inspection_provincial", 3, null),
            row("A", date("2025-06-01"), "award", null, "blank count = 1"),
            // B 2025: central ×5 -> 1.5 capped at 1.0; negative case ×1 (blank) -> 0.5;
            // total 1.5 hits the overall cap exactly; award ×3 -> 1.5 capped at 1.0
            row("B", date("2025-01-10"), "inspection_central", 5, null),
            row("B", date("2025-02-10"), "negative_case", null, null),
            row("B", date("2025-04-10"), "award", 3, null),
            // B 2024: provincial ×10 -> 2.0, over the overall cap 1.5 -> 1.5
            row("B", date("2024-04-10"), "inspection_provincial", 10, null),
            // A 2023: not an assessed period here -> no row
            row("A", date("2023-04-10"), "inspection_provincial", 1, null));
    var effects =
        ZoneEventsByPeriod.apply(
            events, zonePeriods("A|2025", "B|2025", "B|2024"), RulesFixtures.small());
    Map<String, Row> z = Frames.byKey(effects.byZone(), "zone_code", "period");
    assertEquals(3, z.size());
    assertEquals(0.6 + 0.6, z.get("A|2025").<Double>getAs("deductions"), 1e-9);
    assertEquals(0.5, z.get("A|2025").<Double>getAs("bonuses"), 1e-9);
    assertTrue(z.get("A|2025").<Boolean>getAs("eligible"));
    assertNull(z.get("A|2025").getAs("veto_reason"));
    assertEquals(1.0 + 0.5, z.get("B|2025").<Double>getAs("deductions"), 1e-9);
    assertEquals(1.0, z.get("B|2025").<Double>getAs("bonuses"), 1e-9);
    assertEquals(1.5, z.get("B|2024").<Double>getAs("deductions"), 1e-9);

    Map<String, Row> w = Frames.byKey(effects.warnings(), "zone_code", "period", "rule_id");
    Row central = w.get("B|2025|deduction.inspection_central");
    assertEquals(-1.0, central.<Double>getAs("points"), 1e-9);
    assertEquals("yellow", central.getAs("severity"));
    assertEquals("2025期间中央督察发现问题5项，扣1.00分（已达单项上限）", central.getAs("message_zh"));
    Row award = w.get("A|2025|bonus.award");
    assertEquals(0.5, award.<Double>getAs("points"), 1e-9);
    assertEquals("info", award.getAs("severity"));
    assertEquals("2025", award.getAs("triggered_years"));
  }

  @Test
  void vetoMakesZoneIneligibleWithReasons() {
    Dataset<Row> events =
        df(
            spark,
            EVENTS,
            row("C", date("2025-07-01"), "major_safety_accident", null, null),
            row("C", date("2025-08-01"), "environmental_incident", 1, null),
            row("C", date("2025-09-01"), "inspection_central", 1, null));
    var effects =
        ZoneEventsByPeriod.apply(events, zonePeriods("C|2025", "C|2024"), RulesFixtures.small());
    Map<String, Row> z = Frames.byKey(effects.byZone(), "zone_code", "period");
    Row c = z.get("C|2025");
    assertFalse(c.<Boolean>getAs("eligible"));
    // both veto reasons, sorted by code point and joined with "；"
    assertEquals("发生突发环境事件；发生重大生产安全事故", c.getAs("veto_reason"));
    assertEquals(0.3, c.<Double>getAs("deductions"), 1e-9);
    assertNull(
        z.get("C|2024"), "no events in 2024 -> no row (the assessment defaults to eligible)");
    Row veto = Frames.byKey(effects.warnings(), "rule_id").get("veto.major_safety_accident");
    assertEquals("red", veto.getAs("severity"));
    assertNull(veto.getAs("points"));
  }

  @Test
  void quarterPeriodTakesEventsUpToItsLastMonth() {
    Dataset<Row> events =
        df(
            spark,
            EVENTS,
            row("A", date("2025-09-30"), "inspection_provincial", 1, null), // in 2025Q3
            row("A", date("2025-10-01"), "inspection_provincial", 4, null), // after Q3: ignored
            row("A", date("2024-02-01"), "inspection_provincial", 2, null)); // in 2024Q3 (YTD)
    var effects =
        ZoneEventsByPeriod.apply(
            events, zonePeriods("A|2025Q3", "A|2024Q3"), RulesFixtures.small());
    Map<String, Row> z = Frames.byKey(effects.byZone(), "zone_code", "period");
    assertEquals(0.2, z.get("A|2025Q3").<Double>getAs("deductions"), 1e-9);
    assertEquals(0.4, z.get("A|2024Q3").<Double>getAs("deductions"), 1e-9);
  }

  @Test
  void noEventsMeansNoEffects() {
    Dataset<Row> none = df(spark, EVENTS);
    var effects = ZoneEventsByPeriod.apply(none, zonePeriods("A|2025"), RulesFixtures.small());
    assertEquals(0, effects.byZone().count());
    assertEquals(0, effects.warnings().count());
  }
}
