package zoneassess.reports.model;

/** A zone's score on one dimension ({@code assessment_dimensions}). */
public record DimensionScore(
    String zoneCode,
    String period,
    String dimensionCode,
    String nameZh,
    Double weight,
    Double score,
    Integer rankAll,
    Double provinceMean,
    Double provinceBest,
    int sortOrder) {}
