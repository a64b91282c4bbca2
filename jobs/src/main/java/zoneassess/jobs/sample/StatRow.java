package zoneassess.jobs.sample;

/**
 * One row of the sample {@code zone_stats} file as written (indicator as code or Chinese name,
 * value in the unit written beside it).
 */
public record StatRow(
    String zoneCode,
    String period,
    String indicator,
    double value,
    int decimals,
    String unit,
    String source,
    String basis) {}
