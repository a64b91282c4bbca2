package zoneassess.reports.pack;

import java.util.List;

/** The provincial median the packs compare with (of ranked zones' scores, of indicator values). */
final class Median {
  private Median() {}

  /** Median of the values; NaN when there are none. */
  static double of(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
