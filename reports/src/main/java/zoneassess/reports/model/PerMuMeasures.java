package zoneassess.reports.model;

/** The per-mu measures shared by {@code permu_zone} and {@code permu_area}. */
public record PerMuMeasures(
    Long enterprises,
    Long evaluated,
    Double landMu,
    Double taxPerMu,
    Double valueAddedPerMu,
    Double revenuePerMu,
    long countA,
    long countB,
    long countC,
    long countD,
    long countT,
    Double shareA,
    Double shareB,
    Double shareC,
    Double shareD,
    Double dLandMu,
    Double surchargeRevenue10k,
    Double taxPerMuChangePct) {}
