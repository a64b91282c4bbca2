package zoneassess.schema.methodology;

import java.util.List;
import java.util.Locale;

/**
 * How an indicator's treated values become comparable scores: one record per method, each with only
 * the parameters that method uses. All methods respect {@link Direction}: a lower-is-better
 * indicator gets its best score at its lowest value.
 */
public sealed interface Normalisation
    permits Normalisation.None,
        Normalisation.MinMax,
        Normalisation.Goalposts,
        Normalisation.ZScore,
        Normalisation.Rank,
        Normalisation.PercentileRank,
        Normalisation.RankPoints,
        Normalisation.DistanceToTarget,
        Normalisation.Benchmark {

  /** Normalisation methods; the YAML spelling is the lower-case name. */
  enum Method {
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

  /** The method this record stands for. */
  Method method();

  /** Passes values through unchanged. */
  record None() implements Normalisation {
    @Override
    public Method method() {
      return Method.NONE;
    }
  }

  /**
   * Min-max to [low, high].
   *
   * @param low lower end of the output range, 0 by default
   * @param high upper end of the output range, 100 by default
   */
  record MinMax(double low, double high) implements Normalisation {
    @Override
    public Method method() {
      return Method.MINMAX;
    }
  }

  /**
   * (x − min) / (max − min) × scale, with fixed goalposts in the indicator's own unit.
   *
   * @param cap whether the score is capped to [0, scale]
   */
  record Goalposts(double min, double max, boolean cap, double scale) implements Normalisation {
    @Override
    public Method method() {
      return Method.GOALPOSTS;
    }
  }

  /** Standard score × scale + centre. */
  record ZScore(double scale, double centre) implements Normalisation {
    @Override
    public Method method() {
      return Method.ZSCORE;
    }
  }

  /** Competition rank, 1 for the best. */
  record Rank() implements Normalisation {
    @Override
    public Method method() {
      return Method.RANK;
    }
  }

  /** Percentile rank × scale (100 by default). */
  record PercentileRank(double scale) implements Normalisation {
    @Override
    public Method method() {
      return Method.PERCENTILE_RANK;
    }
  }

  /**
   * Points by place: first for the best unit, step fewer per place, never below floor.
   *
   * @param first points for the best unit
   * @param step points lost per place
   * @param floor lowest points
   */
  record RankPoints(double first, double step, double floor) implements Normalisation {
    @Override
    public Method method() {
      return Method.RANK_POINTS;
    }
  }

  /**
   * Value ÷ target × scale.
   *
   * @param cap whether the ratio is capped at 1
   */
  record DistanceToTarget(double target, boolean cap, double scale) implements Normalisation {
    @Override
    public Method method() {
      return Method.DISTANCE_TO_TARGET;
    }
  }

  /**
   * Value ÷ benchmark × scale.
   *
   * @param capRatio upper cap on value ÷ benchmark, e.g. 2; NaN = no cap
   */
  record Benchmark(double benchmark, double capRatio, double scale) implements Normalisation {
    @Override
    public Method method() {
      return Method.BENCHMARK;
    }

    public boolean capped() {
      return !Double.isNaN(capRatio);
    }
  }

  /** Min-max to [low, high]. */
  static Normalisation minmax(double low, double high) {
    return new MinMax(low, high);
  }

  /** Passes values through unchanged. */
  static Normalisation none() {
    return new None();
  }
}
