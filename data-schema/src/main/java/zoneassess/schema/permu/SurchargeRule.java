package zoneassess.schema.permu;

import java.util.List;

/**
 * Electricity surcharge (元/kWh) on D-class firms by consecutive years in D: the first entry for the
 * first year, the second for the second, and the last entry from then on.
 *
 * @param perKwhByYearInD surcharge steps, 元/kWh
 * @param basis text shown in documents (the policy it comes from)
 */
public record SurchargeRule(List<Double> perKwhByYearInD, String basis) {
  public SurchargeRule {
    perKwhByYearInD = List.copyOf(perKwhByYearInD);
  }

  /** Surcharge for a firm that has been in D for {@code yearsInD} consecutive years (0 = not D). */
  public double perKwh(int yearsInD) {
    if (yearsInD <= 0 || perKwhByYearInD.isEmpty()) {
      return 0.0;
    }
    return perKwhByYearInD.get(Math.min(yearsInD, perKwhByYearInD.size()) - 1);
  }
}
