package zoneassess.schema.rules;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules of an assessment round applied around the composite index: events (veto, deductions,
 * bonuses), ranking and ties, progress points, tiers and salary coefficients, multi-year
 * consequences and colour marks. Loaded by {@link RulesLoader}; documented in {@code
 * docs/assessment-rules.md}.
 *
 * @param id rules id, e.g. {@code jiangsu-2021-rules}
 * @param nameZh Chinese title
 * @param version version string
 * @param source where the rules were read from (file or classpath: name)
 * @param events event rules in file order
 * @param deductionsCap most deduction points in one period overall, or null
 * @param bonusesCap most bonus points in one period overall, or null
 */
public record AssessmentRules(
    String id,
    String nameZh,
    String version,
    String source,
    RankingRule ranking,
    List<EventRule> events,
    Double deductionsCap,
    Double bonusesCap,
    ProgressRule progress,
    TierRules tiers,
    ConsequenceRules consequences,
    MarkRule marks) {

  public AssessmentRules {
    Objects.requireNonNull(id);
    Objects.requireNonNull(ranking);
    events = List.copyOf(events);
    Objects.requireNonNull(progress);
    Objects.requireNonNull(tiers);
    Objects.requireNonNull(consequences);
    Objects.requireNonNull(marks);
  }

  public Optional<EventRule> event(String eventType) {
    return events.stream().filter(e -> e.eventType().equals(eventType)).findFirst();
  }

  public List<EventRule> events(EventKind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }
}
