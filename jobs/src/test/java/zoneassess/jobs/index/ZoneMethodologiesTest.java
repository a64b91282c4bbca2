package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.methodology.MethodologyLoader;

/**
 * The shipped zone methodologies run end to end on a small wide table of zone statistics with two
 * periods: every zone of the scored period gets an index in [0, 100] (min-max scores and weighted
 * means) and a rank, and missing per-mu aggregates are handled.
 */
class ZoneMethodologiesTest extends SparkTestBase {
  private static final String SCHEMA =
      String.join(
          ",",
          "zone_code:string",
          "period:string",
          "region:string",
          "level:string",
          "city:string",
          "gdp:double",
          "industrial_output:double",
          "leading_industry_output:double",
          "tax_revenue:double",
          "fdi_actual:double",
          "trade_total:double",
          "hightech_trade:double",
          "rnd_expense:double",
          "hightech_enterprises:double",
          "tech_progress_contribution:double",
          "invention_patents:double",
          "energy_consumption:double",
          "co2_emissions:double",
          "developed_land:double",
          "new_urban_jobs:double",
          "cooperative_parks:double",
          "projects_started_1e8:double",
          "projects_started_1e9:double",
          "projects_started_5e9:double",
          "investment_started_100m:double",
          "permu_value_added_per_mu:double",
          "permu_share_d:double");

  /** Six zones (two per region, national and provincial) over 2020 and 2021. */
  private static Object[][] zones() {
    String[][] meta = {
      {"Z01", "south", "national", "苏州"}, {"Z02", "south", "provincial", "无锡"},
      {"Z03", "central", "national", "南通"}, {"Z04", "central", "provincial", "扬州"},
      {"Z05", "north", "national", "淮安"}, {"Z06", "north", "provincial", "淮安"}
    };
    List<Object[]> rows = new ArrayList<>();
    for (String period : List.of("2020", "2021")) {
      for (int i = 0; i < meta.length; i++) {
        double s = (6 - i) * (period.equals("2021") ? 1.1 : 1.0);
        rows.add(
            new Object[] {
              meta[i][0],
              period,
              meta[i][1],
              meta[i][2],
              meta[i][3],
              100 * s,
              200 * s,
              120.0 + 10 * i,
              8 * s,
              5000 * s,
              20 * s,
              6.0 + i,
              2 * s,
              30.0 + i,
              55.0 + i,
              100 * s,
              50.0 + 5 * i,
              120.0 + 9 * i,
              10.0 + i,
              3000 * s,
              (double) (i % 3),
              (double) (6 - i),
              (double) (i % 2),
              (double) (i % 3 == 0 ? 1 : 0),
              40 * s,
              i == 2 ? null : 300.0 - 20 * i,
              i == 4 ? null : 0.02 * i
            });
      }
    }
    return rows.toArray(Object[][]::new);
  }

  private IndexResult check(String name) {
    var m = MethodologyLoader.load("classpath:methodologies/" + name + ".yaml").methodology();
    var wide = EngineFixtures.table(spark, SCHEMA, zones());
    IndexResult r =
        CompositeIndexEngine.run(wide, m, new IndexOptions("zone_code", List.of("period")));
    List<Row> ranks = r.ranks().filter("period = '2021'").collectAsList();
    assertEquals(6, ranks.size());
    List<Integer> all = new ArrayList<>();
    for (Row row : ranks) {
      double score = ((Number) row.getAs("index")).doubleValue();
      assertTrue(score >= 0 && score <= 100, name + " score " + score);
      all.add(row.getAs("rank_all"));
      assertTrue(row.<Integer>getAs("rank_level") <= 3);
    }
    all.sort(null);
    assertEquals(1, all.get(0));
    // zone 1 is the largest and best on most indicators in this fixture
    assertEquals(
        1,
        ranks.stream()
            .filter(x -> x.getAs("zone_code").equals("Z01"))
            .findFirst()
            .orElseThrow()
            .<Integer>getAs("rank_all"));
    return r;
  }

  @Test
  void jiangsu2021RunsWithRegionWeights() {
    check("jiangsu-2021");
  }

  @Test
  void national2021ScoresFocusAndTaxPerMuAsWorkedOut() {
    IndexResult r = check("national-2021");
    var scores = EngineFixtures.byId(r.normalised().filter("period = '2021'"), "zone_code");
    // main_business_focus = leading_industry_output / industrial_output, goalposts 0.3–0.9 × 100,
    // capped. Z01 (i = 0): 120 / (200 × 6 × 1.1) = 0.0909 < 0.3 → 0.
    // Z06 (i = 5): 170 / (200 × 1 × 1.1) = 0.77273 → (0.77273 − 0.3) / 0.6 × 100 = 78.788.
    assertEquals(0.0, EngineFixtures.value(scores, "Z01", "main_business_focus"), 1e-9);
    assertEquals(
        (170.0 / 220.0 - 0.3) / 0.6 * 100,
        EngineFixtures.value(scores, "Z06", "main_business_focus"),
        1e-9);
    // tax_per_mu = tax × 10000 ÷ (developed_land × 1500), benchmark 30 (cap 2×) × 50.
    // Z01: 8 × 6.6 = 52.8 亿, land 10 km² → 528000 / 15000 = 35.2 万元/亩 → 35.2 / 30 × 50 = 58.667.
    // Z06: 8 × 1.1 = 8.8 亿, land 15 km² → 88000 / 22500 = 3.9111 → 3.9111 / 30 × 50 = 6.5185.
    assertEquals(35.2 / 30 * 50, EngineFixtures.value(scores, "Z01", "tax_per_mu"), 1e-9);
    assertEquals(
        88000.0 / 22500 / 30 * 50, EngineFixtures.value(scores, "Z06", "tax_per_mu"), 1e-9);
  }
}
