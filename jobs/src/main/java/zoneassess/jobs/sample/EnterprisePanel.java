package zoneassess.jobs.sample;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.dataset.CreditCode;

/**
 * The enterprise-year panel (per-mu micro-data), generated inside Spark: {@code spark.range} over
 * enterprise ids, every random number a hash of (seed, id[, year], field), so any scale is built in
 * parallel with a small driver and the same seed gives the same rows.
 *
 * <p>Firm performance is persistent (a latent quality per firm plus a small yearly wobble), so some
 * firms stay in the bottom classes for years. Firms that started production in 2023–2025 appear
 * from their start year (the newest are class T). The last {@link #PLANTED} ids are planted rows
 * (one 2025 row each).
 */
final class EnterprisePanel {
  static final int FIRST_YEAR = 2021;
  static final int LAST_YEAR = 2025;
  static final int PLANTED = 6;
  static final String UNKNOWN_ZONE = "320899P99";
  static final String FORMULA_NAME = "=HYPERLINK(\"http://x\",\"点击\")";

  /** GB/T 4754 classes with a per-mu tax effect and an energy-intensity effect (log scale). */
  private static final Object[][] INDUSTRIES = {
    {"C3311", "金属结构", -0.1, 0.3},
    {"C3484", "机械", 0.0, 0.0},
    {"C3824", "电力装备", 0.2, -0.2},
    {"C3976", "电子", 0.4, -0.3},
    {"C3985", "电子元件", 0.3, -0.2},
    {"C2710", "制药", 0.6, -0.1},
    {"C1713", "纺织", -0.4, 0.2},
    {"C1810", "服装", -0.5, -0.3},
    {"C2614", "化工", 0.3, 0.9},
    {"C2927", "塑料制品", -0.2, 0.2},
    {"C3670", "汽车零部件", 0.1, 0.0},
    {"C3130", "钢压延", -0.2, 1.1},
    {"C1391", "食品", -0.1, 0.1},
    {"C2231", "纸制品", -0.3, 0.6},
    {"C3562", "专用设备", 0.1, -0.1},
    {"I6513", "软件", 0.7, -1.2},
  };

  private static final String[] UTILITIES = {"D4411", "D4610", "D4500"};

  private static final String[] BRANDS = {
    "恒瑞", "华宏", "远景", "天合", "新元", "宏图", "众力", "博源", "嘉诚", "瑞丰", "金鼎", "利通", "德信", "永泰", "盛达", "华昌",
    "同创", "鼎峰", "海纳", "润泽"
  };

  private EnterprisePanel() {}

  /** Rows per zone slot: zones are drawn in proportion to their size. */
  private static Dataset<Row> zoneSlots(SparkSession spark, List<SampleZone> zones) {
    List<Row> rows = new ArrayList<>();
    double total = zones.stream().mapToDouble(z -> Math.pow(z.gdp2018(), 0.8)).sum();
    int slot = 0;
    for (SampleZone z : zones) {
      int n = (int) Math.max(1, Math.round(Math.pow(z.gdp2018(), 0.8) / total * 1000));
      double effect =
          0.3 * z.quality()
              + (z.region().equals("south") ? 0.3 : z.region().equals("central") ? 0.1 : 0.0);
      for (int i = 0; i < n; i++) {
        rows.add(
            RowFactory.create(
                slot++,
                z.code(),
                z.county().code(),
                z.county().name(),
                z.city().shortName(),
                effect));
      }
    }
    StructType schema =
        new StructType()
            .add("slot", DataTypes.IntegerType, false)
            .add("slot_zone", DataTypes.StringType, false)
            .add("county_code", DataTypes.StringType, false)
            .add("county", DataTypes.StringType, false)
            .add("city_short", DataTypes.StringType, false)
            .add("zone_effect", DataTypes.DoubleType, false);
    return spark.createDataFrame(rows, schema);
  }

  /**
   * The SQL expression of a firm's production start year (column {@code id}): 3 % of the first
   * {@code n} firms start in 2023–2025, the others in 1995–2022, uniformly.
   */
  static String productionStartYear(long seed, long n) {
    String u =
        "((pmod(xxhash64(" + seed + "L, id, '%s'), 4503599627370496L) + 0.5D) / 4503599627370496D)";
    return "CASE WHEN id < "
        + n
        + " AND "
        + f(u, "new")
        + " < 0.03"
        + " THEN 2023 + cast(pmod(xxhash64("
        + seed
        + "L, id, 'newyear'), 3L) as int)"
        + " ELSE 1995 + cast(pmod(xxhash64("
        + seed
        + "L, id, 'startyear'), 28L) as int)"
        + " END";
  }

