package zoneassess.schema.routine;

import java.util.List;

/**
 * How a methodology takes part in routine (平时, quarterly or monthly) periods: which raw columns are
 * year-to-date flows (compared with the same period a year earlier) and which are stocks carried
 * from the latest annual final or latest reported value up to the period (the source period is
 * recorded).
 *
 * @param ytd flow columns reported year-to-date
 * @param carried stock columns carried forward
 * @param source the file the section was read from (or "defaults")
 */
public record RoutineSpec(List<String> ytd, List<String> carried, String source) {
  public RoutineSpec {
    ytd = List.copyOf(ytd);
    carried = List.copyOf(carried);
  }
}
