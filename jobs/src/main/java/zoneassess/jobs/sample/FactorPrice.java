package zoneassess.jobs.sample;

/** One row of the sample {@code factor_costs} file. */
public record FactorPrice(
    String regionCode,
    String regionLevel,
    String period,
    String factorCode,
    String subcategory,
    double value,
    int decimals,
    String unit,
    String source) {}
