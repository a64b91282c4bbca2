package zoneassess.schema.allocation;

import java.util.List;

/**
 * 应保尽保 for 重特大 projects: projects of at least {@code minInvestment100m} 亿元 in one of {@code
 * statuses} have their land and energy reserved before a quota is split. The register holds no land
 * or energy demand, so the file states how to estimate them from the investment.
 *
 * @param minInvestment100m threshold in 亿元 (DOMAIN.md: 50)
 * @param statuses project statuses that still need factors (signed, under_construction)
 * @param investmentIntensity10kPerMu 投资强度, 万元 per 亩: land = investment ÷ intensity
 * @param energyTcePer100m 吨标煤 a year per 亿元 invested
 */
public record ProjectGuarantee(
    double minInvestment100m,
    List<String> statuses,
    double investmentIntensity10kPerMu,
    double energyTcePer100m) {
  public ProjectGuarantee {
    statuses = List.copyOf(statuses);
  }

  /** Land reserved for a project of {@code investment100m} 亿元, in 亩. */
  public double landMu(double investment100m) {
    return investment100m * 10000.0 / investmentIntensity10kPerMu;
  }

  /** Energy reserved for a project of {@code investment100m} 亿元, in 万吨标煤. */
  public double energy10kTce(double investment100m) {
    return investment100m * energyTcePer100m / 10000.0;
  }
}
