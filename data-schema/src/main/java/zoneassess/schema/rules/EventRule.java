package zoneassess.schema.rules;

import java.util.Objects;

/**
 * How one event type of {@code zone_events} is scored.
 *
 * @param eventType the {@code zone_events.event_type} value
 * @param kind veto, deduction or bonus
 * @param nameZh Chinese name used in warnings (e.g. 中央督察发现问题)
 * @param points points per finding (count) for deductions and bonuses, 0 for a veto
 * @param cap most points this event type can deduct or add in one period, or null for no cap
 */
public record EventRule(
    String eventType, EventKind kind, String nameZh, double points, Double cap) {
  public EventRule {
    Objects.requireNonNull(eventType);
    Objects.requireNonNull(kind);
    nameZh = nameZh == null ? eventType : nameZh;
  }

  /** Stable id used in the warnings mart, e.g. {@code deduction.inspection_central}. */
  public String ruleId() {
    return kind.code() + "." + eventType;
  }
}
