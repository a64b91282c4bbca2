package zoneassess.schema.allocation;

/**
 * How a city's new land and energy quotas are split between its zones or counties: guaranteed
 * projects first, the rest in proportion to a per-mu performance measure, each unit's share of the
 * rest kept between {@code floor} and {@code cap}.
 *
 * @param unit zone or county
 * @param landMu the city's new construction-land quota, 亩
 * @param energy10kTce the city's new energy-use quota, 万吨标煤
 * @param basis column of permu_zone (unit zone) or permu_area (unit county) the shares follow
 * @param floor least share of the rest per unit, 0–1
 * @param cap largest share of the rest per unit, 0–1
 * @param guaranteedFirst whether guaranteed projects are served before the shares
 */
public record QuotaRule(
    String unit,
    double landMu,
    double energy10kTce,
    String basis,
    double floor,
    double cap,
    boolean guaranteedFirst) {

  public QuotaRule withQuotas(Double land, Double energy) {
    return new QuotaRule(
        unit,
        land == null ? landMu : land,
        energy == null ? energy10kTce : energy,
        basis,
        floor,
        cap,
        guaranteedFirst);
  }
}
