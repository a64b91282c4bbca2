package zoneassess.schema.methodology;

/**
 * A transform applied to an indicator (and to its goalposts, target or benchmark) just before
 * normalisation: {@code LOG} is the natural logarithm, {@code LOG10} base 10, {@code LOG1P} ln(1 +
 * x) for counts that may be zero.
 */
public enum Transform {
  NONE,
  LOG,
  LOG10,
  LOG1P
}
