package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class FactorCostBenchmarkTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  private static Map<String, Row> byLocation(Dataset<Row> rows) {
    return rows.collectAsList().stream()
        .collect(Collectors.toMap(r -> r.<String>getAs("location_code"), r -> r));
  }

  @Test
  void distributionRanksTiesPercentileAndIndexOfFiveCities() {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .price("320100", "2025-01", "gas", "industrial", 3.0, "元/立方米")
            .price("320200", "2025-01", "gas", "industrial", 3.2, "元/立方米")
            .price("320300", "2025-01", "gas", "industrial", 3.2, "元/立方米")
            .price("320800", "2025-01", "gas", "industrial", 3.6, "元/立方米")
            .price("320900", "2025-01", "gas", "industrial", 4.0, "元/立方米");
    Map<String, Row> city =
        byLocation(
            f.benchmark()
                .filter(
                    col("period").equalTo("2025-01").and(col("location_level").equalTo("city"))));
    // Sorted: 3.0, 3.2, 3.2, 3.6, 4.0; n = 5, position h = (n − 1)·p = 4p.
    // p25: h = 1 → x1 = 3.2; median: h = 2 → x2 = 3.2; p75: h = 3 → x3 = 3.6.
    // mean = (3.0 + 3.2 + 3.2 + 3.6 + 4.0) / 5 = 17.0 / 5 = 3.4.
    Row nj = city.get("320100");
    assertEquals(3.0, nj.<Double>getAs("p_min"), EPS);
    assertEquals(3.2, nj.<Double>getAs("p25"), EPS);
    assertEquals(3.2, nj.<Double>getAs("median"), EPS);
    assertEquals(3.6, nj.<Double>getAs("p75"), EPS);
    assertEquals(4.0, nj.<Double>getAs("p_max"), EPS);
    assertEquals(3.4, nj.<Double>getAs("mean"), EPS);
    assertEquals(5, nj.<Integer>getAs("n_locations"));
    // Competition ranks 1, 2, 2, 4, 5 (the tie shares 2, the next skips to 4).
    assertEquals(1, city.get("320100").<Integer>getAs("rank"));
    assertEquals(2, city.get("320200").<Integer>getAs("rank"));
    assertEquals(2, city.get("320300").<Integer>getAs("rank"));
    assertEquals(4, city.get("320800").<Integer>getAs("rank"));
    assertEquals(5, city.get("320900").<Integer>getAs("rank"));
    // percentile = 100 × (strictly cheaper others) / (n − 1): 0/4, 1/4, 1/4, 3/4, 4/4.
    assertEquals(0.0, city.get("320100").<Double>getAs("percentile"), EPS);
    assertEquals(25.0, city.get("320200").<Double>getAs("percentile"), EPS);
    assertEquals(25.0, city.get("320300").<Double>getAs("percentile"), EPS);
    assertEquals(75.0, city.get("320800").<Double>getAs("percentile"), EPS);
    assertEquals(100.0, city.get("320900").<Double>getAs("percentile"), EPS);
    // index = value / median × 100: 3.0/3.2 = 93.75, 3.6/3.2 = 112.5, 4.0/3.2 = 125.
    assertEquals(93.75, city.get("320100").<Double>getAs("index_vs_median"), EPS);
    assertEquals(100.0, city.get("320200").<Double>getAs("index_vs_median"), EPS);
    assertEquals(112.5, city.get("320800").<Double>getAs("index_vs_median"), EPS);
    assertEquals(125.0, city.get("320900").<Double>getAs("index_vs_median"), EPS);
    assertEquals("工业用天然气价格", nj.<String>getAs("factor_name_zh"));
    assertEquals("元/立方米", nj.<String>getAs("unit"));
    assertEquals("own", nj.<String>getAs("value_source"));
  }

  @Test
  void equalPricesFromDifferentPathsShareRankAndPercentile() {
    // A price built from its parts (0.24 + 2.49 + 0.22 = 2.95 in decimal) is 2.9500000000000006
    // as a double; another city reports 2.95 directly.
    double summed = 0.24 + 2.49 + 0.22;
    assertTrue(summed != 2.95);
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .price("320100", "2025-01", "gas", "industrial", 3.10, "元/立方米")
            .price("320200", "2025-01", "gas", "industrial", 2.95, "元/立方米")
            .price("320300", "2025-01", "gas", "industrial", summed, "元/立方米")
            .price("320800", "2025-01", "gas", "industrial", 2.00, "元/立方米");
    Map<String, Row> city =
        byLocation(
            f.benchmark()
                .filter(
                    col("period").equalTo("2025-01").and(col("location_level").equalTo("city"))));
    // 2.00 < 2.95 = 2.95 < 3.10: competition ranks 1, 2, 2, 4.
    assertEquals(1, city.get("320800").<Integer>getAs("rank"));
    assertEquals(2, city.get("320200").<Integer>getAs("rank"));
    assertEquals(2, city.get("320300").<Integer>getAs("rank"));
    assertEquals(4, city.get("320100").<Integer>getAs("rank"));
    // percentile = 100 × strictly cheaper others / (n − 1) = 0, 100/3, 100/3, 100.
    assertEquals(0.0, city.get("320800").<Double>getAs("percentile"), EPS);
    assertEquals(100.0 / 3, city.get("320200").<Double>getAs("percentile"), EPS);
    assertEquals(100.0 / 3, city.get("320300").<Double>getAs("percentile"), EPS);
    assertEquals(100.0, city.get("320100").<Double>getAs("percentile"), EPS);
    // only the comparison rounds: the stored price is the computed one
    assertEquals(summed, city.get("320300").<Double>getAs("value"), 0.0);
  }

  @Test
  void fourValuesInterpolateLinearly() {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .price("320100", "2025-01", "electricity", "two_part|1_10kv|flat", 0.60, "元/千瓦时")
            .price("320200", "2025-01", "electricity", "two_part|1_10kv|flat", 0.64, "元/千瓦时")
            .price("320300", "2025-01", "electricity", "two_part|1_10kv|flat", 0.70, "元/千瓦时")
            .price("320800", "2025-01", "electricity", "two_part|1_10kv|flat", 0.80, "元/千瓦时");
    Row r =
        f.benchmark()
            .filter(col("location_code").equalTo("320100").and(col("period_type").equalTo("month")))
            .first();
    // n = 4, h = 3p. p25: h = 0.75 → 0.60 + 0.75 × (0.64 − 0.60) = 0.63.
    // median: h = 1.5 → 0.64 + 0.5 × (0.70 − 0.64) = 0.67.
    // p75: h = 2.25 → 0.70 + 0.25 × (0.80 − 0.70) = 0.725.
    assertEquals(0.63, r.<Double>getAs("p25"), EPS);
    assertEquals(0.67, r.<Double>getAs("median"), EPS);
    assertEquals(0.725, r.<Double>getAs("p75"), EPS);
    // 0.60 / 0.67 × 100
    assertEquals(60.0 / 0.67, r.<Double>getAs("index_vs_median"), 1e-7);
    // 盐城 reported no price: it is absent (not a zero) and n = 4.
    assertEquals(4, r.<Integer>getAs("n_locations"));
  }

  @Test
  void subcategoryPresentInOnlySomeCitiesIsDistributedOverThoseOnly() {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .price("320100", "2025-01", "heat", "steam", 50, "元/吉焦")
            .price("320300", "2025-01", "heat", "steam", 60, "元/吉焦")
            .price("320800", "2025-01", "heat", "steam", 40, "元/吉焦")
            .price("320200", "2025-01", "gas", "industrial", 3.0, "元/立方米");
    Dataset<Row> heat =
        f.benchmark()
            .filter(
                col("factor_code")
                    .equalTo("heat")
                    .and(col("location_level").equalTo("city"))
                    .and(col("period").equalTo("2025-01")));
    Map<String, Row> city = byLocation(heat);
    // Only 南京, 徐州, 淮安 have steam: n = 3, median = 50; 无锡 and 盐城 have no row at all.
    assertEquals(List.of("320100", "320300", "320800"), city.keySet().stream().sorted().toList());
    assertEquals(3, city.get("320100").<Integer>getAs("n_locations"));
    assertEquals(50.0, city.get("320100").<Double>getAs("median"), EPS);
    assertEquals(80.0, city.get("320800").<Double>getAs("index_vs_median"), EPS);
    assertEquals(1, city.get("320800").<Integer>getAs("rank"));
    // Zones inherit 淮安's 40 (all three zones are in 淮安): one value, n = 3, all rank 1.
    Map<String, Row> zones =
        byLocation(
            f.benchmark()
                .filter(
                    col("factor_code")
                        .equalTo("heat")
                        .and(col("location_level").equalTo("zone"))
                        .and(col("period").equalTo("2025-01"))));
    assertEquals(3, zones.size());
    zones.values().forEach(z -> assertEquals(40.0, z.<Double>getAs("value"), EPS));
    zones.values().forEach(z -> assertEquals("city", z.<String>getAs("value_source")));
    zones.values().forEach(z -> assertEquals(1, z.<Integer>getAs("rank")));
    zones.values().forEach(z -> assertEquals(0.0, z.<Double>getAs("percentile"), EPS));
  }

  @Test
  void changesAgainstPreviousPeriodAndSamePeriodLastYear() {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .price("320800", "2024-01", "gas", "industrial", 2.75, "元/立方米")
            .price("320800", "2024-12", "gas", "industrial", 3.00, "元/立方米")
            .price("320800", "2025-01", "gas", "industrial", 3.30, "元/立方米");
    Map<String, Row> byPeriod =
        f
            .benchmark()
            .filter(
                col("location_code").equalTo("320800").and(col("location_level").equalTo("city")))
            .collectAsList()
            .stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("period"), r -> r));
    Row jan = byPeriod.get("2025-01");
    // vs 2024-12: (3.30 / 3.00 − 1) × 100 = 10; vs 2024-01: (3.30 / 2.75 − 1) × 100 = 20.
    assertEquals(10.0, jan.<Double>getAs("change_prev_pct"), 1e-9);
    assertEquals(20.0, jan.<Double>getAs("change_yoy_pct"), 1e-9);
    // 2024-01 has no earlier month: both changes null.
    assertNull(byPeriod.get("2024-01").getAs("change_prev_pct"));
    // Year 2024 = mean(2.75, 3.00) = 2.875; year 2025 = 3.30; (3.30 / 2.875 − 1) × 100.
    assertEquals(
        (3.30 / 2.875 - 1) * 100, byPeriod.get("2025").<Double>getAs("change_prev_pct"), 1e-9);
    assertEquals(
        (3.30 / 2.875 - 1) * 100, byPeriod.get("2025").<Double>getAs("change_yoy_pct"), 1e-9);
    // 2025Q1 (3.30) vs 2024Q4 (3.00, December only) = +10 %; vs 2024Q1 (2.75) = +20 %.
    assertEquals(10.0, byPeriod.get("2025Q1").<Double>getAs("change_prev_pct"), 1e-9);
    assertEquals(20.0, byPeriod.get("2025Q1").<Double>getAs("change_yoy_pct"), 1e-9);
    assertTrue(byPeriod.containsKey("2024Q4"));
    // A missing previous period gives no change, even though an earlier period exists: 2024-12's
    // previous month 2024-11 is missing (the month before it in the series is 2024-01), 2024Q4's
    // previous quarter 2024Q3 is missing (2024Q1 comes before it), and neither has a value a year
    // earlier (2023-12, 2023Q4).
    assertNull(byPeriod.get("2024-12").getAs("change_prev_pct"));
    assertNull(byPeriod.get("2024-12").getAs("change_yoy_pct"));
    assertNull(byPeriod.get("2024Q4").getAs("change_prev_pct"));
    assertNull(byPeriod.get("2024Q4").getAs("change_yoy_pct"));
    // 2024Q1 is the series' first quarter: no previous quarter.
    assertNull(byPeriod.get("2024Q1").getAs("change_prev_pct"));
  }
}
