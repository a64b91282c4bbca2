package zoneassess.schema.permu;

/**
 * One scored item of a formula set: {@code min(value ÷ benchmark × weight, capMultiple × weight)}.
 *
 * @param indicator what is measured
 * @param weight points of the item
 * @param benchmark what the value is divided by
 * @param capMultiple the item score is at most this multiple of the weight; null = no cap
 * @param missing item score when the value is not computable
 */
public record ScoreItem(
    RatioIndicator indicator,
    double weight,
    Benchmark benchmark,
    Double capMultiple,
    MissingRule missing) {
  public Double cap() {
    return capMultiple == null ? null : capMultiple * weight;
  }
}
