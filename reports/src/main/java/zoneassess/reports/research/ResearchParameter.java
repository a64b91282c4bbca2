package zoneassess.reports.research;

/** One row of {@code research_parameters}: how the comparison or Monte Carlo run was made. */
public record ResearchParameter(String key, String value) {}
