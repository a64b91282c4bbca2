package zoneassess.schema.permu;

/**
 * The value an indicator is divided by. Either a fixed value in the indicator's unit, or a multiple
 * of the prior-year average of the firms in the same grouping (same formula set, in scope, value
 * computable). When the grouping has no computable value in the prior year, the same year's average
 * is used (the first evaluated year).
 *
 * @param fixed the fixed value, or null for an average-based benchmark
 * @param multiple multiple of the average (ignored when fixed)
 * @param group grouping whose average is taken
 * @param pooled true: average = Σ numerator ÷ Σ denominator × factor (a pooled ratio); false: the
 *     arithmetic mean of the firms' ratios
 */
public record Benchmark(Double fixed, double multiple, Grouping group, boolean pooled) {
  public static Benchmark fixedValue(double value) {
    return new Benchmark(value, 1.0, Grouping.COUNTY, true);
  }

  public boolean isFixed() {
    return fixed != null;
  }
}
