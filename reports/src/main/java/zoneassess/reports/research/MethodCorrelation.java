package zoneassess.reports.research;

/**
 * How closely the rankings under A and B agree in one period ({@code method_correlation}).
 *
 * @param zones zones ranked under both methodologies
 * @param zonesMoved zones whose rank differs
 */
public record MethodCorrelation(
    String period,
    Integer zones,
    Double spearman,
    Double kendallTauB,
    Double meanAbsShift,
    Integer maxAbsShift,
    Integer zonesMoved) {}
