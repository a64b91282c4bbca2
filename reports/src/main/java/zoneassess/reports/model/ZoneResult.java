package zoneassess.reports.model;

/** One zone in one period of the {@code assessment} mart. */
public record ZoneResult(
    String zoneCode,
    String zoneName,
    String city,
    String county,
    String region,
    String level,
    String zoneType,
    String period,
    String methodologyId,
    String methodologyVersion,
    Double indexScore,
    Double deductions,
    Double bonuses,
    Double progressPoints,
    Double finalScore,
    boolean eligible,
    String vetoReason,
    Integer rankAll,
    Integer rankLevel,
    Integer rankCity,
    Integer zonesAll,
    Integer prevRankAll,
    Integer deltaRank,
    String progressClass,
    String tier,
    Double salaryCoefficient,
    String mark,
    int warningCount) {

  /** The same zone with another mark (the pack's mark derived from the warnings). */
  public ZoneResult withMark(String newMark) {
    return new ZoneResult(
        zoneCode,
        zoneName,
        city,
        county,
        region,
        level,
        zoneType,
        period,
        methodologyId,
        methodologyVersion,
        indexScore,
        deductions,
        bonuses,
        progressPoints,
        finalScore,
        eligible,
        vetoReason,
        rankAll,
        rankLevel,
        rankCity,
        zonesAll,
        prevRankAll,
        deltaRank,
        progressClass,
        tier,
        salaryCoefficient,
        newMark,
        warningCount);
  }

  public boolean isNational() {
    return "national".equalsIgnoreCase(level) || "国家级".equals(level);
  }

  /** Level in Chinese for leaders. */
  public String levelZh() {
    if (isNational()) {
      return "国家级";
    }
    return "provincial".equalsIgnoreCase(level) ? "省级" : level;
  }
}
