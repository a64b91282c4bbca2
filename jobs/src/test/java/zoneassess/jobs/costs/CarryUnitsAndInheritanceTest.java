package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/** Carrying months to quarters and years, gaps, unit conversion, problem rows, inheritance. */
class CarryUnitsAndInheritanceTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  private static String key(Row r) {
    return r.<String>getAs("location_code")
        + "/"
        + r.<String>getAs("factor_code")
        + "/"
        + r.<String>getAs("subcategory")
        + "/"
        + r.<String>getAs("period");
  }

  /**
   * 淮安 water base (rule average): Jan 2.90, Feb missing, Mar 3.00, Apr 3.10, May 3.10, Jun 3.40; 南京
   * reports Jan–Jun, so the 2025 calendar is Jan–Jun and 淮安 misses 2025-02. 涟水 minimum wage tier_1
   * (rule period_end): Jan–Sep 2100, Oct–Nov 2280, Dec missing; 盱眙 reports all 12 months (2280,
   * from Oct 2490). 南京 loan rate reported quarterly only.
   */
  private static FactorCostFixtures carryFixture(FactorCostFixtures f) {
    return f.price("320800", "2025-01", "water", "base", 2.90, "元/立方米")
        .price("320800", "2025-03", "water", "base", 3.00, "元/立方米")
        .price("320800", "2025-04", "water", "base", 3.10, "元/立方米")
        .price("320800", "2025-05", "water", "base", 3.10, "元/立方米")
        .price("320800", "2025-06", "water", "base", 3.40, "元/立方米")
        .prices("320100", "water", "base", 2.50, "元/m³", FactorCostFixtures.months(2025, 1, 6))
        .prices(
            "320826", "minimum_wage", "tier_1", 2100, "元/月", FactorCostFixtures.months(2025, 1, 9))
        .prices("320826", "minimum_wage", "tier_1", 2280, "元/月", "2025-10", "2025-11")
        .prices(
            "320830", "minimum_wage", "tier_1", 2280, "元/月", FactorCostFixtures.months(2025, 1, 9))
        .prices(
            "320830",
            "minimum_wage",
            "tier_1",
            2490,
            "元/月",
            FactorCostFixtures.months(2025, 10, 12))
        .price("320100", "2025Q1", "loan_rate", "one_year", 3.45, "%")
        .price("320100", "2025Q2", "loan_rate", "one_year", 3.45, "%")
        .price("320100", "2025Q3", "loan_rate", "one_year", 3.10, "%")
        .price("320100", "2025Q4", "loan_rate", "one_year", 3.10, "%");
  }

  @Test
  void monthsCarryToQuartersAndYearsByTheDeclaredRuleAndGapsAreListed() {
    FactorCostFixtures f = carryFixture(new FactorCostFixtures(spark));
    FactorCatalogueTables t = f.tables();
    FactorPriceConformer.Conformed c = FactorPriceConformer.conform(f.staged(), t);
    Map<String, Row> v =
        PeriodCarryForward.carry(c.observations(), t.factors()).collectAsList().stream()
            .collect(Collectors.toMap(CarryUnitsAndInheritanceTest::key, r -> r));
    // average: Q1 = (2.90 + 3.00) / 2 = 2.95 from 2 months; Q2 = (3.10 + 3.10 + 3.40) / 3 = 3.20;
    // year = (2.90 + 3.00 + 3.10 + 3.10 + 3.40) / 5 = 15.5 / 5 = 3.10 from 5 months.
    assertEquals(2.95, v.get("320800/water/base/2025Q1").<Double>getAs("value"), EPS);
    assertEquals(2, v.get("320800/water/base/2025Q1").<Integer>getAs("months_covered"));
    assertEquals(3.20, v.get("320800/water/base/2025Q2").<Double>getAs("value"), EPS);
    assertEquals(3.10, v.get("320800/water/base/2025").<Double>getAs("value"), EPS);
    assertEquals(5, v.get("320800/water/base/2025").<Integer>getAs("months_covered"));
    assertEquals("average", v.get("320800/water/base/2025").<String>getAs("carry_rule"));
    // period_end: 涟水 Q3 = Sep 2100; Q4 = Nov 2280 (latest month present, December missing);
    // year = 2280 from 11 months. 盱眙 Q4 = year = Dec 2490.
    assertEquals(2100, v.get("320826/minimum_wage/tier_1/2025Q3").<Double>getAs("value"), EPS);
    assertEquals(2280, v.get("320826/minimum_wage/tier_1/2025Q4").<Double>getAs("value"), EPS);
    assertEquals(2, v.get("320826/minimum_wage/tier_1/2025Q4").<Integer>getAs("months_covered"));
    assertEquals(2280, v.get("320826/minimum_wage/tier_1/2025").<Double>getAs("value"), EPS);
    assertEquals(11, v.get("320826/minimum_wage/tier_1/2025").<Integer>getAs("months_covered"));
    assertEquals(2490, v.get("320830/minimum_wage/tier_1/2025").<Double>getAs("value"), EPS);
    // quarterly loan rate (average): year = (3.45 + 3.45 + 3.10 + 3.10) / 4 = 3.275, 4 × 3 months.
    assertEquals(3.275, v.get("320100/loan_rate/one_year/2025").<Double>getAs("value"), EPS);
    assertEquals(12, v.get("320100/loan_rate/one_year/2025").<Integer>getAs("months_covered"));
    assertEquals("reported", v.get("320100/loan_rate/one_year/2025Q1").<String>getAs("carry_rule"));

    List<String> gaps =
        PeriodCarryForward.gaps(c.reported(), t.factors()).collectAsList().stream()
            .map(r -> key(r) + " " + r.<String>getAs("kind"))
            .sorted()
            .toList();
    // Exactly the two missing months; nobody else misses a month of their calendar.
    assertEquals(
        List.of(
            "320800/water/base/2025-02 missing_month",
            "320826/minimum_wage/tier_1/2025-12 missing_month"),
        gaps);
  }

  @Test
  void unitsConvertProblemsAreReportedAndZonesInheritCountyThenCity() {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            // 涟水 reports land in 元/m²: 300 × 666.67 / 10000 = 300 / 15 = 20 万元/亩.
            .price("320826", "2025", "industrial_land", "transfer_price", 300, "元/平方米")
            .price("320830", "2025", "industrial_land", "transfer_price", 25, "万元/亩")
            .price("Z-XY", "2025", "industrial_land", "transfer_price", 18, "万元/亩")
            // a land price in 元/千瓦时 cannot convert; coal is no catalogue factor.
            .price("320321", "2025", "industrial_land", "transfer_price", 5, "元/千瓦时")
            .price("320300", "2025", "coal", "thermal", 900, "元/吨")
            .price("320800", "2025", "water", "base", 3.0, "元/立方米")
            .price("320800", "2025", "water", "resource_fee", 0.4, "元/立方米")
            .price("320800", "2025", "water", "sewage", 1.4, "元/立方米")
            .price("320830", "2025", "water", "base", 2.8, "元/立方米")
            .price("320800", "2025", "electricity", "two_part|1_10kv|peak", 1.10, "元/kWh");
    FactorPriceConformer.Conformed c = FactorPriceConformer.conform(f.staged(), f.tables());
    List<String> issues =
        c.issues().collectAsList().stream()
            .map(
                r ->
                    r.<String>getAs("kind")
                        + " "
                        + r.<String>getAs("note")
                        + " @"
                        + r.<Integer>getAs("source_row"))
            .sorted()
            .toList();
    assertEquals(2, issues.size(), issues.toString());
    assertTrue(
        issues
            .get(0)
            .startsWith(
                "unit_not_convertible unit '元/千瓦时' does not convert to the catalogue unit 万元/亩"),
        issues.get(0));
    // the fourth price added is row 5 of the fixture file (header = row 1).
    assertTrue(issues.get(0).endsWith("@5"), issues.get(0));
    assertTrue(issues.get(1).startsWith("unknown_factor factor 'coal'"), issues.get(1));

    Map<String, Row> v =
        f.located().filter(col("period").equalTo("2025")).collectAsList().stream()
            .collect(
                Collectors.toMap(r -> r.<String>getAs("location_level") + ":" + key(r), r -> r));
    Row lianshui = v.get("county:320826/industrial_land/transfer_price/2025");
    assertEquals(20.0, lianshui.<Double>getAs("value"), 1e-4);
    assertEquals("own", lianshui.<String>getAs("value_source"));
    // Z-LS has no land price: its county 涟水's 20 万元/亩.
    Row zls = v.get("zone:Z-LS/industrial_land/transfer_price/2025");
    assertEquals(20.0, zls.<Double>getAs("value"), 1e-4);
    assertEquals("county", zls.<String>getAs("value_source"));
    // Z-XY has its own 18, not 盱眙's 25.
    assertEquals(
        "own",
        v.get("zone:Z-XY/industrial_land/transfer_price/2025").<String>getAs("value_source"));
    assertEquals(
        18.0, v.get("zone:Z-XY/industrial_land/transfer_price/2025").<Double>getAs("value"), EPS);
    // Z-HA has no county and 淮安 has no land price: no row (absent, not zero).
    assertTrue(!v.containsKey("zone:Z-HA/industrial_land/transfer_price/2025"));
    // Z-HA electricity from the city; 涟水 (county) electricity from the city.
    assertEquals(
        "city",
        v.get("zone:Z-HA/electricity/two_part|1_10kv|peak/2025").<String>getAs("value_source"));
    assertEquals(
        1.10,
        v.get("county:320826/electricity/two_part|1_10kv|peak/2025").<Double>getAs("value"),
        EPS);
    // water total = 3.0 + 0.4 + 1.4 = 4.8 at 淮安; 盱眙 reports base only, so it has no total of its
    // own and inherits 淮安's total (city), while its base is its own 2.8.
    assertEquals(4.8, v.get("city:320800/water/total/2025").<Double>getAs("value"), EPS);
    assertEquals("city", v.get("county:320830/water/total/2025").<String>getAs("value_source"));
    assertEquals("own", v.get("county:320830/water/base/2025").<String>getAs("value_source"));
    // Z-XY: base from its county 盱眙 (2.8), resource fee from the city (county has none).
    assertEquals("county", v.get("zone:Z-XY/water/base/2025").<String>getAs("value_source"));
    assertEquals(2.8, v.get("zone:Z-XY/water/base/2025").<Double>getAs("value"), EPS);
    assertEquals("city", v.get("zone:Z-XY/water/resource_fee/2025").<String>getAs("value_source"));
  }
}
