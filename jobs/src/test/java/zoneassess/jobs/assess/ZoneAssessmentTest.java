package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.marts.AssessmentMarts;

/**
 * The whole chain on {@link AssessmentFixtures} with {@link RulesFixtures#small()} (1 decimal,
 * shared ties, progress 20 per share capped at 5, tiers 1–2 / 3–4 / 5–, delisting bottom 2 of the
 * provincial list in 2 of 3 years, national exit bottom 1 two years running, 2-year drought).
 *
 * <pre>
 * 2023 provisional = final (no previous period, no events): A 80 (1), B 70 (2), C 60 (3), D 50 (4), E 40 (5)
 * 2024 provisional (rounded to 1 decimal): A 75.0 (1), C 74.0 (2), B 72.0 (3), D 60.0 (4), E 60.0 (4)
 *      D 59.96 and E 60.04 both round to 60.0 and share 4th (unrounded, E would be 4th, D 5th).
 *      progress vs 2023: C 3→2: (3−2)/3×20 = 6.67, capped 5 → 79.0; E 5→4: (5−4)/5×20 = 4 → 64.0
 *      final: C 79.0 (1), A 75.0 (2), B 72.0 (3), E 64.0 (4), D 60.0 (5)
 * 2025 provisional: A 76 − 0.6 + 0.5 = 75.9 (1), E 71.0 (2), C 70.0 (3), F 50.0 (4); B vetoed
 *      progress vs 2024 provisional: E 4→2: (4−2)/4×20 = 10, capped 5 → 76.0; A 1→1, C 2→3: 0
 *      final: E 76.0 (1), A 75.9 (2), C 70.0 (3), F 50.0 (4); B unranked; D has no row
 * </pre>
 */
class ZoneAssessmentTest extends SparkTestBase {
  private static ZoneAssessment.AssessmentResult result;
  private static Map<String, Row> rows;
  private static Map<String, Row> warnings;
  private static Map<String, Row> dimensions;
  private static Map<String, Row> indicators;

  @BeforeAll
  static void assess() {
    result =
        ZoneAssessment.assess(
            AssessmentFixtures.facts(spark),
            AssessmentFixtures.scored(spark),
            AssessmentFixtures.events(spark),
            RulesFixtures.small());
    rows = Frames.byKey(result.assessment(), "zone_code", "period");
    warnings = Frames.byKey(result.warnings(), "zone_code", "period", "rule_id");
    dimensions = Frames.byKey(result.dimensions(), "zone_code", "period", "dimension_code");
    indicators = Frames.byKey(result.indicators(), "zone_code", "period", "indicator_code");
  }

  private static Row r(String key) {
    return rows.get(key);
  }

  @Test
  void martHasContractColumns() {
    assertEquals(AssessmentMarts.ASSESSMENT.columnNames(), List.of(result.assessment().columns()));
    assertEquals(15, rows.size());
  }

  @Test
  void roundingBeforeRankingMakesATie() {
    assertEquals(4, (int) r("D|2024").getAs("provisional_rank_all"));
    assertEquals(4, (int) r("E|2024").getAs("provisional_rank_all"));
  }

  @Test
  void progressPointsUseProvisionalRanksAndFinalRanksFollow() {
    assertEquals(5.0, r("C|2024").<Double>getAs("progress_points"), 1e-9);
    assertEquals(79.0, r("C|2024").<Double>getAs("final_score"), 1e-9);
    assertEquals(4.0, r("E|2024").<Double>getAs("progress_points"), 1e-9);
    assertEquals(64.0, r("E|2024").<Double>getAs("final_score"), 1e-9);
    assertEquals(1, (int) r("C|2024").getAs("rank_all"));
    assertEquals(5, (int) r("D|2024").getAs("rank_all"));
    // 2025: E 4→2 provisional: 10 capped at 5
    assertEquals(5.0, r("E|2025").<Double>getAs("progress_points"), 1e-9);
    assertEquals(76.0, r("E|2025").<Double>getAs("final_score"), 1e-9);
    assertEquals(75.9, r("A|2025").<Double>getAs("final_score"), 1e-9);
    assertEquals(0.6, r("A|2025").<Double>getAs("deductions"), 1e-9);
    assertEquals(0.5, r("A|2025").<Double>getAs("bonuses"), 1e-9);
    assertEquals(1, (int) r("E|2025").getAs("rank_all"));
    assertEquals(2, (int) r("A|2025").getAs("rank_all"));
    assertEquals(4, (int) r("F|2025").getAs("rank_all"));
    assertEquals(4, (int) r("F|2025").getAs("zones_all"));
  }

