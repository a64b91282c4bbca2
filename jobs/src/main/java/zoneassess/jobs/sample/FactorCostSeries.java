package zoneassess.jobs.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Monthly factor prices 2023-01 … 2025-12: electricity, gas, heat, wages, social insurance,
 * logistics and loan rates per city; water, industrial land, minimum wage and sewage treatment per
 * county; water and land for a few zones with their own prices. Levels follow DOMAIN.md; the south
 * is dearer for land and wages.
 */
final class FactorCostSeries {
  static final String SOURCE = "价格监测（合成）";

  static final String[] TARIFFS = {"single_part", "two_part"};
  static final String[] VOLTAGES = {"lt1kv", "1_10kv", "35_110kv", "ge220kv"};
  static final String[] TOU = {"peak", "flat", "valley"};

  /** Cities with a steam price (heat is not sold everywhere). */
  static final Set<String> HEAT_CITIES =
      Set.of("320100", "320200", "320400", "320500", "320600", "320900", "321200");

  /** City whose counties report land prices in 元/平方米 (a valid convertible unit). */
  static final String LAND_M2_CITY = "320300";

  /** County that misses the water prices of one month. */
  static final String WATER_GAP_COUNTY = "320831";

  static final String WATER_GAP_PERIOD = "2024-07";

  /** The gas price of this city and month is written in a unit nobody knows (planted). */
  static final String BAD_UNIT_CITY = "321300";

  static final String BAD_UNIT_PERIOD = "2024-06";
  static final String BAD_UNIT = "元/方";

  private FactorCostSeries() {}

  static List<String> periods() {
    List<String> p = new ArrayList<>();
    for (int y = 2023; y <= 2025; y++) {
      for (int m = 1; m <= 12; m++) {
        p.add(String.format(Locale.ROOT, "%d-%02d", y, m));
      }
    }
    return p;
  }

