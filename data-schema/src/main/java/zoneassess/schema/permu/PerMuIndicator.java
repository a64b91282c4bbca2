package zoneassess.schema.permu;

/**
 * The standard per-mu indicators every enterprise row of {@code permu_enterprise} carries, whatever
 * the scheme scores. Each is a ratio of two enterprise columns times a unit factor; a ratio whose
 * denominator is missing or not positive is not computable (null), never a division by zero.
 *
 * @see RatioIndicator for the indicators a scheme declares and scores
 */
public enum PerMuIndicator {
  TAX_PER_MU("tax_per_mu", "亩均税收", "万元/亩", "tax_paid_10k", "land_area_mu"),
  REVENUE_PER_MU("revenue_per_mu", "亩均销售收入", "万元/亩", "revenue_10k", "land_area_mu"),
  VALUE_ADDED_PER_MU("value_added_per_mu", "亩均增加值", "万元/亩", "value_added_10k", "land_area_mu"),
  VALUE_ADDED_PER_ENERGY(
      "value_added_per_energy", "单位能耗增加值", "万元/吨标煤", "value_added_10k", "energy_tce"),
  TAX_PER_ENERGY("tax_per_energy", "单位能耗税收", "万元/吨标煤", "tax_paid_10k", "energy_tce"),
  TAX_PER_ELECTRICITY(
      "tax_per_electricity", "单位电耗税收", "万元/万千瓦时", "tax_paid_10k", "electricity_10k_kwh"),
  VALUE_ADDED_PER_EMISSION(
      "value_added_per_emission", "单位排放增加值", "万元/吨", "value_added_10k", "emissions_eq_t"),
  LABOUR_PRODUCTIVITY("labour_productivity", "全员劳动生产率", "万元/人", "value_added_10k", "employees"),
  RND_SHARE("rnd_share", "R&D 经费占销售收入比重", "比值", "rnd_expense_10k", "revenue_10k");

  private final String code;
  private final String nameZh;
  private final String unit;
  private final String numerator;
  private final String denominator;

  PerMuIndicator(String code, String nameZh, String unit, String numerator, String denominator) {
    this.code = code;
    this.nameZh = nameZh;
    this.unit = unit;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  public String unit() {
    return unit;
  }

  public String numerator() {
    return numerator;
  }

  public String denominator() {
    return denominator;
  }

  public RatioIndicator asRatio() {
    return new RatioIndicator(code, nameZh, unit, numerator, denominator, 1.0);
  }
}
