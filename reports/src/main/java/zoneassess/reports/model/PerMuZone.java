package zoneassess.reports.model;

/** Per-mu aggregate of a zone in one year ({@code permu_zone}). */
public record PerMuZone(String zoneCode, String zoneName, String city, int year, PerMuMeasures m) {}
