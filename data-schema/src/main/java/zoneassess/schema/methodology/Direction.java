package zoneassess.schema.methodology;

/** Whether a higher raw value is better (GDP) or worse (energy per value added). */
public enum Direction {
  HIGHER(1),
  LOWER(-1);

  private final int sign;

  Direction(int sign) {
    this.sign = sign;
  }

  /** +1 for higher-is-better, −1 for lower-is-better. */
  public int sign() {
    return sign;
  }
}
