package zoneassess.schema.routine;

/**
 * The {@code routine:} section of a rules file: the 红黄蓝 marks of the routine scoreboard and how
 * routine results weigh into the annual score.
 *
 * @param scoreboard the marks
 * @param weighting 平时/年度 weighting; null = the annual score is the annual assessment alone
 * @param source the file read (or "defaults")
 */
public record RoutineRules(Scoreboard scoreboard, AnnualWeighting weighting, String source) {

  /**
   * @param paceIndicator flow column whose year-to-date value measures the year's pace
   * @param targetGrowth the year's target as growth over last year's annual value (0.05 = 5 %)
   * @param fallingBelow a year-to-date growth below this counts as a fall
   * @param redBottom red: among the last N ranked zones
   * @param redFalling red: behind pace and at least this many indicators falling
   * @param yellowDrop yellow: lost at least this many places against the previous routine period
   * @param yellowFalling yellow: at least this many indicators falling
   * @param yellowBehindPace yellow: behind the year's pace
   * @param blueTop blue: among the first N
   * @param blueRise blue: gained at least this many places against the previous routine period
   */
  public record Scoreboard(
      String paceIndicator,
      double targetGrowth,
      double fallingBelow,
      int redBottom,
      int redFalling,
      int yellowDrop,
      int yellowFalling,
      boolean yellowBehindPace,
      int blueTop,
      int blueRise) {}

  /**
   * Annual score = routine share × routine score + annual share × annual final score, rounded to
   * the ranking decimals; the routine score is the mean of the year's routine final scores.
   *
   * @param routineShare 平时 share in percent (e.g. 30)
   * @param annualShare 年度 share in percent (e.g. 70); the two add up to 100
   * @param minPeriods fewer routine periods with a score in the year → the annual score alone
   */
  public record AnnualWeighting(double routineShare, double annualShare, int minPeriods) {}

  public static Scoreboard defaultScoreboard() {
    return new Scoreboard("gdp", 0.0, 0.0, 5, 3, 10, 4, true, 5, 10);
  }
}