  static List<FactorPrice> build(long seed, List<SampleZone> zones) {
    Draw d = new Draw(seed);
    List<FactorPrice> out = new ArrayList<>();
    List<String> periods = periods();
    for (Geography.City c : Geography.cities()) {
      double south = c.region().equals("south") ? 1.0 : c.region().equals("central") ? 0.5 : 0.0;
      for (int i = 0; i < periods.size(); i++) {
        String p = periods.get(i);
        int year = 2023 + i / 12;
        // Agency-purchase prices move every month, province-wide, with a small city offset.
        double month = 1 + 0.03 * Math.sin(i / 2.0) + 0.01 * d.normal("power", p);
        double cityPower = 1 + 0.02 * d.normal(c.code(), "power");
        for (String tariff : TARIFFS) {
          for (int v = 0; v < VOLTAGES.length; v++) {
            double flat =
                (0.70 - 0.03 * v + (tariff.equals("single_part") ? 0.04 : 0)) * month * cityPower;
            double[] tou = {flat * 1.67, flat, flat * 0.485};
            for (int t = 0; t < TOU.length; t++) {
              out.add(
                  city(
                      c,
                      p,
                      "electricity",
                      tariff + "|" + VOLTAGES[v] + "|" + TOU[t],
                      tou[t],
                      4,
                      "元/千瓦时"));
            }
          }
        }
        double gas = 3.0 + 0.25 * south + 0.15 * d.normal(c.code(), "gas") + (year - 2023) * 0.05;
        String gasUnit =
            c.code().equals(BAD_UNIT_CITY) && p.equals(BAD_UNIT_PERIOD) ? BAD_UNIT : "元/立方米";
        out.add(city(c, p, "gas", "industrial", clamp(gas, 2.9, 3.7), 2, gasUnit));
        if (HEAT_CITIES.contains(c.code())) {
          double heat =
              70 + 20 * south + 8 * d.normal(c.code(), "heat") + 4 * Math.cos(i * Math.PI / 6);
          out.add(city(c, p, "heat", "steam", clamp(heat, 60, 110), 2, "元/吉焦"));
        }
        double wage =
            (95000 + 40000 * south + 6000 * d.normal(c.code(), "wage"))
                * Math.pow(1.05, year - 2023);
        out.add(
            city(
                c,
                p,
                "average_wage",
                "urban_non_private",
                Math.round(clamp(wage, 90000, 150000)),
                0,
                "元/年"));
        out.add(city(c, p, "social_insurance", "pension", 16.0, 1, "%"));
        out.add(
            city(
                c,
                p,
                "social_insurance",
                "medical",
                d.between(7.0, 9.0, c.code(), "medical"),
                1,
                "%"));
        out.add(city(c, p, "social_insurance", "unemployment", 0.5, 1, "%"));
        out.add(
            city(
                c,
                p,
                "social_insurance",
                "injury",
                d.between(0.2, 1.0, c.code(), "injury"),
                2,
                "%"));
        out.add(
            city(
                c,
                p,
                "logistics",
                "road_freight",
                d.between(0.3, 0.5, c.code(), "freight")
                    * (1 + 0.01 * d.normal(c.code(), p, "freight")),
                3,
                "元/吨公里"));
        out.add(
            city(
                c,
                p,
                "loan_rate",
                "one_year",
                clamp(
                    3.9 - 0.3 * south - 0.25 * (year - 2023) + 0.1 * d.normal(c.code(), "loan"),
                    3.0,
                    4.5),
                2,
                "%"));
      }
      for (Geography.County k : c.counties()) {
        double base = 2.6 + 0.35 * south + 0.1 * d.normal(k.code(), "water");
        double resource = d.between(0.2, 0.5, k.code(), "resource");
        double sewage = 1.2 + 0.2 * south + 0.05 * d.normal(k.code(), "sewage");
        double treatment = d.between(1.5, 3.0, k.code(), "treatment");
        double land = (18 + 35 * south) * Math.exp(0.25 * d.normal(k.code(), "land"));
        int[] minWage = {2490, 2260, 2010};
        for (int i = 0; i < periods.size(); i++) {
          String p = periods.get(i);
          int year = 2023 + i / 12;
          double waterStep = year >= 2024 ? 1.05 : 1.0;
          if (!(k.code().equals(WATER_GAP_COUNTY) && p.equals(WATER_GAP_PERIOD))) {
            out.add(county(k, p, "water", "base", clamp(base * waterStep, 2.6, 3.3), 2, "元/立方米"));
            out.add(county(k, p, "water", "resource_fee", resource, 2, "元/立方米"));
            out.add(county(k, p, "water", "sewage", clamp(sewage, 1.2, 1.6), 2, "元/立方米"));
          }
          // Land prices change quarterly.
          double landNow =
              clamp(land * (1 + 0.02 * d.normal(k.code(), year, i / 3, "land")), 15, 80);
          if (c.code().equals(LAND_M2_CITY)) {
            // 1 万元/亩 = 10000 元 / 666.67 m² = 15 元/m².
            out.add(county(k, p, "industrial_land", "transfer_price", landNow * 15.0, 1, "元/平方米"));
          } else {
            out.add(county(k, p, "industrial_land", "transfer_price", landNow, 2, "万元/亩"));
          }
          // Minimum wages were raised in January 2025; 2023–2024 rates are about 8 % lower.
          double wage = minWage[k.tier() - 1] * (year >= 2025 ? 1.0 : 0.92);
          out.add(
              county(
                  k,
                  p,
                  "minimum_wage",
                  "tier_" + k.tier(),
                  Math.round(wage / 10.0) * 10.0,
                  0,
                  "元/月"));
          out.add(county(k, p, "sewage_treatment", "industrial", treatment, 2, "元/立方米"));
        }
      }
    }
    out.addAll(zonePrices(d, zones, periods));
    out.sort(
        Comparator.comparing(FactorPrice::regionLevel)
            .thenComparing(FactorPrice::regionCode)
            .thenComparing(FactorPrice::period)
            .thenComparing(FactorPrice::factorCode)
            .thenComparing(FactorPrice::subcategory));
    return List.copyOf(out);
  }

  /** Three zones with their own water and land prices. */
  private static List<FactorPrice> zonePrices(
      Draw d, List<SampleZone> zones, List<String> periods) {
    List<FactorPrice> out = new ArrayList<>();
    List<String> own = List.of("320500N01", "320800N01", "321000N01");
    for (SampleZone z : zones) {
      if (!own.contains(z.code())) {
        continue;
      }
      double south = z.region().equals("south") ? 1.0 : 0.0;
      for (String p : periods) {
        out.add(zone(z, p, "water", "base", 2.7 + 0.3 * south, 2, "元/立方米"));
        out.add(zone(z, p, "water", "resource_fee", 0.3, 2, "元/立方米"));
        out.add(zone(z, p, "water", "sewage", 1.3 + 0.2 * south, 2, "元/立方米"));
        out.add(
            zone(
                z,
                p,
                "industrial_land",
                "transfer_price",
                20 + 45 * south + d.between(0, 5, z.code(), "land"),
                2,
                "万元/亩"));
      }
    }
    return out;
  }

  private static FactorPrice city(
      Geography.City c, String p, String f, String s, double v, int dec, String unit) {
    return new FactorPrice(c.code(), "city", p, f, s, v, dec, unit, SOURCE);
  }

  private static FactorPrice county(
      Geography.County c, String p, String f, String s, double v, int dec, String unit) {
    return new FactorPrice(c.code(), "county", p, f, s, v, dec, unit, SOURCE);
  }

  private static FactorPrice zone(
      SampleZone z, String p, String f, String s, double v, int dec, String unit) {
    return new FactorPrice(z.code(), "zone", p, f, s, v, dec, unit, SOURCE);
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }
}
