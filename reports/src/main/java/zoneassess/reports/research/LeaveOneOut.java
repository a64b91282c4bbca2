package zoneassess.reports.research;

/**
 * A zone's rank when one indicator is dropped ({@code leave_one_out}).
 *
 * @param droppedIndicatorName Chinese name, may be null
 * @param rankShift rank without − nominal rank: positive = the zone FALLS without the indicator
 */
public record LeaveOneOut(
    String droppedIndicator,
    String droppedIndicatorName,
    String zoneCode,
    Integer nominalRank,
    Integer rankWithout,
    Integer rankShift) {

  /** The indicator as shown: its Chinese name, else its code. */
  public String indicatorLabel() {
    return droppedIndicatorName == null || droppedIndicatorName.isBlank()
        ? droppedIndicator
        : droppedIndicatorName;
  }
}
