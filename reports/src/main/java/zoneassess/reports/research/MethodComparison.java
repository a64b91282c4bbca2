package zoneassess.reports.research;

/**
 * One zone in one period under methodologies A and B ({@code method_comparison}). Scores and ranks
 * are null when the zone is unranked under that methodology.
 *
 * @param rankShift rank A − rank B: positive = the zone moves UP under B
 */
public record MethodComparison(
    String period,
    String zoneCode,
    String zoneName,
    String city,
    String level,
    Double scoreA,
    Integer rankA,
    Double scoreB,
    Integer rankB,
    Double scoreChange,
    Integer rankShift) {

  /** 国家级 / 省级 for the English level codes; other values as written. */
  public String levelZh() {
    if (level == null) {
      return null;
    }
    return switch (level.toLowerCase(java.util.Locale.ROOT)) {
      case "national" -> "国家级";
      case "provincial" -> "省级";
      default -> level;
    };
  }
}
