package zoneassess.schema.methodology;

/**
 * Iterative winsorisation. An indicator fails when |sample skewness| ≥ {@code skewness} and sample
 * excess kurtosis ≥ {@code kurtosis} (as Excel's SKEW and KURT). While it fails, every value equal
 * to the current maximum (minimum when skew is negative) is replaced by the next value inward; at
 * most {@code maxRounds} rounds. If it still fails, the fallback applies to the original values.
 *
 * @param winsorise false = no treatment
 * @param skewness skewness threshold (absolute value)
 * @param kurtosis excess kurtosis threshold
 * @param maxRounds fixed number of rounds, or 0 to use {@code maxShare}
 * @param maxShare rounds = ⌈maxShare × number of non-missing values⌉ when maxRounds is 0
 * @param logFallback true: log(x − min + 0.01 (max − min)) when winsorising did not help
 */
public record OutlierTreatment(
    boolean winsorise,
    double skewness,
    double kurtosis,
    int maxRounds,
    double maxShare,
    boolean logFallback) {

  public static OutlierTreatment none() {
    return new OutlierTreatment(false, 2, 3.5, 0, 0.1, false);
  }
}
