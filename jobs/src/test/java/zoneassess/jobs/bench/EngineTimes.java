package zoneassess.jobs.bench;

import java.util.List;

/** Median wall times (seconds) of one query in Spark and in DuckDB, and whether they agreed. */
record EngineTimes(
    String query,
    List<Double> sparkSeconds,
    List<Double> duckdbSeconds,
    int rows,
    boolean equal,
    String difference) {
  double sparkMedian() {
    return Medians.of(sparkSeconds);
  }

  double duckdbMedian() {
    return Medians.of(duckdbSeconds);
  }

  double ratio() {
    return sparkMedian() / duckdbMedian();
  }
}
