package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.permu.PerMuFixtures.HUAIAN;
import static zoneassess.jobs.permu.PerMuFixtures.HUAIAN_DISTRICT;
import static zoneassess.jobs.permu.PerMuFixtures.HUAIYIN_DISTRICT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class PerMuAggregatesTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  /**
   * Evaluated enterprise rows (only the columns the aggregates read):
   *
   * <pre>
   * firm zone     county year class land tax rev  va   surcharge
   * E1   HA-ETDZ  320803 2023 A     10   50  500  100  0
   * E2   HA-ETDZ  320803 2023 D     20   10  100  20   10
   * E1   HA-ETDZ  320803 2024 A     10   80  800  150  0
   * E2   HA-ETDZ  320803 2024 D     20   10  200  -    20
   * E3   HA-ETDZ  320803 2024 B     30   60  600  150  0
   * E4   HA-ETDZ  320803 2024 T     40   90  400  100  0
   * E5   HA-HTZ   320804 2024 C     50   25  250  50   0
   * E6   (none)   320803 2024 B     10   10  100  10   0
   * </pre>
   */
  private Dataset<Row> evaluated() {
    List<Row> rows =
        List.of(
            row("E1", "HA-ETDZ", HUAIAN_DISTRICT, 2023, "A", 10, 50, 500, 100.0, 0),
            row("E2", "HA-ETDZ", HUAIAN_DISTRICT, 2023, "D", 20, 10, 100, 20.0, 10),
            row("E1", "HA-ETDZ", HUAIAN_DISTRICT, 2024, "A", 10, 80, 800, 150.0, 0),
            row("E2", "HA-ETDZ", HUAIAN_DISTRICT, 2024, "D", 20, 10, 200, null, 20),
            row("E3", "HA-ETDZ", HUAIAN_DISTRICT, 2024, "B", 30, 60, 600, 150.0, 0),
            row("E4", "HA-ETDZ", HUAIAN_DISTRICT, 2024, "T", 40, 90, 400, 100.0, 0),
            row("E5", "HA-HTZ", HUAIYIN_DISTRICT, 2024, "C", 50, 25, 250, 50.0, 0),
            row("E6", null, HUAIAN_DISTRICT, 2024, "B", 10, 10, 100, 10.0, 0));
    return spark.createDataFrame(
        rows,
        StructType.fromDDL(
            "credit_code string, zone_code string, county_code string, city_code string, year int,"
                + " per_mu_class string, land_area_mu double, tax_paid_10k double, revenue_10k double,"
                + " value_added_10k double, surcharge_estimate_10k double"));
  }

  private static Row row(
      String code,
      String zone,
      String county,
      int year,
      String cls,
      double land,
      double tax,
      double rev,
      Double va,
      double surcharge) {
    return RowFactory.create(code, zone, county, HUAIAN, year, cls, land, tax, rev, va, surcharge);
  }

  @Test
  void zoneTotalsByHand() {
    Dataset<Row> stats =
        PerMuFixtures.zoneStats(
            spark,
            List.of(
                new Object[] {"HA-ETDZ", "2024", "gdp", 30.0},
                new Object[] {"HA-ETDZ", "2024", "developed_land", 2.0},
                new Object[] {"HA-ETDZ", "2023", "gdp", 25.0}));
    Map<String, Row> z = new HashMap<>();
    for (Row r :
        PerMuAggregates.zones(evaluated(), PerMuFixtures.zones(spark), stats).collectAsList()) {
      z.put(r.getAs("zone_code") + "/" + r.getAs("year"), r);
    }
    assertEquals(3, z.size()); // E6 has no zone
    Row etdz = z.get("HA-ETDZ/2024");
    assertEquals("淮安经济技术开发区", etdz.getAs("zone_name"));
    assertEquals("淮安市", etdz.getAs("city"));
    assertEquals(4L, (long) etdz.<Long>getAs("enterprises"));
    assertEquals(3L, (long) etdz.<Long>getAs("evaluated"));
    assertEquals(100.0, etdz.<Double>getAs("land_mu"), EPS); // 10 + 20 + 30 + 40, T included
    assertEquals(2.4, etdz.<Double>getAs("tax_per_mu"), EPS); // (80 + 10 + 60 + 90) / 100
    assertEquals(20.0, etdz.<Double>getAs("revenue_per_mu"), EPS); // 2000 / 100
    // Value added over the land of the firms that report it: (150 + 150 + 100) / (10 + 30 + 40) =
    // 5.
    assertEquals(5.0, etdz.<Double>getAs("value_added_per_mu"), EPS);
    // 400 万元 = 0.04 亿元 on 80 mu = 80/1500 km² → 0.04 × 1500 / 80 = 0.75 亿元/km².
    assertEquals(0.75, etdz.<Double>getAs("output_per_km2_100m"), EPS);
    assertEquals(15.0, etdz.<Double>getAs("output_per_km2_zone_stats"), EPS); // 30 亿元 / 2 km²
    assertEquals(1L, (long) etdz.<Long>getAs("count_a"));
    assertEquals(1L, (long) etdz.<Long>getAs("count_b"));
    assertEquals(0L, (long) etdz.<Long>getAs("count_c"));
    assertEquals(1L, (long) etdz.<Long>getAs("count_d"));
    assertEquals(1L, (long) etdz.<Long>getAs("count_t"));
    assertEquals(1.0 / 3, etdz.<Double>getAs("share_a"), EPS); // of the 3 evaluated
    assertEquals(0.0, etdz.<Double>getAs("share_c"), EPS);
    assertEquals(20.0, etdz.<Double>getAs("d_land_mu"), EPS);
    assertEquals(20.0, etdz.<Double>getAs("surcharge_revenue_10k"), EPS);
    assertEquals(2.0, etdz.<Double>getAs("tax_per_mu_prev"), EPS); // 2023: 60 / 30
    assertEquals(20.0, etdz.<Double>getAs("tax_per_mu_change_pct"), EPS); // (2.4 − 2) / 2 × 100
    // 2023 has gdp but no developed land: no zone-statistics output rate; no 2022 to compare.
    assertNull(z.get("HA-ETDZ/2023").getAs("output_per_km2_zone_stats"));
    assertNull(z.get("HA-ETDZ/2023").getAs("tax_per_mu_change_pct"));
    assertEquals(0.5, z.get("HA-HTZ/2024").<Double>getAs("tax_per_mu"), EPS); // 25 / 50

    // The zone indicators for the assessment: 4 per zone-year with values.
    Map<String, Double> ind = new HashMap<>();
    for (Row r :
        PerMuZoneIndicators.fromZones(
                PerMuAggregates.zones(evaluated(), PerMuFixtures.zones(spark), stats))
            .filter("zone_code = 'HA-ETDZ' and period = '2024'")
            .collectAsList()) {
      ind.put(r.getAs("indicator_code"), r.getAs("value"));
    }
    assertEquals(
        Map.of(
            "permu_tax_per_mu",
            2.4,
            "permu_value_added_per_mu",
            5.0,
            "permu_share_a",
            1.0 / 3,
            "permu_share_d",
            1.0 / 3),
        ind);
  }

  @Test
  void countyAndCityTotalsByHand() {
    Map<String, Row> a = new HashMap<>();
    for (Row r : PerMuAggregates.areas(evaluated(), PerMuFixtures.areas(spark)).collectAsList()) {
      a.put(r.getAs("area_code") + "/" + r.getAs("year"), r);
    }
    Row huaianDistrict = a.get(HUAIAN_DISTRICT + "/2024");
    assertEquals("淮安区", huaianDistrict.getAs("area_name"));
    assertEquals("county", huaianDistrict.getAs("area_level"));
    assertEquals("淮安市", huaianDistrict.getAs("city"));
    // E1, E2, E3, E4, E6 (E6 counts here although it is in no zone): land 110, tax 250.
    assertEquals(110.0, huaianDistrict.<Double>getAs("land_mu"), EPS);
    assertEquals(250.0 / 110, huaianDistrict.<Double>getAs("tax_per_mu"), EPS);
    assertEquals(2.0, huaianDistrict.<Double>getAs("tax_per_mu_prev"), EPS); // 2023: 60 / 30
    assertEquals(
        (250.0 / 110 - 2.0) / 2.0 * 100,
        huaianDistrict.<Double>getAs("tax_per_mu_change_pct"),
        EPS);
    assertEquals(0.5, huaianDistrict.<Double>getAs("share_b"), EPS); // E3, E6 of 4 evaluated
    Row city = a.get(HUAIAN + "/2024");
    assertEquals("city", city.getAs("area_level"));
    assertEquals("淮安市", city.getAs("area_name"));
    assertEquals(6L, (long) city.<Long>getAs("enterprises"));
    assertEquals(160.0, city.<Double>getAs("land_mu"), EPS); // 110 + 50
    assertEquals(275.0 / 160, city.<Double>getAs("tax_per_mu"), EPS);
    assertEquals(1L, (long) city.<Long>getAs("count_c"));
  }
}