  static Dataset<Row> build(SparkSession spark, SampleSpec spec, List<SampleZone> zones) {
    long seed = spec.seed();
    long n = spec.scale().enterprises();
    Dataset<Row> slots = zoneSlots(spark, zones);
    long slotCount = slots.count();
    String u =
        "((pmod(xxhash64(" + seed + "L, id, '%s'), 4503599627370496L) + 0.5D) / 4503599627370496D)";
    String uy =
        "((pmod(xxhash64("
            + seed
            + "L, id, year, '%s'), 4503599627370496L) + 0.5D) / 4503599627370496D)";
    String nrm = "(sqrt(-2D * ln(" + u + ")) * cos(2D * pi() * " + u + "))";
    String nrmy = "(sqrt(-2D * ln(" + uy + ")) * cos(2D * pi() * " + uy + "))";

    Dataset<Row> firms =
        spark
            .range(0, n + PLANTED, 1, spec.scale().partitions())
            .selectExpr(
                "id",
                "cast(pmod(xxhash64("
                    + seed
                    + "L, id, 'slot'), "
                    + slotCount
                    + "L) as int) as slot",
                "cast(pmod(xxhash64("
                    + seed
                    + "L, id, 'industry'), "
                    + INDUSTRIES.length
                    + "L) + 1 as int) as ind",
                f(u, "utility") + " < 0.004 AND id < " + n + " as utility",
                "CASE WHEN "
                    + f(u, "scale")
                    + " < 0.62 OR id >= "
                    + n
                    + " THEN 'above' ELSE 'below' END as scale",
                f(nrm, "q", "q2") + " as q",
                f(nrm, "land", "land2") + " as land_z",
                productionStartYear(seed, n) + " as production_start_year",
                f(u, "revmul") + " as rev_u",
                f(u, "va") + " as va_u",
                f(nrm, "energy", "energy2") + " as energy_z",
                f(u, "elec") + " as elec_u",
                f(u, "noemis") + " < 0.15 as no_emissions",
                f(nrm, "emis", "emis2") + " as emis_z",
                f(u, "rnd") + " as rnd_u",
                f(u, "productivity") + " as prod_u",
                f(u, "outside") + " < 0.01 as outside_zone",
                f(u, "specialised") + " as specialised_u",
                f(u, "hightech") + " as hightech_u",
                f(u, "water") + " as water_u",
                f(u, "gas") + " as gas_u",
                "cast(pmod(xxhash64("
                    + seed
                    + "L, id, 'brand'), "
                    + BRANDS.length
                    + "L) + 1 as int) as brand",
                "pmod(id * 387420489L + "
                    + Math.floorMod(seed * 7919L, 852891037441L)
                    + "L, 852891037441L) as org",
                "substr('"
                    + CreditCode.ALPHABET
                    + "', cast(pmod(xxhash64("
                    + seed
                    + "L, id, 'org9'), 31L) as int) + 1, 1) as org9")
            .join(broadcast(slots), "slot")
            .selectExpr(
                "*",
                "CASE WHEN utility THEN element_at("
                    + stringArray(UTILITIES)
                    + ", cast(pmod(id, 3L) as int) + 1)"
                    + " ELSE element_at("
                    + industryCodes()
                    + ", ind) END as industry_code",
                "concat('91', county_code, " + orgCode() + ", org9) as first17")
            .selectExpr("*", "concat(first17, " + checkCharacter("first17") + ") as valid_code");

    Dataset<Row> years =
        firms
            .selectExpr(
                "*",
                "explode(sequence(greatest("
                    + FIRST_YEAR
                    + ", production_start_year), "
                    + LAST_YEAR
                    + ")) as year")
            .where("id < " + n + " OR year = " + LAST_YEAR);

    String taxPerMu =
        "exp(ln(10D) + 0.55D * zone_effect + element_at("
            + doubleArray(2)
            + ", ind) + 0.6D * q"
            + " + 0.25D * "
            + f(nrmy, "tax", "tax2")
            + ")"
            + " * pow(1.04D, year - "
            + FIRST_YEAR
            + ")"
            + " * CASE WHEN scale = 'below' THEN 0.5D ELSE 1D END"
            + " * CASE WHEN year - production_start_year < 2 THEN 0.4D ELSE 1D END";
    String land =
        "round(greatest(0.5D, least(3000D, CASE WHEN scale = 'above' THEN exp(ln(40D) + 0.85D *"
            + " land_z) ELSE exp(ln(9D) + 0.7D * land_z) END)), 2)";
    Dataset<Row> measured =
        years
            .selectExpr(
                "*",
                land + " as land",
                taxPerMu + " as tax_per_mu",
                "(10D + 30D * rev_u) * (1D + 0.05D * "
                    + f(nrmy, "revwobble", "revwobble2")
                    + ") as rev_mul")
            .selectExpr("*", "land * tax_per_mu as tax", "land * tax_per_mu * rev_mul as revenue")
            .selectExpr(
                "*",
                "revenue * exp(ln(0.04D) + 0.6D * energy_z + element_at("
                    + doubleArray(3)
                    + ", ind)) as energy");

    return measured.selectExpr(
        "CASE WHEN id IN ("
            + n
            + "L, "
            + (n + 1)
            + "L) THEN concat(first17, substr('"
            + CreditCode.ALPHABET
            + "', pmod(instr('"
            + CreditCode.ALPHABET
            + "', substr(valid_code, 18, 1)), 31) + 1, 1))"
            + " ELSE valid_code END as credit_code",
        "CASE WHEN id = "
            + (n + 5)
            + "L THEN '"
            + FORMULA_NAME.replace("'", "\\'")
            + "'"
            + " ELSE concat(city_short, element_at("
            + stringArray(BRANDS)
            + ", brand),"
            + " CASE WHEN utility THEN '公用事业' ELSE element_at("
            + industryNames()
            + ", ind) END,"
            + " '有限公司（合成）') END as enterprise_name",
        "CASE WHEN id = "
            + (n + 2)
            + "L THEN '"
            + UNKNOWN_ZONE
            + "'"
            + " WHEN outside_zone AND id < "
            + n
            + " THEN CAST(NULL AS STRING) ELSE slot_zone END as zone_code",
        "county_code",
        "county",
        "cast(year as int) as year",
        "industry_code",
        "scale",
        "CASE WHEN id = "
            + (n + 3)
            + "L THEN -12.5D WHEN id = "
            + (n + 4)
            + "L THEN 0D ELSE land END as land_area_mu",
        "round(tax, 2) as tax_paid_10k",
        "round(revenue, 2) as revenue_10k",
        "round(revenue * (0.20D + 0.15D * va_u), 2) as value_added_10k",
        "round(energy, 2) as energy_tce",
        "round(energy * (0.4D + 0.5D * elec_u) / 1.229D, 2) as electricity_10k_kwh",
        "CASE WHEN no_emissions THEN CAST(NULL AS DOUBLE)"
            + " ELSE round(revenue * 0.002D * exp(0.5D * emis_z), 2) END as emissions_eq_t",
        "round(revenue * 0.06D * pow(rnd_u, 1.5D) * CASE WHEN scale = 'below' THEN 0.5D ELSE 1D"
            + " END, 2) as rnd_expense_10k",
        "cast(greatest(3D, round(revenue / (40D + 210D * prod_u))) as int) as employees",
        "cast(production_start_year as int) as production_start_year",
        "utility",
        "round(revenue * (2D + 6D * water_u) / 10000D, 3) as water_10k_m3",
        "CASE WHEN gas_u < 0.4D THEN CAST(NULL AS DOUBLE)"
            + " ELSE round(energy * 30D * gas_u / 10000D, 3) END as gas_10k_m3",
        "round(revenue * (2D + 6D * water_u) / 10000D * 0.8D, 3) as sewage_10k_m3",
        // 专精特新 and high-tech status follow the firm's latent quality (q); both are rare.
        "CASE WHEN utility OR scale = 'below' THEN CAST(NULL AS STRING)"
            + " WHEN specialised_u * exp(-0.8D * q) < 0.004D THEN 'national'"
            + " WHEN specialised_u * exp(-0.8D * q) < 0.04D THEN 'provincial'"
            + " ELSE CAST(NULL AS STRING) END as specialised_level",
        "NOT utility AND hightech_u * exp(-0.6D * q) < 0.15D as high_tech");
  }

