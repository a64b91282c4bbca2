package zoneassess.reports.model;

/**
 * A location's value of one factor against the provincial distribution ({@code cost_benchmark}).
 */
public record CostPosition(
    String factorCode,
    String factorNameZh,
    String subcategory,
    String subcategoryNameZh,
    String unit,
    String period,
    String periodType,
    String locationCode,
    String locationName,
    String locationLevel,
    String city,
    Double value,
    Double pMin,
    Double p25,
    Double median,
    Double p75,
    Double pMax,
    Integer nLocations,
    Double indexVsMedian,
    Double percentile,
    Integer rank,
    Double changeYoyPct) {

  /** Factor and subcategory as one label, e.g. "电价·1-10千伏". */
  public String label() {
    if (subcategoryNameZh == null
        || subcategoryNameZh.isBlank()
        || factorNameZh.contains(subcategoryNameZh)) {
      return factorNameZh;
    }
    return factorNameZh + "·" + subcategoryNameZh;
  }

  public String key() {
    return factorCode + "|" + (subcategory == null ? "" : subcategory);
  }
}
