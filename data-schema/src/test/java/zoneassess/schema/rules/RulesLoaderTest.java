package zoneassess.schema.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class RulesLoaderTest {
  /** A small, complete rules file; tests below change one line of it at a time. */
  static final String MINIMAL =
      """
      id: test-rules
      ranking:
        decimals: 1
        ties: break
        tie_break:
          - dimension: open
          - column: index_score
      events:
        major_safety_accident: {kind: veto, name_zh: 重大事故}
        inspection_central: {kind: deduction, points: 0.3, cap: 1}
        award: {kind: bonus, points: 0.5}
      caps:
        deductions: 5
      progress:
        points_per_share: 20
        cap: 5
      tiers:
        basis: rank
        bands:
          - {name: 第一档, from: 1, to: 2, salary_coefficient: 1.2}
          - {name: 第二档, from: 3, salary_coefficient: 1.0}
        ineligible: {name: 不定档, salary_coefficient: 0.8}
      consequences:
        delisting: {bottom: 3, years: 3, min_hits: 2}
        project_drought: {years: 2}
      """;

  private static AssessmentRules parse(String text) {
    return RulesLoader.parse(YamlDoc.parse("r.yaml", text));
  }

  @Test
  void readsIdRankingEventsCapsProgressTiersConsequencesAndMarks() {
    AssessmentRules r = parse(MINIMAL);
    assertEquals("test-rules", r.id());
    assertEquals(1, r.ranking().decimals());
    assertEquals(
        List.of(TieBreak.dimension("open"), TieBreak.column("index_score")),
        r.ranking().tieBreak());
    assertEquals(EventKind.VETO, r.event("major_safety_accident").orElseThrow().kind());
    EventRule central = r.event("inspection_central").orElseThrow();
    assertEquals(0.3, central.points());
    assertEquals(1.0, central.cap());
    assertNull(r.event("award").orElseThrow().cap());
    assertEquals(5.0, r.deductionsCap());
    assertNull(r.bonusesCap());
    assertEquals(new ProgressRule(20, 5.0), r.progress());
    assertEquals(2, r.tiers().bands().size());
    assertNull(r.tiers().bands().get(1).toRank());
    // delisting defaults to the provincial list and to counting a vetoed year as a bottom year
    assertEquals(
        new ConsequenceRules.BottomPlaces("provincial", 3, 3, 2, true),
        r.consequences().delisting());
    assertNull(r.consequences().nationalExit());
    assertEquals(
        new ConsequenceRules.ProjectDrought("projects_started_1e8", 2, 1),
        r.consequences().projectDrought());
    assertEquals(MarkRule.DEFAULT, r.marks());
  }

  @Test
  void rankPrecisionDefaultsToTwelveDigitsAndCanBeDeclared() {
    assertEquals(12, parse(MINIMAL).ranking().significantDigits());
    String declared = MINIMAL.replace("decimals: 1\n", "decimals: 1\n  significant_digits: 10\n");
    assertEquals(10, parse(declared).ranking().significantDigits());
    String tooMany = MINIMAL.replace("decimals: 1\n", "decimals: 1\n  significant_digits: 16\n");
    SpecException e = assertThrows(SpecException.class, () -> parse(tooMany));
    // the key sits on line 4 of the file
    assertTrue(
        e.getMessage().startsWith("r.yaml:4:")
            && e.getMessage().endsWith("significant_digits must lie in 1..15, found 16"),
        e.getMessage());
  }

  @Test
  void typoInKeyNamesFileLineAndSuggestion() {
    // "ponits" is on line 10 of MINIMAL (the inspection_central entry)
    String text = MINIMAL.replace("points: 0.3", "ponits: 0.3");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertEquals(10, e.line());
    assertTrue(e.getMessage().startsWith("r.yaml:10:"), e.getMessage());
    assertTrue(e.getMessage().contains("unknown key 'ponits'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'points'?"), e.getMessage());
  }

  @Test
  void topLevelTypoIsRejected() {
    String text = MINIMAL.replace("progress:", "progres:");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    // "progres:" is on line 14, column 1
    assertTrue(e.getMessage().startsWith("r.yaml:14:1: unknown key 'progres'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'progress'?"), e.getMessage());
  }

  @Test
  void unknownEventTypeIsRejected() {
    String text = MINIMAL.replace("award:", "awrd:");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(e.getMessage().startsWith("r.yaml:11:"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'award'?"), e.getMessage());
  }

  @Test
  void tierBandsMustBeContiguous() {
    String text = MINIMAL.replace("{name: 第二档, from: 3", "{name: 第二档, from: 4");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(e.getMessage().startsWith("r.yaml:21:"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 'from: 3', found 4"), e.getMessage());
  }

  @Test
  void sharedTiesCannotHaveTieBreakers() {
    String text = MINIMAL.replace("ties: break", "ties: shared");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(
        e.getMessage().contains("'ties: shared' cannot have a tie_break list"), e.getMessage());
    // located at the tie_break list (its first item is on line 6)
    assertTrue(e.getMessage().startsWith("r.yaml:6:"), e.getMessage());
  }

  @Test
  void vetoWithPointsIsRejected() {
    String text = MINIMAL.replace("{kind: veto, name_zh: 重大事故}", "{kind: veto, points: 1}");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(e.getMessage().contains("a veto has no points"), e.getMessage());
    assertTrue(e.getMessage().startsWith("r.yaml:9:"), e.getMessage());
  }

  @Test
  void negativePointsAreRejected() {
    String text = MINIMAL.replace("points: 0.5", "points: -0.5");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(
        e.getMessage().contains("expected a number ≥ 0 at 'events.award.points'"), e.getMessage());
  }

  @Test
  void shippedRulesLoad() {
    AssessmentRules js = RulesLoader.load("classpath:rules/jiangsu-2021-rules.yaml");
    assertEquals("jiangsu-2021-rules", js.id());
    assertTrue(js.ranking().sharedTies());
    assertEquals(0.3, js.event("inspection_central").orElseThrow().points());
    assertEquals(0.2, js.event("inspection_provincial").orElseThrow().points());
    assertEquals(4, js.tiers().bands().size());
    assertEquals(2, js.consequences().delisting().minHits());
    assertEquals(5, js.consequences().nationalExit().bottom());
    AssessmentRules nat = RulesLoader.load("classpath:rules/national-2021-rules.yaml");
    assertEquals(List.of(TieBreak.column("index_score")), nat.ranking().tieBreak());
    assertNull(nat.consequences().delisting());
  }

  @Test
  void missingFileIsNamed() {
    SpecException e =
        assertThrows(SpecException.class, () -> RulesLoader.load("classpath:rules/nope.yaml"));
    assertTrue(e.getMessage().startsWith("classpath:rules/nope.yaml:"), e.getMessage());
  }
}
