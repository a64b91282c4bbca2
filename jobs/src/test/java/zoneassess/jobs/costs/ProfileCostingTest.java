package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.factor.TypicalFirmProfile;
import zoneassess.schema.factor.TypicalFirmProfileLoader;

/**
 * Two profiles priced at the three counties 涟水, 盱眙 (both 淮安) and 丰县 (徐州) for 2025, and the
 * composite index, all derived by hand below.
 */
class ProfileCostingTest extends SparkTestBase {
  private static final double EPS = 1e-6;

  private static final String DEMO =
      """
      id: demo
      name_zh: 演示企业
      lines:
        - {factor: electricity, subcategory: two_part|1_10kv|peak, quantity: 100000}
        - {factor: water, subcategory: total, quantity: 1000}
        - {factor: industrial_land, subcategory: transfer_price, quantity: 50, amortise_years: 50}
        - {factor: average_wage, subcategory: urban_non_private, quantity: 10}
        - {factor: social_insurance, subcategory: pension}
        - {factor: loan_rate, subcategory: one_year, quantity: 1000}
      """;
  private static final String FREIGHT =
      """
      id: freight
      name_zh: 货运演示
      lines:
        - {factor: electricity, subcategory: two_part|1_10kv|peak, quantity: 10000}
        - {factor: logistics, subcategory: road_freight, quantity: 10000}
      """;

  private static FactorCostFixtures prices(FactorCostFixtures f) {
    return f.price("320800", "2025", "electricity", "two_part|1_10kv|peak", 0.80, "元/千瓦时")
        .price("320300", "2025", "electricity", "two_part|1_10kv|peak", 0.90, "元/千瓦时")
        .price("320800", "2025", "water", "base", 3.0, "元/立方米")
        .price("320800", "2025", "water", "resource_fee", 0.4, "元/立方米")
        .price("320800", "2025", "water", "sewage", 1.4, "元/立方米")
        .price("320300", "2025", "water", "base", 2.8, "元/立方米")
        .price("320300", "2025", "water", "resource_fee", 0.3, "元/立方米")
        .price("320300", "2025", "water", "sewage", 1.3, "元/立方米")
        .price("320826", "2025", "industrial_land", "transfer_price", 300, "元/平方米")
        .price("320830", "2025", "industrial_land", "transfer_price", 24, "万元/亩")
        .price("320800", "2025", "average_wage", "urban_non_private", 80000, "元/年")
        .price("320300", "2025", "average_wage", "urban_non_private", 90000, "元/年")
        .price("320800", "2025", "social_insurance", "pension", 16, "%")
        .price("320300", "2025", "social_insurance", "pension", 16, "%")
        .price("320800", "2025", "loan_rate", "one_year", 3.5, "%")
        .price("320300", "2025", "loan_rate", "one_year", 3.0, "%")
        .price("320800", "2025", "logistics", "road_freight", 0.40, "元/吨公里")
        .price("320300", "2025", "logistics", "road_freight", 0.50, "元/吨公里");
  }