  /** The 8 base-31 digits of {@code org} (a bijection of the id, so codes never collide). */
  private static String orgCode() {
    List<String> digits = new ArrayList<>();
    for (int k = 7; k >= 0; k--) {
      long pow = (long) Math.pow(31, k);
      digits.add(
          "substr('"
              + CreditCode.ALPHABET
              + "', cast(pmod(org div "
              + pow
              + "L, 31L) as int) + 1, 1)");
    }
    return "concat(" + String.join(", ", digits) + ")";
  }

  /** GB 32100-2015 check character of a 17-character column, built-in functions only. */
  static String checkCharacter(String column) {
    List<String> weights = new ArrayList<>();
    int w = 1;
    for (int i = 0; i < 17; i++) {
      weights.add(String.valueOf(w));
      w = w * 3 % 31;
    }
    String sum =
        "aggregate(sequence(1, 17), 0, (acc, i) -> acc + (instr('"
            + CreditCode.ALPHABET
            + "', substr("
            + column
            + ", i, 1)) - 1) * element_at(array("
            + String.join(",", weights)
            + "), i))";
    return "substr('" + CreditCode.ALPHABET + "', ((31 - pmod(" + sum + ", 31)) % 31) + 1, 1)";
  }

  private static String f(String template, String... fields) {
    return String.format(Locale.ROOT, template, (Object[]) fields);
  }

  private static String stringArray(String[] values) {
    return "array("
        + java.util.Arrays.stream(values).map(v -> "'" + v + "'").collect(Collectors.joining(", "))
        + ")";
  }

  private static String industryCodes() {
    return stringArray(
        java.util.Arrays.stream(INDUSTRIES).map(r -> (String) r[0]).toArray(String[]::new));
  }

  private static String industryNames() {
    return stringArray(
        java.util.Arrays.stream(INDUSTRIES).map(r -> (String) r[1]).toArray(String[]::new));
  }

  private static String doubleArray(int column) {
    return "array("
        + java.util.Arrays.stream(INDUSTRIES)
            .map(r -> r[column] + "D")
            .collect(Collectors.joining(", "))
        + ")";
  }
}