  @Test
  void vetoedZoneIsListedUnranked() {
    Row b = r("B|2025");
    assertFalse(b.<Boolean>getAs("eligible"));
    assertEquals("发生重大生产安全事故", b.getAs("veto_reason"));
    assertNull(b.getAs("rank_all"));
    assertNull(b.getAs("rank_city"));
    assertNull(b.getAs("progress_class"));
    assertEquals(3, (int) b.getAs("prev_rank_all"), "its 2024 final rank is still shown");
    assertEquals("不定档", b.getAs("tier"));
    assertEquals(0.5, b.<Double>getAs("salary_coefficient"), 1e-9);
    assertEquals("red", b.getAs("mark"));
  }

  @Test
  void deltaAndProgressClassOnFinalRanks() {
    // 2024 vs 2023 final: C 3→1 (+2), A 1→2 (−1), E 5→4 (+1)
    assertEquals(2, (int) r("C|2024").getAs("delta_rank"));
    assertEquals(RankProgress.UP, r("C|2024").getAs("progress_class"));
    assertEquals(-1, (int) r("A|2024").getAs("delta_rank"));
    assertEquals(RankProgress.DOWN, r("A|2024").getAs("progress_class"));
    // 2025 vs 2024 final: E 4→1 (+3), A 2→2 (0), C 1→3 (−2), F new
    assertEquals(3, (int) r("E|2025").getAs("delta_rank"));
    assertEquals(RankProgress.SAME, r("A|2025").getAs("progress_class"));
    assertEquals(-2, (int) r("C|2025").getAs("delta_rank"));
    assertEquals(RankProgress.NEW, r("F|2025").getAs("progress_class"));
    assertNull(r("F|2025").getAs("prev_rank_all"));
    assertEquals(RankProgress.NEW, r("A|2023").getAs("progress_class"));
  }

  @Test
  void disappearingZoneDoesNotShiftOthers() {
    assertNull(r("D|2025"));
    // C's previous rank is its own 2024 rank 1, whatever D did
    assertEquals(1, (int) r("C|2025").getAs("prev_rank_all"));
  }

  @Test
  void listsByLevelAndCity() {
    // 2025 national: E 76.0 (1), A 75.9 (2); provincial: C 70 (1), F 50 (2)
    assertEquals(2, (int) r("A|2025").getAs("rank_level"));
    assertEquals(2, (int) r("F|2025").getAs("rank_level"));
    // 淮安: A 1, F 2 (B vetoed); 南京: E 1, C 2
    assertEquals(1, (int) r("A|2025").getAs("rank_city"));
    assertEquals(2, (int) r("F|2025").getAs("rank_city"));
    assertEquals(2, (int) r("C|2025").getAs("rank_city"));
  }

