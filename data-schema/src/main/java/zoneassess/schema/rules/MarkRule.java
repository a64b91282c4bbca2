package zoneassess.schema.rules;

/**
 * The colour mark of a zone in the ranking table, first match wins: red = vetoed or in the last
 * {@code redBottom} places of the all-zones list; yellow = a multi-year warning (delisting,
 * national exit, project drought) or any deduction; blue = in the first {@code blueTop} places or
 * moved up at least {@code blueDeltaRank} places; none otherwise.
 */
public record MarkRule(int redBottom, int blueTop, int blueDeltaRank) {
  public static final MarkRule DEFAULT = new MarkRule(3, 5, 5);
}
