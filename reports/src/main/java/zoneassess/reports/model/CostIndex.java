package zoneassess.reports.model;

/**
 * Composite factor-cost index of a location ({@code cost_index}); median = 100, lower = cheaper.
 */
public record CostIndex(
    String locationCode,
    String locationName,
    String locationLevel,
    String city,
    int year,
    Double compositeIndex,
    Integer rank) {}
