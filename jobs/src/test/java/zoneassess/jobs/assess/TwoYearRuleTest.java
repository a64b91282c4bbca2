package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.rules.AssessmentRules;

/**
 * The seed's two-year rule: no 重特大 project (≥ 50 亿元; national zones ≥ 100 亿元) landing in two
 * consecutive years, and 发展缓慢 (growth of industrial value added below the province median) in the
 * second, demotes the zone one tier; a zone already in the last tier is marked 降级.
 */
class TwoYearRuleTest extends SparkTestBase {
  private static final AssessmentRules RULES =
      RulesFixtures.small(
          "project_drought: {indicator: projects_started_1e8, years: 2, demotion_tiers: 1}",
          """
          project_drought:
              indicator: projects_started_5e9
              indicator_by_level: {national: projects_started_1e10}
              years: 2
              demotion_tiers: 1
              slow_growth: {indicator: industrial_value_added, below: province_median}
              at_lowest_tier: mark
          """);

  private static final String DDL =
      "zone_code STRING, zone_name STRING, period STRING, level STRING, eligible BOOLEAN,"
          + " rank_level INT, zones_level INT, rank_all INT, final_score DOUBLE,"
          + " projects_started_5e9 LONG, projects_started_1e10 LONG, industrial_value_added DOUBLE";

  /**
   * Growth of industrial value added 2024 → 2025: S1 1 %, S2 10 %, S3 0.5 %, S4 5 %, S5 20 %, N1 2
   * %. Sorted 0.5, 1, 2, 5, 10, 20 %: the median is (2 + 5) ÷ 2 = 3.5 %, so S3, S1 and N1 grow
   * slowly. Projects: S3 landed a 重特大 project in 2024; N1 landed a 60 亿元 project in 2025, which
   * counts for a provincial zone but not for a national one (≥ 100 亿元). So the rule fires for S1
   * (no project, slow) and N1 (no ≥ 100 亿元 project, slow), not for S3 (project in 2024) nor S2, S4,
   * S5 (fast). 2024 has no 2023 values: no growth, nothing is slow.
   */
  private Dataset<Row> zones() {
    return df(
        spark,
        DDL,
        row("S1", "一区", "2024", "provincial", true, 5, 5, 6, 40.0, 0L, 0L, 100.0),
        row("S1", "一区", "2025", "provincial", true, 5, 5, 6, 40.0, 0L, 0L, 101.0),
        row("S2", "二区", "2024", "provincial", true, 1, 5, 2, 80.0, 0L, 0L, 100.0),
        row("S2", "二区", "2025", "provincial", true, 1, 5, 2, 80.0, 0L, 0L, 110.0),
        row("S3", "三区", "2024", "provincial", true, 4, 5, 5, 50.0, 1L, 0L, 100.0),
        row("S3", "三区", "2025", "provincial", true, 4, 5, 5, 50.0, 0L, 0L, 100.5),
        row("S4", "四区", "2024", "provincial", true, 3, 5, 4, 60.0, 0L, 0L, 100.0),
        row("S4", "四区", "2025", "provincial", true, 3, 5, 4, 60.0, 0L, 0L, 105.0),
        row("S5", "五区", "2024", "provincial", true, 2, 5, 3, 70.0, 0L, 0L, 100.0),
        row("S5", "五区", "2025", "provincial", true, 2, 5, 3, 70.0, 0L, 0L, 120.0),
        row("N1", "国一", "2024", "national", true, 1, 1, 1, 90.0, 0L, 0L, 100.0),
        row("N1", "国一", "2025", "national", true, 1, 1, 1, 90.0, 1L, 0L, 102.0));
  }

  @Test
  void droughtCountsMajorProjectsAndNeedsSlowGrowth() {
    Map<String, Row> r =
        Frames.byKey(
            MultiYearConsequences.flag(zones(), RULES.consequences()), "zone_code", "period");
    assertEquals("2024,2025", r.get("S1|2025").getAs("drought_years"));
    assertEquals("2024,2025", r.get("N1|2025").getAs("drought_years"));
    assertNull(r.get("S3|2025").getAs("drought_years"), "重特大 project in 2024");
    assertNull(r.get("S4|2025").getAs("drought_years"), "5 % is above the 3.5 % median");
    assertNull(r.get("S2|2025").getAs("drought_years"));
    assertNull(r.get("S5|2025").getAs("drought_years"));
    assertNull(r.get("S1|2024").getAs("drought_years"), "one year only, no growth");
  }

  @Test
  void aZoneAlreadyInTheLowestTierIsMarkedDemoted() {
    var drought = RULES.consequences().projectDrought();
    Map<String, Row> r =
        Frames.byKey(
            TierAssignment.assign(
                    MultiYearConsequences.flag(zones(), RULES.consequences()),
                    RULES.tiers(),
                    "drought_years",
                    drought.demotionTiers(),
                    drought.markAtLowestTier())
                .filter("period = '2025'"),
            "zone_code");
    // S1: rank 6 → 第三档, the last band: stays 第三档 (0.8) but is marked 降级.
    assertEquals("第三档", r.get("S1").getAs("tier"));
    assertEquals("第三档", r.get("S1").getAs("tier_before_demotion"));
    assertEquals(0.8, r.get("S1").<Double>getAs("salary_coefficient"), 1e-9);
    assertTrue(r.get("S1").<Boolean>getAs("demoted"));
    // N1: rank 1 → 第一档, demoted to 第二档 (1.0).
    assertEquals("第二档", r.get("N1").getAs("tier"));
    assertTrue(r.get("N1").<Boolean>getAs("demoted"));
    // S3 (rank 5, last band, no drought) is not marked.
    assertFalse(r.get("S3").<Boolean>getAs("demoted"));
  }

  @Test
  void withoutTheMarkTheLowestTierIsSkipped() {
    Map<String, Row> r =
        Frames.byKey(
            TierAssignment.assign(
                    MultiYearConsequences.flag(zones(), RULES.consequences()),
                    RULES.tiers(),
                    "drought_years",
                    1,
                    false)
                .filter("period = '2025'"),
            "zone_code");
    assertFalse(r.get("S1").<Boolean>getAs("demoted"));
  }
}
