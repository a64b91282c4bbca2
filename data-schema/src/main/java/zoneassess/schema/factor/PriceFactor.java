package zoneassess.schema.factor;

import java.util.Arrays;
import java.util.List;

/**
 * A production factor whose price a policy can differentiate by per-mu class. The surcharge in 万元
 * is the step (元 per unit) times the firm's consumption in 万 units, read from {@code
 * consumptionColumn} of the enterprises dataset.
 */
public enum PriceFactor {
  ELECTRICITY("electricity", "电", "electricity_10k_kwh", "元/千瓦时"),
  WATER("water", "水", "water_10k_m3", "元/立方米"),
  NATURAL_GAS("natural_gas", "天然气", "gas_10k_m3", "元/立方米"),
  SEWAGE("sewage", "污水处理", "sewage_10k_m3", "元/立方米");

  private final String code;
  private final String nameZh;
  private final String consumptionColumn;
  private final String priceUnit;

  PriceFactor(String code, String nameZh, String consumptionColumn, String priceUnit) {
    this.code = code;
    this.nameZh = nameZh;
    this.consumptionColumn = consumptionColumn;
    this.priceUnit = priceUnit;
  }

  public String code() {
    return code;
  }

  public String nameZh() {
    return nameZh;
  }

  /** Column of {@code Datasets.ENTERPRISES} holding the yearly consumption in 万 units. */
  public String consumptionColumn() {
    return consumptionColumn;
  }

  public String priceUnit() {
    return priceUnit;
  }

  public static List<String> codes() {
    return Arrays.stream(values()).map(PriceFactor::code).toList();
  }

  public static PriceFactor of(String code) {
    return Arrays.stream(values())
        .filter(f -> f.code.equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown factor: " + code));
  }
}