  @Test
  void profileTotalsBreakdownRanksAndCompositeIndexByHand() {
    FactorCostFixtures f = prices(new FactorCostFixtures(spark));
    List<TypicalFirmProfile> profiles =
        List.of(
            TypicalFirmProfileLoader.parse("demo.yaml", DEMO, FactorCostFixtures.CATALOGUE),
            TypicalFirmProfileLoader.parse("freight.yaml", FREIGHT, FactorCostFixtures.CATALOGUE));
    Dataset<Row> counties =
        f.locations().filter(col("location_code").isin("320826", "320830", "320321"));
    Dataset<Row> years = spark.createDataset(List.of(2025), Encoders.INT()).toDF("year");
    ProfileCosting.Priced priced =
        ProfileCosting.marts(
            ProfileCosting.price(
                    f.located(), counties, ProfileCosting.lines(spark, profiles), years, f.tables())
                .localCheckpoint(),
            counties);

    // demo at 涟水 (淮安 prices, own land 300 元/m² = 20 万元/亩), in 元:
    //   electricity 100000 × 0.80 = 80000; water 1000 × (3.0 + 0.4 + 1.4) = 4800;
    //   land 50 亩 × 20 万元 × 10000 / 50 years = 200000; wages 10 × 80000 = 800000;
    //   pension 800000 × 16 % = 128000; loan 1000 万元 × 3.5 % = 35 万元 = 350000.
    //   total 1562800 元 = 156.28 万元.
    // 盱眙: land 50 × 24 × 10000 / 50 = 240000 → 1602800 = 160.28 万元.
    // 丰县 (徐州 prices, no land price: the county median (20 + 24) / 2 = 22 is used):
    //   90000 + 4400 + 220000 + 900000 + 144000 + 300000 = 1658400 = 165.84 万元.
    Map<String, Row> demo =
        priced.profiles().filter(col("profile_id").equalTo("demo")).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("location_code"), r -> r));
    assertEquals(156.28, demo.get("320826").<Double>getAs("total_cost_10k"), EPS);
    assertEquals(160.28, demo.get("320830").<Double>getAs("total_cost_10k"), EPS);
    assertEquals(165.84, demo.get("320321").<Double>getAs("total_cost_10k"), EPS);
    assertEquals(1, demo.get("320826").<Integer>getAs("rank"));
    assertEquals(2, demo.get("320830").<Integer>getAs("rank"));
    assertEquals(3, demo.get("320321").<Integer>getAs("rank"));
    // gaps: to the cheapest 156.28, to the median 160.28.
    assertEquals(165.84 - 156.28, demo.get("320321").<Double>getAs("gap_to_cheapest_10k"), EPS);
    assertEquals(156.28 - 160.28, demo.get("320826").<Double>getAs("gap_to_median_10k"), EPS);
    assertEquals(165.84 / 160.28 * 100, demo.get("320321").<Double>getAs("index_vs_median"), EPS);
    assertEquals(1, demo.get("320321").<Integer>getAs("median_priced_lines"));
    assertEquals(0, demo.get("320826").<Integer>getAs("median_priced_lines"));
    assertEquals("涟水县", demo.get("320826").<String>getAs("location_name"));
    assertEquals("淮安市", demo.get("320826").<String>getAs("city"));

    Map<String, Row> breakdown =
        priced.breakdown().filter(col("profile_id").equalTo("demo")).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    r -> r.<String>getAs("location_code") + "/" + r.<String>getAs("factor_code"),
                    r -> r));
    assertEquals(20.0, breakdown.get("320826/industrial_land").<Double>getAs("cost_10k"), EPS);
    assertEquals(
        20.0 / 156.28, breakdown.get("320826/industrial_land").<Double>getAs("share"), EPS);
    assertEquals("own", breakdown.get("320826/industrial_land").<String>getAs("price_source"));
    assertEquals("median", breakdown.get("320321/industrial_land").<String>getAs("price_source"));
    assertEquals(12.8, breakdown.get("320826/social_insurance").<Double>getAs("cost_10k"), EPS);
    assertEquals("city", breakdown.get("320826/electricity").<String>getAs("price_source"));

    // Composite index. Median prices over the three counties: electricity 0.80 (0.80, 0.80, 0.90),
    // water total 4.8, land 22, wage 80000, pension 16, loan 3.5, freight 0.40.
    // Reference costs (元): demo: elec 80000, water 4800, land 220000, wage 800000,
    // pension 128000, loan 350000, T⁰ = 1582800; freight: elec 8000, logistics 4000, T⁰ = 12000.
    double t1 = 1582800;
    double wElec = (80000 / t1 + 8000 / 12000.0) / 2;
    double wWater = (4800 / t1) / 2;
    double wLand = (220000 / t1) / 2;
    double wWage = (800000 / t1) / 2;
    double wPension = (128000 / t1) / 2;
    double wLoan = (350000 / t1) / 2;
    double wFreight = (4000 / 12000.0) / 2;
    // relatives (Σ over profiles of cost at the location / at median prices):
    // 涟水: land 200000 / 220000, everything else 1.  盱眙: land 240000 / 220000.
    // 丰县: elec (90000 + 9000) / 88000, water 4400 / 4800, land 1, wage 900000 / 800000,
    //       pension 144000 / 128000, loan 300000 / 350000, freight 5000 / 4000.
    double rawLianshui =
        100 * (wElec + wWater + wLand * 200000 / 220000 + wWage + wPension + wLoan + wFreight);
    double rawXuyi =
        100 * (wElec + wWater + wLand * 240000 / 220000 + wWage + wPension + wLoan + wFreight);
    double rawFeng =
        100
            * (wElec * 99000 / 88000
                + wWater * 4400 / 4800
                + wLand
                + wWage * 900000 / 800000
                + wPension * 144000 / 128000
                + wLoan * 300000 / 350000
                + wFreight * 5000 / 4000);
    // median of the three raw values is 盱眙's (rawLianshui < rawXuyi < rawFeng).
    Map<String, Row> index =
        CompositeCostIndex.compute(priced.lineCosts(), counties).collectAsList().stream()
            .collect(Collectors.toMap(r -> r.<String>getAs("location_code"), r -> r));
    assertEquals(rawLianshui, index.get("320826").<Double>getAs("composite_vs_median_prices"), EPS);
    assertEquals(rawFeng, index.get("320321").<Double>getAs("composite_vs_median_prices"), EPS);
    assertEquals(100.0, index.get("320830").<Double>getAs("composite_index"), EPS);
    assertEquals(
        rawLianshui / rawXuyi * 100, index.get("320826").<Double>getAs("composite_index"), EPS);
    assertEquals(
        rawFeng / rawXuyi * 100, index.get("320321").<Double>getAs("composite_index"), EPS);
    assertEquals(1, index.get("320826").<Integer>getAs("rank"));
    assertEquals(3, index.get("320321").<Integer>getAs("rank"));
  }
}
