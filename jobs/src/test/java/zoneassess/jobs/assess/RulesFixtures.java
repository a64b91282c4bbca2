package zoneassess.jobs.assess;

import zoneassess.schema.rules.AssessmentRules;
import zoneassess.schema.rules.RulesLoader;
import zoneassess.schema.yaml.YamlDoc;

/** Named rules fixtures with small, round numbers so expected values can be derived by hand. */
final class RulesFixtures {
  private RulesFixtures() {}

  /**
   * Veto for safety accidents and environmental incidents; central finding 0.3 (cap 1.0),
   * provincial 0.2 (no cap), negative case 0.5; award 0.5 (cap 1.0); total deductions cap 1.5;
   * progress 20 per share, cap 5; tiers by rank 1–2 第一档 1.2, 3–4 第二档 1.0, 5– 第三档 0.8, vetoed 不定档
   * 0.5; delisting bottom 2 of provincial in 2 of 3 years; national exit bottom 1 two years
   * running; drought 2 years, demotion 1 tier.
   */
  static final String SMALL =
      """
      id: small-rules
      ranking: {decimals: 1, ties: shared}
      events:
        major_safety_accident: {kind: veto, name_zh: 发生重大生产安全事故}
        environmental_incident: {kind: veto, name_zh: 发生突发环境事件}
        inspection_central: {kind: deduction, name_zh: 中央督察发现问题, points: 0.3, cap: 1.0}
        inspection_provincial: {kind: deduction, name_zh: 省级督察发现问题, points: 0.2}
        negative_case: {kind: deduction, name_zh: 负面典型案例, points: 0.5}
        award: {kind: bonus, name_zh: 表彰奖励, points: 0.5, cap: 1.0}
      caps: {deductions: 1.5}
      progress: {points_per_share: 20, cap: 5}
      tiers:
        basis: rank
        bands:
          - {name: 第一档, from: 1, to: 2, salary_coefficient: 1.2}
          - {name: 第二档, from: 3, to: 4, salary_coefficient: 1.0}
          - {name: 第三档, from: 5, salary_coefficient: 0.8}
        ineligible: {name: 不定档, salary_coefficient: 0.5}
      consequences:
        delisting: {level: provincial, bottom: 2, years: 3, min_hits: 2}
        national_exit: {level: national, bottom: 1, years: 2, min_hits: 2}
        project_drought: {indicator: projects_started_1e8, years: 2, demotion_tiers: 1}
      marks: {red_bottom: 1, blue_top: 1, blue_delta_rank: 2}
      """;

  static AssessmentRules small() {
    return RulesLoader.parse(YamlDoc.parse("small-rules.yaml", SMALL));
  }

  static AssessmentRules small(String from, String to) {
    return RulesLoader.parse(YamlDoc.parse("small-rules.yaml", SMALL.replace(from, to)));
  }
}
