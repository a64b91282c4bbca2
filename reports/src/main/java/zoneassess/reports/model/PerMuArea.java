package zoneassess.reports.model;

/** Per-mu aggregate of a city or county in one year ({@code permu_area}). */
public record PerMuArea(
    String areaCode, String areaName, String areaLevel, String city, int year, PerMuMeasures m) {}