  @Test
  void tiersDemotionMarksAndWarnings() {
    // A: rank 2 -> 第一档, but no project in 2024 and 2025 -> 第二档 1.0
    Row a = r("A|2025");
    assertEquals("第二档", a.getAs("tier"));
    assertEquals(1.0, a.<Double>getAs("salary_coefficient"), 1e-9);
    assertTrue(a.<Boolean>getAs("demoted"));
    assertEquals("yellow", a.getAs("mark")); // drought and a deduction
    assertEquals(2, (int) a.getAs("warning_count")); // central deduction + drought (yellow)
    assertEquals("第一档", r("E|2025").getAs("tier"));
    assertEquals(1.2, r("E|2025").<Double>getAs("salary_coefficient"), 1e-9);
    assertEquals("blue", r("E|2025").getAs("mark")); // 1st place
    assertEquals("red", r("F|2025").getAs("mark")); // last of 4 (red_bottom 1)
    assertEquals("第二档", r("F|2025").getAs("tier")); // rank 4

    Map<String, Row> w = warnings;
    // provincial lists (bottom 2 = rank_level > zones_level − 2):
    // 2023: B 1, C 2, D 3 of 3 -> C, D; 2024: C 1, B 2, D 3 of 3 -> B, D; 2025: C 1, F 2 of 2 -> C,
    // F; B vetoed
    assertEquals("2023,2025", w.get("C|2025|consequence.delisting").getAs("triggered_years"));
    assertEquals("2024,2025", w.get("B|2025|consequence.delisting").getAs("triggered_years"));
    assertEquals("2023,2024", w.get("D|2024|consequence.delisting").getAs("triggered_years"));
    assertNull(w.get("F|2025|consequence.delisting"));
    // national lists (bottom 1): 2023 A 80, E 40 -> E; 2024 A 75.0, E 64.0 -> E; 2025 E 76.0, A
    // 75.9 -> A
    assertEquals("2023,2024", w.get("E|2024|consequence.national_exit").getAs("triggered_years"));
    assertNull(w.get("A|2025|consequence.national_exit"));
    assertEquals("2024,2025", w.get("A|2025|consequence.project_drought").getAs("triggered_years"));
    Row progress = w.get("E|2025|progress.rank_gain");
    assertEquals(5.0, progress.<Double>getAs("points"), 1e-9);
    assertEquals("戊区：预排名由上期第4名升至第2名，前进2位，获进位加分5.00分", progress.getAs("message_zh"));
    assertEquals("甲区：档次由第一档降为第二档，薪酬系数为1.00", w.get("A|2025|tier.demotion").getAs("message_zh"));
    assertEquals(-0.6, w.get("A|2025|deduction.inspection_central").<Double>getAs("points"), 1e-9);
  }

  @Test
  void dimensionAndIndicatorMarts() {
    Map<String, Row> d = dimensions;
    // 2025 open: A 80 (1), C 60 (2), E 60 (2), F 40 (4); mean (80+60+60+40)/4 = 60; best 80
    assertEquals(2, (int) d.get("E|2025|open").getAs("rank_all"));
    assertEquals(4, (int) d.get("F|2025|open").getAs("rank_all"));
    assertEquals(60.0, d.get("F|2025|open").<Double>getAs("province_mean"), 1e-9);
    assertEquals(80.0, d.get("F|2025|open").<Double>getAs("province_best"), 1e-9);
    Map<String, Row> i = indicators;
    // gdp (higher), values C 50, E 50, A 100: percent_rank C 0, E 0, A 2/2 -> 0, 0, 100; F no value
    assertEquals(100.0, i.get("A|2025|gdp").<Double>getAs("percentile"), 1e-9);
    assertEquals(0.0, i.get("C|2025|gdp").<Double>getAs("percentile"), 1e-9);
    assertNull(i.get("F|2025|gdp").getAs("percentile"));
    // energy (lower), worst to best E 3, C 2, A 1 -> 0, 50, 100
    assertEquals(50.0, i.get("C|2025|energy").<Double>getAs("percentile"), 1e-9);
    assertEquals(100.0, i.get("A|2025|energy").<Double>getAs("percentile"), 1e-9);
  }

  @Test
  void tieBrokenByDimensionScore() {
    var rules =
        RulesFixtures.small(
            "ranking: {decimals: 1, ties: shared}",
            "ranking: {decimals: 1, ties: break, tie_break: [{dimension: open}]}");
    Map<String, Row> r =
        Frames.byKey(
            ZoneAssessment.assess(
                    AssessmentFixtures.facts(spark),
                    AssessmentFixtures.scored(spark),
                    AssessmentFixtures.events(spark),
                    rules)
                .assessment(),
            "zone_code",
            "period");
    // 2024 D and E tie at 60.0; open: D 30 > E 20 -> D 4th, E 5th (provisional)
    assertEquals(4, (int) r.get("D|2024").getAs("provisional_rank_all"));
    assertEquals(5, (int) r.get("E|2024").getAs("provisional_rank_all"));
    // E 5→5 earns nothing: final E 60.0, D 60.0, broken again by open: D 4, E 5
    assertEquals(0.0, r.get("E|2024").<Double>getAs("progress_points"), 1e-9);
    assertEquals(4, (int) r.get("D|2024").getAs("rank_all"));
    assertEquals(5, (int) r.get("E|2024").getAs("rank_all"));
  }
}
