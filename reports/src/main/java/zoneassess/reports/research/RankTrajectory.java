package zoneassess.reports.research;

/**
 * A zone's score and rank in one period under one methodology ({@code rank_trajectory}).
 *
 * @param methodology "a" or "b"
 */
public record RankTrajectory(
    String methodology,
    String methodologyId,
    String period,
    String zoneCode,
    String zoneName,
    Double score,
    Integer rank) {}
