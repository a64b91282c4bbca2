package zoneassess.reports.model;

/**
 * A D-class enterprise ({@code permu_enterprise} with per_mu_class = 'D'); streamed, never listed.
 */
public record DEnterprise(
    String creditCode,
    String enterpriseName,
    String zoneCode,
    String county,
    String city,
    int year,
    String scale,
    Double landAreaMu,
    Double taxPerMu,
    Double revenuePerMu,
    Double totalScore,
    Integer rankInGroup,
    Integer groupSize,
    Integer yearsInD,
    Double surchargePerKwh,
    Double surchargeEstimate10k) {}
