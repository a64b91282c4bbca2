package zoneassess.jobs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

final class Medians {
  private Medians() {}

  /** The median (mean of the two middle values for an even count); NaN when empty. */
  static double of(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
  }
}
