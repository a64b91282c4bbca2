package zoneassess.schema.methodology;

import java.util.List;
import java.util.Locale;

/**
 * How an indicator's treated values become comparable scores. Parameters that a method does not use
 * are NaN. All methods respect {@link Direction}: a lower-is-better indicator gets its best score
 * at its lowest value.
 *
 * @param method the method
 * @param low lower end of the output range (minmax), 0 by default
 * @param high upper end of the output range (minmax), 100 by default
 * @param min lower goalpost (goalposts), in the indicator's own unit
 * @param max upper goalpost (goalposts)
 * @param cap whether goalposts and distance-to-target scores are capped to their range
 * @param target target value (distance_to_target)
 * @param benchmark benchmark value (benchmark)
 * @param capRatio upper cap on value ÷ benchmark (benchmark), e.g. 2; NaN = no cap
 * @param scale multiplier applied to the score (goalposts, zscore, percentile, target, benchmark)
 * @param centre added after scaling (zscore)
 * @param first points for the best unit (rank_points)
 * @param step points lost per place (rank_points)
 * @param floor lowest points (rank_points)
 */
public record Normalisation(
    Method method,
    double low,
    double high,
    double min,
    double max,
    boolean cap,
    double target,
    double benchmark,
    double capRatio,
    double scale,
    double centre,
    double first,
    double step,
    double floor) {

  /** Normalisation methods; the YAML spelling is the lower-case name. */
  public enum Method {
    NONE,
    MINMAX,
    GOALPOSTS,
    ZSCORE,
    RANK,
    PERCENTILE_RANK,
    RANK_POINTS,
    DISTANCE_TO_TARGET,
    BENCHMARK;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> yamlNames() {
      return java.util.Arrays.stream(values()).map(Method::yamlName).toList();
    }
  }

  /** Min-max to [low, high]. */
  public static Normalisation minmax(double low, double high) {
    return new Normalisation(
        Method.MINMAX,
        low,
        high,
        Double.NaN,
        Double.NaN,
        false,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        1,
        0,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }

  /** Passes values through unchanged. */
  public static Normalisation none() {
    return new Normalisation(
        Method.NONE,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        false,
        Double.NaN,
        Double.NaN,
        Double.NaN,
        1,
        0,
        Double.NaN,
        Double.NaN,
        Double.NaN);
  }
}
