package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.rules.ConsequenceRules;
import zoneassess.schema.rules.ConsequenceRules.BottomPlaces;
import zoneassess.schema.rules.ConsequenceRules.ProjectDrought;

class MultiYearConsequencesTest extends SparkTestBase {
  private static final String DDL =
      "zone_code STRING, zone_name STRING, period STRING, level STRING, eligible BOOLEAN,"
          + " rank_level INT, zones_level INT, projects_started_1e8 LONG";

  /**
   * Bottom 3 of 2 of 3 years (provincial), bottom 5 two years running (national), 2-year drought.
   */
  private static final ConsequenceRules RULES =
      new ConsequenceRules(
          new BottomPlaces("provincial", 3, 3, 2, true),
          new BottomPlaces("national", 5, 2, 2, true),
          new ProjectDrought("projects_started_1e8", 2, 1));

  /**
   * Provincial list of 10 zones each year (bottom 3 = rank_level ≥ 8): P1: 9 (2023), 5 (2024), 8
   * (2025) → bottom in 2023 and 2025 → delisting in 2025 ("2023,2025"). P2: 9 (2023), 5 (2024), 6
   * (2025) → one hit in 2023–2025 → no warning. P3: 8 (2024), vetoed in 2025 (a vetoed year counts
   * as a bottom year) → "2024,2025". National list of 8 zones (bottom 5 = rank_level ≥ 4): N1: 4
   * (2024), 8 (2025) → national exit in 2025 ("2024,2025"); N2: 4 (2023), 2 (2024), 5 (2025) → not
   * two years running. Projects: P2 none in 2024 and 2025 → drought in 2025 ("2024,2025"); P1 none
   * in 2025 only.
   */
  private Dataset<Row> history() {
    return df(
        spark,
        DDL,
        row("P1", "一区", "2023", "provincial", true, 9, 10, 1L),
        row("P1", "一区", "2024", "provincial", true, 5, 10, 2L),
        row("P1", "一区", "2025", "provincial", true, 8, 10, 0L),
        row("P2", "二区", "2023", "provincial", true, 9, 10, 1L),
        row("P2", "二区", "2024", "provincial", true, 5, 10, 0L),
        row("P2", "二区", "2025", "provincial", true, 6, 10, 0L),
        row("P3", "三区", "2024", "provincial", true, 8, 10, 1L),
        row("P3", "三区", "2025", "provincial", false, null, 9, 1L),
        row("N1", "国一", "2024", "national", true, 4, 8, 1L),
        row("N1", "国一", "2025", "national", true, 8, 8, 1L),
        row("N2", "国二", "2023", "national", true, 4, 8, 1L),
        row("N2", "国二", "2024", "national", true, 2, 8, 1L),
        row("N2", "国二", "2025", "national", true, 5, 8, 1L));
  }

  @Test
  void bottomThreeInTwoOfThreeYears() {
    Map<String, Row> r =
        Frames.byKey(MultiYearConsequences.flag(history(), RULES), "zone_code", "period");
    assertEquals("2023,2025", r.get("P1|2025").getAs("delisting_years"));
    assertNull(r.get("P1|2024").getAs("delisting_years"), "only 2023 in 2022–2024");
    assertNull(r.get("P2|2025").getAs("delisting_years"));
    // P3: 8 ≥ 10 − 3 + 1 in 2024, vetoed in 2025 counts as a bottom year
    assertEquals("2024,2025", r.get("P3|2025").getAs("delisting_years"));
    assertNull(
        r.get("N1|2025").getAs("delisting_years"), "national zones are not delisted by this rule");
  }

  @Test
  void vetoedYearCountsOnlyWhenRulesSaySo() {
    ConsequenceRules noVeto =
        new ConsequenceRules(new BottomPlaces("provincial", 3, 3, 2, false), null, null);
    Map<String, Row> r =
        Frames.byKey(MultiYearConsequences.flag(history(), noVeto), "zone_code", "period");
    assertNull(r.get("P3|2025").getAs("delisting_years"));
  }

  @Test
  void bottomFiveTwoYearsRunning() {
    Map<String, Row> r =
        Frames.byKey(MultiYearConsequences.flag(history(), RULES), "zone_code", "period");
    // 8 national zones: bottom 5 = ranks 4..8. N1 4 then 8 -> both years
    assertEquals("2024,2025", r.get("N1|2025").getAs("national_exit_years"));
    assertNull(r.get("N1|2024").getAs("national_exit_years"), "no 2023 row: one year only");
    // N2: 4 (2023), 2 (2024), 5 (2025): never two in a row
    assertNull(r.get("N2|2025").getAs("national_exit_years"));
    assertNull(r.get("N2|2024").getAs("national_exit_years"));
  }

  @Test
  void twoYearProjectDroughtWithTriggeringYears() {
    Dataset<Row> flagged = MultiYearConsequences.flag(history(), RULES);
    Map<String, Row> r = Frames.byKey(flagged, "zone_code", "period");
    assertEquals("2024,2025", r.get("P2|2025").getAs("drought_years"));
    assertNull(r.get("P2|2024").getAs("drought_years"), "2023 had a project");
    assertNull(r.get("P1|2025").getAs("drought_years"), "2024 had two projects");
    Map<String, Row> w =
        Frames.byKey(
            MultiYearConsequences.warnings(flagged, RULES), "zone_code", "period", "rule_id");
    Row drought = w.get("P2|2025|consequence.project_drought");
    assertEquals("2024,2025", drought.getAs("triggered_years"));
    assertEquals("二区：连续2年（2024,2025年）无1亿元以上重大项目开工，薪酬系数降1档", drought.getAs("message_zh"));
    assertEquals(
        "一区：近3年中有2年（2023,2025年）位列省级开发区考核后3名，触发撤销（退出）预警",
        w.get("P1|2025|consequence.delisting").getAs("message_zh"));
    assertEquals(
        "国一：连续2年（2024,2025年）位列国家级开发区考核后5名，触发退出国家级开发区名单预警",
        w.get("N1|2025|consequence.national_exit").getAs("message_zh"));
    assertEquals(4, w.size());
  }
}
