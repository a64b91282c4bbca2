package zoneassess.schema.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The units the product knows and how they convert. Conversions exist only inside a family; a value
 * in a unit of another family is rejected at ingestion, never guessed.
 *
 * <p>Land: 1 mu = 666.67 m² (exactly 10000/15 m²), 1 公顷 = 15 亩, 1 km² = 1500 亩. Price of land: 1
 * 元/m² = 666.67 元/亩 = 0.066667 万元/亩.
 */
public final class Units {
  private static final Map<String, Unit> BY_SPELLING = new LinkedHashMap<>();
  private static final Map<String, Unit> BY_SYMBOL = new LinkedHashMap<>();

  public static final double M2_PER_MU = 10000.0 / 15.0;

  static {
    // money, CNY (base: 元)
    add("元", "cny", 1, "yuan", "CNY");
    add("万元", "cny", 1e4, "10k CNY", "10k_cny", "万 元");
    add("亿元", "cny", 1e8, "100m CNY", "100m_cny");
    // money, USD (base: 美元)
    add("美元", "usd", 1, "USD");
    add("万美元", "usd", 1e4, "10k USD", "10k_usd");
    add("亿美元", "usd", 1e8, "100m USD", "100m_usd");
    // area (base: m²)
    add("平方米", "area", 1, "m2", "m²", "㎡");
    add("亩", "area", M2_PER_MU, "mu");
    add("公顷", "area", 1e4, "ha", "hectare");
    add("平方公里", "area", 1e6, "km2", "km²", "平方千米");
    // counts and ratios
    add("个", "count", 1, "家", "件", "项", "count");
    add("人", "persons", 1, "persons");
    add("万人", "persons", 1e4);
    add("%", "percent", 1, "percent", "％");
    add("比值", "ratio", 1, "ratio");
    // energy and emissions
    add("吨标煤", "energy", 1, "tce");
    add("万吨标煤", "energy", 1e4, "10k tce");
    add("吨", "mass", 1, "t");
    add("万吨", "mass", 1e4, "10k t");
    add("千瓦时", "electricity", 1, "kWh", "kwh", "度");
    add("万千瓦时", "electricity", 1e4, "10k kWh");
    // prices
    add("元/千瓦时", "price_electricity", 1, "元/kWh", "元/度");
    add("元/立方米", "price_volume", 1, "元/m³", "元/m3", "元/吨");
    add("元/吉焦", "price_heat", 1, "元/GJ");
    add("元/平方米", "price_land", 1, "元/m²", "元/m2");
    add("万元/亩", "price_land", 1e4 / M2_PER_MU, "10k CNY/mu");
    add("元/月", "wage_month", 1, "元/人·月");
    add("元/年", "wage_year", 1, "元/人·年");
    add("元/吨公里", "price_freight", 1, "元/t·km");
    // intensities used by per-area indicators
    add("亿元/平方公里", "output_per_area", 1, "100m CNY/km2");
  }

  private Units() {}

  private static void add(String symbol, String family, double factor, String... spellings) {
    Unit u = new Unit(symbol, family, factor, List.of(spellings));
    if (BY_SYMBOL.putIfAbsent(symbol, u) != null) {
      throw new IllegalStateException("unit declared twice: " + symbol);
    }
    BY_SPELLING.putIfAbsent(normalise(symbol), u);
    for (String s : spellings) {
      BY_SPELLING.putIfAbsent(normalise(s), u);
    }
  }

  private static String normalise(String spelling) {
    return spelling.strip().replace(" ", "").toLowerCase(Locale.ROOT);
  }

  /** The unit written as {@code spelling} (symbol or accepted alternative), if known. */
  public static Optional<Unit> parse(String spelling) {
    if (spelling == null || spelling.isBlank()) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_SPELLING.get(normalise(spelling)));
  }

  /** The unit with this canonical symbol. */
  public static Unit of(String symbol) {
    Unit u = BY_SYMBOL.get(symbol);
    if (u == null) {
      throw new IllegalArgumentException("unknown unit: " + symbol);
    }
    return u;
  }

  /**
   * Factor that converts a value in {@code from} to {@code to}, or empty when the units are of
   * different families. A land price in 元/m² converts to 万元/亩 by 666.67 / 10000.
   */
  public static Optional<Double> factor(String from, String to) {
    Optional<Unit> f = parse(from);
    Optional<Unit> t = parse(to);
    if (f.isEmpty() || t.isEmpty()) {
      return Optional.empty();
    }
    Unit a = f.get();
    Unit b = t.get();
    if (a.symbol().equals(b.symbol())) {
      return Optional.of(1.0);
    }
    if (!a.family().equals(b.family())) {
      return Optional.empty();
    }
    return Optional.of(a.factorToBase() / b.factorToBase());
  }

  /** All known units, for documentation. */
  public static Map<String, Unit> all() {
    return Collections.unmodifiableMap(BY_SYMBOL);
  }
}
