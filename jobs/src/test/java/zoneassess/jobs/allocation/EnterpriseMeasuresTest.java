package zoneassess.jobs.allocation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.allocation.AllocationPolicyLoader;

/**
 * The shipped Huai'an-style policy on a hand-made county of 2025 firms. Rates from the file: D
 * electricity 0.10 / 0.20 / 0.30 元/kWh, water 0.50 / 1.00 / 1.50, gas 0.20 / 0.40 / 0.60, sewage
 * 0.17 元/m³; 专精特新 exempt and guaranteed; high-tech half; A: 50 % of 4 元/m² land-use tax.
 */
class EnterpriseMeasuresTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static final AllocationPolicy HUAIAN =
      AllocationPolicyLoader.load(AllocationPolicyLoader.HUAIAN_2024);
  private static Map<String, Row> byCode;
  private static Dataset<Row> measures;

  static Dataset<Row> perMu() {
    StructType t =
        StructType.fromDDL(
            "credit_code string, enterprise_name string, zone_code string, county_code string,"
                + " county string, city string, year int, per_mu_class string, years_in_d int,"
                + " total_score double, land_area_mu double, electricity_10k_kwh double");
    return spark.createDataFrame(
        List.of(
            firm("D3", "D", 3, 10.0, 50.0, 200.0),
            firm("SPN", "D", 1, 20.0, 40.0, 100.0),
            firm("HT", "D", 2, 15.0, 40.0, 100.0),
            firm("A1", "A", 0, 90.0, 30.0, 80.0),
            firm("A2", "A", 0, 95.0, 30.0, 80.0),
            firm("B1", "B", 0, 60.0, 30.0, 80.0),
            firm("C1", "C", 0, 30.0, 30.0, 80.0),
            firm("NEW", "T", 0, null, 12.0, 5.0),
            // the 2024 row of D3 is not allocated in 2025
            RowFactory.create(
                "D3", "D3公司", "Z1", "320801", "县一", "淮安市", 2024, "D", 2, 12.0, 50.0, 190.0)),
        t);
  }

  private static Row firm(
      String code, String cls, int yearsInD, Double score, double land, double electricity) {
    return RowFactory.create(
        code,
        code + "公司",
        "Z1",
        "320801",
        "县一",
        "淮安市",
        2025,
        cls,
        yearsInD,
        score,
        land,
        electricity);
  }

  static Dataset<Row> enterprises() {
    StructType t =
        StructType.fromDDL(
            "credit_code string, year int, water_10k_m3 double, gas_10k_m3 double,"
                + " sewage_10k_m3 double, specialised_level string, high_tech boolean,"
                + " production_start_year int");
    return spark.createDataFrame(
        List.of(
            RowFactory.create("D3", 2025, 10.0, 5.0, 8.0, null, false, 2001),
            RowFactory.create("SPN", 2025, 10.0, 5.0, 8.0, "national", true, 2010),
            RowFactory.create("HT", 2025, 10.0, null, 4.0, null, true, 2012),
            RowFactory.create("A1", 2025, 1.0, null, 1.0, null, false, 2005),
            RowFactory.create("A2", 2025, 1.0, null, 1.0, null, false, 2005),
            RowFactory.create("B1", 2025, 1.0, null, 1.0, null, false, 2005),
            RowFactory.create("C1", 2025, 1.0, null, 1.0, null, false, 2005),
            RowFactory.create("NEW", 2025, 0.5, null, 0.4, null, false, 2024)),
        t);
  }

  @BeforeAll
  static void allocate() {
    measures = EnterpriseMeasures.apply(perMu(), enterprises(), HUAIAN, 2025);
    byCode = new HashMap<>();
    for (Row r : measures.collectAsList()) {
      byCode.put(r.getAs("credit_code"), r);
    }
  }

  @Test
  void onlyTheYearIsAllocatedWithTheMartColumns() {
    assertEquals(8, byCode.size());
    assertEquals(
        zoneassess.schema.marts.AllocationMarts.ENTERPRISE.columnNames(),
        List.of(measures.columns()));
  }

  @Test
  void aDFirmInItsThirdYearPaysTheThirdStepOnEveryFactor() {
    Row d3 = byCode.get("D3");
    // electricity 0.30 × 200 万kWh = 60; water 1.50 × 10 万m³ = 15; gas 0.60 × 5 = 3;
    // sewage 0.17 × 8 = 1.36; total 79.36 万元.
    assertEquals(0.30, d3.<Double>getAs("electricity_surcharge_rate"), EPS);
    assertEquals(60.0, d3.<Double>getAs("electricity_surcharge_10k"), EPS);
    assertEquals(15.0, d3.<Double>getAs("water_surcharge_10k"), EPS);
    assertEquals(3.0, d3.<Double>getAs("natural_gas_surcharge_10k"), EPS);
    assertEquals(1.36, d3.<Double>getAs("sewage_surcharge_10k"), EPS);
    assertEquals(79.36, d3.<Double>getAs("surcharge_total_10k"), EPS);
    assertTrue(d3.<Boolean>getAs("land_auction_barred"));
    assertFalse(d3.<Boolean>getAs("land_priority"));
    assertNull(d3.getAs("priority_rank"));
    assertNull(d3.getAs("exemption"));
    assertEquals("落后整治类", d3.getAs("policy_name_zh"));
    assertEquals(
        "D类（落后整治类），连续3年；不得参与工业用地竞买；电加价0.30元/千瓦时，计60.00万元；"
            + "水加价1.50元/立方米，计15.00万元；天然气加价0.60元/立方米，计3.00万元；"
            + "污水处理加价0.17元/立方米，计1.36万元",
        d3.getAs("reason_zh"));
  }

  @Test
  void aSpecialisedFirmInDIsExemptAndGuaranteed() {
    Row spn = byCode.get("SPN");
    // The file: 国家级专精特新 → surcharge_factor 0, guaranteed (first match, before high_tech).
    assertEquals("specialised_national", spn.getAs("exemption"));
    assertEquals(0.0, spn.<Double>getAs("electricity_surcharge_rate"), EPS);
    assertEquals(0.0, spn.<Double>getAs("surcharge_total_10k"), EPS);
    assertTrue(spn.<Boolean>getAs("guaranteed"));
    assertTrue(spn.<Boolean>getAs("land_priority"));
    assertFalse(spn.<Boolean>getAs("land_auction_barred"));
    assertEquals(
        "D类（落后整治类），连续1年；国家级专精特新“小巨人”企业，免收差别化加价；应保尽保（用地用能予以保障）；" + "新增用地优先；用能指标优先",
        spn.getAs("reason_zh"));
  }

  @Test
  void aHighTechFirmInDPaysHalf() {
    Row ht = byCode.get("HT");
    // second D year: electricity 0.20 × 0.5 = 0.10 × 100 = 10; water 1.00 × 0.5 × 10 = 5;
    // gas not reported → null; sewage 0.17 × 0.5 × 4 = 0.34; total 15.34.
    assertEquals(0.10, ht.<Double>getAs("electricity_surcharge_rate"), EPS);
    assertEquals(10.0, ht.<Double>getAs("electricity_surcharge_10k"), EPS);
    assertEquals(5.0, ht.<Double>getAs("water_surcharge_10k"), EPS);
    assertNull(ht.getAs("natural_gas_surcharge_10k"));
    assertEquals(0.34, ht.<Double>getAs("sewage_surcharge_10k"), EPS);
    assertEquals(15.34, ht.<Double>getAs("surcharge_total_10k"), EPS);
    assertFalse(ht.<Boolean>getAs("guaranteed"));
  }

  @Test
  void anAFirmGetsTaxReliefPriorityAndTheCreditList() {
    Row a1 = byCode.get("A1");
    // 30 亩 = 20 000 m² × 4 元 = 8 万元 a year; 50 % waived = 4 万元.
    assertEquals(0.5, a1.<Double>getAs("land_use_tax_reduction"), EPS);
    assertEquals(4.0, a1.<Double>getAs("land_use_tax_relief_10k"), EPS);
    assertTrue(a1.<Boolean>getAs("credit_list"));
    assertEquals(0.0, a1.<Double>getAs("surcharge_total_10k"), EPS);
    assertEquals("A类（优先发展类）；新增用地优先；用能指标优先；列入信贷推荐名单；城镇土地使用税减免50%，计4.00万元", a1.getAs("reason_zh"));
  }

  @Test
  void guaranteedFirmsComeFirstThenTheClassesInOrderByScore() {
    // Guaranteed: SPN (score 20) and NEW (T, in production since 2024 < 2 years, no score) → 1, 2;
    // then A by score: A2 (95) 3, A1 (90) 4; B1 5; C1 6; the D firms are barred (HT is not
    // guaranteed, the high-tech exemption only halves its surcharge).
    assertEquals(1, (int) byCode.get("SPN").<Integer>getAs("priority_rank"));
    assertEquals(2, (int) byCode.get("NEW").<Integer>getAs("priority_rank"));
    assertEquals("new_production", byCode.get("NEW").getAs("exemption"));
    assertEquals(3, (int) byCode.get("A2").<Integer>getAs("priority_rank"));
    assertEquals(4, (int) byCode.get("A1").<Integer>getAs("priority_rank"));
    assertEquals(5, (int) byCode.get("B1").<Integer>getAs("priority_rank"));
    assertEquals(6, (int) byCode.get("C1").<Integer>getAs("priority_rank"));
    assertNull(byCode.get("HT").getAs("priority_rank"));
  }

  @Test
  void persistentDFirmsAndReportedIdleLandAreRecoveryCandidates() {
    StructType statsType =
        StructType.fromDDL(
            "zone_code string, period string, indicator_code string, value double, basis string");
    Dataset<Row> stats =
        spark.createDataFrame(
            List.of(
                RowFactory.create("Z1", "2025", "idle_land", 0.2, null),
                RowFactory.create("Z1", "2025", "low_efficiency_land", 0.5, "final"),
                RowFactory.create("Z1", "2025Q3", "idle_land", 0.1, null),
                RowFactory.create("Z1", "2024", "idle_land", 0.3, null)),
            statsType);
    Dataset<Row> zones =
        spark.createDataFrame(
            List.of(RowFactory.create("Z1", "一区", "淮安市")),
            StructType.fromDDL("zone_code string, zone_name string, city string"));
    List<Row> rows =
        LandRecovery.apply(stats, zones, measures, HUAIAN, 2025)
            .orderBy("candidate_type", "credit_code")
            .collectAsList();
    // idle 0.2 km² × 1 500 = 300 亩; low-efficiency 0.5 km² = 750 亩; D3 (3 years ≥ 2) with 50 亩;
    // HT (2 years, not guaranteed) 40 亩; SPN is D for 1 year and guaranteed → not a candidate.
    assertEquals(4, rows.size());
    assertEquals("idle_land", rows.get(0).getAs("candidate_type"));
    assertEquals(300.0, rows.get(0).<Double>getAs("area_mu"), EPS);
    assertEquals(750.0, rows.get(1).<Double>getAs("area_mu"), EPS);
    assertEquals("D3", rows.get(2).getAs("credit_code"));
    assertEquals(50.0, rows.get(2).<Double>getAs("area_mu"), EPS);
    assertEquals("HT", rows.get(3).getAs("credit_code"));
    assertEquals("连续2年D类：整治提升或依法收回，新增供地租让结合、先租后让", rows.get(3).getAs("measure_zh"));
  }
}
