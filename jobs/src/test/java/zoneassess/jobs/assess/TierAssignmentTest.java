package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class TierAssignmentTest extends SparkTestBase {
  @Test
  void ranksMapToTiersAndDroughtDemotesOneTier() {
    // small rules: 1–2 第一档 1.2, 3–4 第二档 1.0, 5– 第三档 0.8, vetoed 不定档 0.5
    var d =
        df(
            spark,
            "zone_code STRING, rank_all INT, final_score DOUBLE, drought_years STRING",
            row("A", 1, 90.0, null), // 第一档 1.2
            row("B", 2, 85.0, "2024,2025"), // 第一档 demoted to 第二档 1.0
            row("C", 4, 70.0, null), // 第二档 1.0
            row("D", 5, 60.0, "2024,2025"), // 第三档 is the last band: stays 0.8, not demoted
            row("E", 9, 10.0, null), // open-ended last band: 第三档 0.8
            row("V", null, 95.0, "2024,2025")); // vetoed: 不定档 0.5
    Map<String, Row> r =
        Frames.byKey(
            TierAssignment.assign(d, RulesFixtures.small().tiers(), "drought_years", 1),
            "zone_code");
    assertEquals("第一档", r.get("A").getAs("tier"));
    assertEquals(1.2, r.get("A").<Double>getAs("salary_coefficient"), 1e-9);
    assertEquals("第二档", r.get("B").getAs("tier"));
    assertEquals("第一档", r.get("B").getAs("tier_before_demotion"));
    assertEquals(1.0, r.get("B").<Double>getAs("salary_coefficient"), 1e-9);
    assertTrue(r.get("B").<Boolean>getAs("demoted"));
    assertEquals("第二档", r.get("C").getAs("tier"));
    assertEquals("第三档", r.get("D").getAs("tier"));
    assertFalse(r.get("D").<Boolean>getAs("demoted"));
    assertEquals(0.8, r.get("E").<Double>getAs("salary_coefficient"), 1e-9);
    assertEquals("不定档", r.get("V").getAs("tier"));
    assertEquals(0.5, r.get("V").<Double>getAs("salary_coefficient"), 1e-9);
    assertFalse(r.get("V").<Boolean>getAs("demoted"));
  }

  @Test
  void scoreBasedTiers() {
    var rules =
        RulesFixtures.small(
            """
              basis: rank
              bands:
                - {name: 第一档, from: 1, to: 2, salary_coefficient: 1.2}
                - {name: 第二档, from: 3, to: 4, salary_coefficient: 1.0}
                - {name: 第三档, from: 5, salary_coefficient: 0.8}
            """,
            """
              basis: score
              bands:
                - {name: 优秀, min_score: 80, salary_coefficient: 1.2}
                - {name: 良好, min_score: 60, salary_coefficient: 1.0}
                - {name: 一般, salary_coefficient: 0.8}
            """);
    var d =
        df(
            spark,
            "zone_code STRING, rank_all INT, final_score DOUBLE, drought_years STRING",
            row("A", 3, 80.0, null), // 80 ≥ 80 (inclusive) -> 优秀
            row("B", 1, 79.99, null), // below 80, ≥ 60 -> 良好
            row("C", 2, 12.0, null)); // -> 一般
    Map<String, Row> r =
        Frames.byKey(TierAssignment.assign(d, rules.tiers(), "drought_years", 1), "zone_code");
    assertEquals("优秀", r.get("A").getAs("tier"));
    assertEquals("良好", r.get("B").getAs("tier"));
    assertEquals("一般", r.get("C").getAs("tier"));
  }
}
