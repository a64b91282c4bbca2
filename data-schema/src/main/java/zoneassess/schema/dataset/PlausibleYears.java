package zoneassess.schema.dataset;

import java.util.List;
import java.util.Objects;

/**
 * The years a dataset's rows can plausibly be about. A value outside them (a typo such as 2099, or
 * 1925 for 2025) is rejected rather than allowed to become, say, the latest period of a run. For a
 * period column (yyyy, yyyyQn, yyyy-MM) the year is its first four digits; for a date, its year;
 * for a whole-number column, the number itself.
 *
 * @param first first plausible year, inclusive
 * @param last last plausible year, inclusive
 * @param columns the columns checked
 */
public record PlausibleYears(int first, int last, List<String> columns) {
  public PlausibleYears {
    Objects.requireNonNull(columns);
    columns = List.copyOf(columns);
    if (first > last || columns.isEmpty()) {
      throw new IllegalArgumentException(
          "plausible years need first <= last and at least one column: " + first + "–" + last);
    }
  }
}
