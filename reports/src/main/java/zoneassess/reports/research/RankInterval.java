package zoneassess.reports.research;

/**
 * A zone's rank under perturbed weights (Monte Carlo, {@code rank_intervals}): the nominal rank,
 * the median and the 5th–95th percentile interval of its simulated ranks, best and worst.
 */
public record RankInterval(
    String zoneCode,
    String zoneName,
    Integer nominalRank,
    Double medianRank,
    Double p05Rank,
    Double p95Rank,
    Integer bestRank,
    Integer worstRank) {}
