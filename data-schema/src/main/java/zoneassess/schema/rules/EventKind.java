package zoneassess.schema.rules;

import java.util.Locale;

/** What an event of a given type does to a zone's assessment in the event's period. */
public enum EventKind {
  /** The zone is not eligible for the period: it gets no rank and the ineligible tier. */
  VETO,
  /** Points subtracted from the index score, per finding. */
  DEDUCTION,
  /** Points added to the index score, per award. */
  BONUS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
