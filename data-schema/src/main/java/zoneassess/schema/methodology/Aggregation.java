package zoneassess.schema.methodology;

/**
 * How an aggregate combines its children's scores.
 *
 * @param method weighted arithmetic, geometric or harmonic mean, or weighted sum
 * @param missing what happens when a child's score is missing
 */
public record Aggregation(Method method, MissingChildren missing) {

  /** Aggregation methods; YAML spelling is lower case. */
  public enum Method {
    ARITHMETIC,
    GEOMETRIC,
    HARMONIC,
    WEIGHTED_SUM
  }

  /**
   * {@code REWEIGHT}: leave the missing child out and rescale the remaining weights to their
   * original total (COINr's default); {@code MISSING}: the aggregate is missing too.
   */
  public enum MissingChildren {
    REWEIGHT,
    MISSING
  }

  public static Aggregation arithmetic() {
    return new Aggregation(Method.ARITHMETIC, MissingChildren.REWEIGHT);
  }
}
