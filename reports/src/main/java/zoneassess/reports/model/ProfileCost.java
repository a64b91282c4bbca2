package zoneassess.reports.model;

/** What a typical firm pays per year at a location ({@code cost_profile}). */
public record ProfileCost(
    String profileId,
    String profileNameZh,
    String locationCode,
    String locationName,
    String locationLevel,
    String city,
    int year,
    Double totalCost10k,
    Integer rank,
    Double gapToCheapest10k,
    Double gapToMedian10k,
    Double indexVsMedian) {}
