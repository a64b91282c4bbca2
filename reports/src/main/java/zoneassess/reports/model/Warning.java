package zoneassess.reports.model;

/** A rule that fired for a zone ({@code assessment_warnings}). */
public record Warning(
    String zoneCode,
    String period,
    String ruleId,
    String ruleNameZh,
    String kind,
    String severity,
    Double points,
    String triggeredYears,
    String messageZh) {}
