package zoneassess.reports.model;

/** One indicator of a zone ({@code assessment_indicators}); percentile 100 = best. */
public record IndicatorValue(
    String zoneCode,
    String period,
    String indicatorCode,
    String nameZh,
    String unit,
    String dimensionCode,
    Double rawValue,
    boolean imputed,
    Double percentile,
    String direction) {}
