package zoneassess.reports.model;

/** Major-project funnel of a zone for one year and tier ({@code project_funnel}). */
public record FunnelRow(
    String zoneCode,
    int year,
    String tier,
    long signed,
    long started,
    long producing,
    long targetMet,
    Double investmentStarted100m) {}
