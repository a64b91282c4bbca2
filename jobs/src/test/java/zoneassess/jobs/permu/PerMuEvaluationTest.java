package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.permu.PerMuFixtures.HUAIYIN_DISTRICT;
import static zoneassess.jobs.permu.PerMuFixtures.firm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.permu.PerMuFixtures.Firm;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.permu.PerMuScheme;
import zoneassess.schema.permu.PerMuSchemeLoader;
import zoneassess.schema.yaml.YamlDoc;

class PerMuEvaluationTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static final PerMuScheme HUAIAN = PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024);
  private static final PerMuScheme ZHEJIANG =
      PerMuSchemeLoader.load(PerMuSchemeLoader.ZHEJIANG_2022);

  /**
   * Five above-scale firms of 淮安区 in 2024, no earlier year: Σ land 100, Σ tax 400, Σ revenue 5000,
   * Σ energy 300. Benchmarks (same-year, first year) = 2 × pooled county average: 亩均税收 2 × 400/100
   * = 8; 亩均销售收入 2 × 5000/100 = 100; 单位能耗税收 2 × 400/300 = 8/3.
   */
  private static List<Firm> fiveHuaianFirms() {
    return List.of(
        firm("F1").land(10).tax(100.0).revenue(1000.0).energy(50.0),
        firm("F2").land(20).tax(100.0).revenue(1000.0).energy(100.0),
        firm("F3").land(10).tax(50.0).revenue(500.0).energy(25.0),
        firm("F4").land(40).tax(100.0).revenue(2000.0).energy(100.0),
        firm("F5").land(20).tax(50.0).revenue(500.0).energy(25.0));
  }

  private PerMuEvaluation.Result evaluate(List<Firm> firms, PerMuScheme scheme) {
    return PerMuEvaluation.evaluate(
        PerMuFixtures.enterprises(spark, firms), PerMuFixtures.areas(spark), scheme);
  }

  private static Map<String, Row> byFirm(Dataset<Row> enterprises, int year) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : enterprises.filter("year = " + year).collectAsList()) {
      out.put(r.getAs("credit_code"), r);
    }
    return out;
  }

  /** All item rows, keyed "credit_code/year/item_code" (one action). */
  private static Map<String, Row> items(PerMuEvaluation.Result result) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : result.items().collectAsList()) {
      out.put(r.getAs("credit_code") + "/" + r.getAs("year") + "/" + r.getAs("item_code"), r);
    }
    return out;
  }

  private static double score(Row r) {
    return r.<Double>getAs("total_score");
  }

  @Test
  void huaianScoresAreValueOverBenchmarkTimesWeight() {
    PerMuEvaluation.Result result = evaluate(fiveHuaianFirms(), HUAIAN);
    Map<String, Row> e = byFirm(result.enterprises(), 2024);
    // F1: 10/8×45 = 56.25; 100/100×35 = 35; 2/(8/3)×20 = 15  → 106.25
    assertEquals(106.25, score(e.get("F1")), EPS);
    // F2: 5/8×45 = 28.125; 50/100×35 = 17.5; 1/(8/3)×20 = 7.5 → 53.125
    assertEquals(53.125, score(e.get("F2")), EPS);
    // F3: 28.125 + 17.5 + 15 = 60.625
    assertEquals(60.625, score(e.get("F3")), EPS);
    // F4: 2.5/8×45 = 14.0625; 50/100×35 = 17.5; 7.5 → 39.0625
    assertEquals(39.0625, score(e.get("F4")), EPS);
    // F5: 14.0625 + 25/100×35 = 8.75 + 15 → 37.8125
    assertEquals(37.8125, score(e.get("F5")), EPS);
    // n = 5: A ends at round_half_up(1.0) = 1, B at 3, C at round_half_up(4.75) = 5; no D.
    assertEquals("A", e.get("F1").getAs("per_mu_class"));
    assertEquals("B", e.get("F3").getAs("per_mu_class"));
    assertEquals("B", e.get("F2").getAs("per_mu_class"));
    assertEquals("C", e.get("F4").getAs("per_mu_class"));
    assertEquals("C", e.get("F5").getAs("per_mu_class"));
    assertEquals(2, (int) e.get("F3").<Integer>getAs("rank_in_group"));
    assertEquals(5, (int) e.get("F3").<Integer>getAs("group_size"));
    assertEquals("320803", e.get("F3").getAs("group_code"));
    assertEquals("淮安市", e.get("F3").getAs("city"));
    assertEquals("huaian-2024", e.get("F3").getAs("scheme_id"));
    assertEquals(10.0, e.get("F1").<Double>getAs("tax_per_mu"), EPS);

    Map<String, Row> items = items(result);
    Row taxItem = items.get("F1/2024/tax_per_mu");
    assertEquals(8.0, taxItem.<Double>getAs("benchmark"), EPS);
    assertEquals("same_year", taxItem.getAs("benchmark_basis"));
    assertEquals(56.25, taxItem.<Double>getAs("item_score"), EPS);
    assertFalse(taxItem.<Boolean>getAs("imputed"));
    assertEquals(15, items.size()); // 5 firms × 3 items
  }

  @Test
  void benchmarkIsTwiceThePriorYearCountyAverage() {
    // 淮阴区: 2023 has two firms, Σ land 20, Σ tax 60, Σ revenue 800, Σ energy 40, so the 2024
    // benchmarks are 2 × 60/20 = 6, 2 × 800/20 = 80, 2 × 60/40 = 3 — whatever 2024 looks like.
    List<Firm> firms =
        List.of(
            firm("G1")
                .county(HUAIYIN_DISTRICT)
                .year(2023)
                .land(10)
                .tax(40.0)
                .revenue(500.0)
                .energy(20.0),
            firm("G2")
                .county(HUAIYIN_DISTRICT)
                .year(2023)
                .land(10)
                .tax(20.0)
                .revenue(300.0)
                .energy(20.0),
            firm("G1")
                .county(HUAIYIN_DISTRICT)
                .year(2024)
                .land(10)
                .tax(120.0)
                .revenue(800.0)
                .energy(30.0),
            firm("G2")
                .county(HUAIYIN_DISTRICT)
                .year(2024)
                .land(10)
                .tax(30.0)
                .revenue(400.0)
                .energy(30.0));
    PerMuEvaluation.Result result = evaluate(firms, HUAIAN);
    Map<String, Row> e = byFirm(result.enterprises(), 2024);
    // G1 2024: 12/6×45 = 90; 80/80×35 = 35; 4/3×20 = 26.666…  → 151.666…
    assertEquals(90 + 35 + 4.0 / 3.0 * 20, score(e.get("G1")), EPS);
    // G2 2024: 3/6×45 = 22.5; 40/80×35 = 17.5; 1/3×20 = 6.666… → 46.666…
    assertEquals(22.5 + 17.5 + 20.0 / 3.0, score(e.get("G2")), EPS);
    Map<String, Row> items = items(result);
    List<Row> basis = List.of(items.get("G1/2023/tax_per_mu"), items.get("G1/2024/tax_per_mu"));
    assertEquals("same_year", basis.get(0).getAs("benchmark_basis"));
    // 2023 itself has no prior year: 2 × 60/20 = 6 from the same year.
    assertEquals(6.0, basis.get(0).<Double>getAs("benchmark"), EPS);
    assertEquals("prior_year", basis.get(1).getAs("benchmark_basis"));
    assertEquals(6.0, basis.get(1).<Double>getAs("benchmark"), EPS);
  }

  @Test
  void zhejiangAboveScaleFormulaAndMissingEmissionsGetTheAverage() {
    // Three above-scale firms of one district, 2022. Z3 has no emission data.
    List<Firm> firms =
        List.of(
            firm("Z1")
                .year(2022)
                .land(10)
                .tax(240.97)
                .valueAdded(1361.6)
                .energy(400.0)
                .emissions(0.5)
                .employees(100)
                .rnd(30.0)
                .revenue(3000.0),
            firm("Z2")
                .year(2022)
                .land(20)
                .tax(100.0)
                .valueAdded(1000.0)
                .energy(500.0)
                .emissions(1.0)
                .employees(50)
                .rnd(0.0)
                .revenue(2000.0),
            firm("Z3")
                .year(2022)
                .land(10)
                .tax(50.0)
                .valueAdded(500.0)
                .energy(100.0)
                .employees(25)
                .rnd(10.0)
                .revenue(1000.0));
    PerMuEvaluation.Result result = evaluate(firms, ZHEJIANG);
    // Emission items: Z1 (1361.6/0.5)/4929.81×10, Z2 (1000/1)/4929.81×10; Z3 gets their mean.
    double emZ1 = 1361.6 / 0.5 / 4929.81 * 10;
    double emZ2 = 1000.0 / 1.0 / 4929.81 * 10;
    // Z1: 24.097/24.097×30 + 136.16/136.16×20 + (1361.6/400)/2.694×20 + emission
    //     + (1361.6/100)/18.14×10 + (30/3000)/0.0302×10
    double z1 =
        30 + 20 + 1361.6 / 400 / 2.694 * 20 + emZ1 + 1361.6 / 100 / 18.14 * 10 + 0.01 / 0.0302 * 10;
    // Z3: 5/24.097×30 + 50/136.16×20 + 5/2.694×20 + (emZ1+emZ2)/2 + 20/18.14×10 + 0.01/0.0302×10
    double z3 =
        5 / 24.097 * 30
            + 50 / 136.16 * 20
            + 5 / 2.694 * 20
            + (emZ1 + emZ2) / 2
            + 20 / 18.14 * 10
            + 0.01 / 0.0302 * 10;
    Map<String, Row> e = byFirm(result.enterprises(), 2022);
    assertEquals(z1, score(e.get("Z1")), 1e-6);
    assertEquals(z3, score(e.get("Z3")), 1e-6);
    Map<String, Row> items = items(result);
    Row z3Emission = items.get("Z3/2022/value_added_per_emission");
    assertTrue(z3Emission.<Boolean>getAs("imputed"));
    assertNull(z3Emission.getAs("value"));
    assertEquals((emZ1 + emZ2) / 2, z3Emission.<Double>getAs("item_score"), 1e-9);
    assertEquals(4929.81, z3Emission.<Double>getAs("benchmark"), EPS);
    assertEquals("fixed", z3Emission.getAs("benchmark_basis"));
    // Z2's R&D share is 0/2000 = 0: a value of zero scores zero, it is not missing.
    Row z2Rnd = items.get("Z2/2022/rnd_share");
    assertEquals(0.0, z2Rnd.<Double>getAs("item_score"), EPS);
    assertFalse(z2Rnd.<Boolean>getAs("imputed"));
  }

  @Test
  void zhejiangBelowScaleFormulaIsRankedApart() {
    // B1: 亩均税收 57.966/5 = 11.5932 → exactly 50; 单位电耗税收 57.966/100 → 0.57966/0.2352×50.
    // B2: 23.1864/5 = 4.63728 → 4.63728/11.5932×50 = 20; 23.1864/200 → 0.115932/0.2352×50.
    List<Firm> firms =
        List.of(
            firm("B1").below().year(2022).land(5).tax(57.966).electricity(100.0),
            firm("B2").below().year(2022).land(5).tax(23.1864).electricity(200.0),
            firm("A1")
                .year(2022)
                .land(10)
                .tax(24.097)
                .valueAdded(0.0)
                .energy(1.0)
                .emissions(1.0)
                .employees(1)
                .rnd(0.0)
                .revenue(1.0));
    Map<String, Row> e = byFirm(evaluate(firms, ZHEJIANG).enterprises(), 2022);
    assertEquals(50 + 0.57966 / 0.2352 * 50, score(e.get("B1")), 1e-9);
    assertEquals(20 + 0.115932 / 0.2352 * 50, score(e.get("B2")), 1e-9);
    // by_scale: the two below-scale firms form their own group of 2; A1 is alone above.
    assertEquals("320803/below", e.get("B1").getAs("group_code"));
    assertEquals(2, (int) e.get("B1").<Integer>getAs("group_size"));
    assertEquals(1, (int) e.get("A1").<Integer>getAs("group_size"));
    // A1: 24.097/10 = 2.4097/mu → 2.4097/24.097×30 = 3; all other values are zero.
    assertEquals(3.0, score(e.get("A1")), 1e-9);
  }

  @Test
  void classTFirmsCarryTheirReason() {
    List<Firm> firms =
        List.of(
            firm("U1").utility(true).start(2023).tax(10.0).revenue(100.0).energy(10.0),
            firm("N1").start(2023).tax(10.0).revenue(100.0).energy(10.0), // 2024 − 2023 = 1 < 2
            firm("N2").start(2022).tax(10.0).revenue(100.0).energy(10.0), // 2 years: evaluated
            firm("S1").below().land(2.5).tax(10.0).revenue(100.0).electricity(10.0),
            firm("S2")
                .below()
                .land(3)
                .tax(10.0)
                .revenue(100.0)
                .electricity(10.0), // 3 mu: evaluated
            firm("L1").land(2).tax(10.0).revenue(100.0).energy(10.0)); // above-scale: no land rule
    PerMuEvaluation.Result result = evaluate(firms, HUAIAN);
    Map<String, Row> e = byFirm(result.enterprises(), 2024);
    // Utility comes first in the scheme, so U1 (also new) is T for being a utility.
    assertEquals("utility", e.get("U1").getAs("t_reason"));
    assertEquals("new_production", e.get("N1").getAs("t_reason"));
    assertEquals("below_land_threshold", e.get("S1").getAs("t_reason"));
    for (String t : List.of("U1", "N1", "S1")) {
      assertEquals("T", e.get(t).getAs("per_mu_class"));
      assertNull(e.get(t).getAs("total_score"));
      assertNull(e.get(t).getAs("rank_in_group"));
      assertEquals(0, (int) e.get(t).<Integer>getAs("years_in_d"));
    }
    for (String ok : List.of("N2", "S2", "L1")) {
      assertNull(e.get(ok).getAs("t_reason"));
      assertEquals(3, (int) e.get(ok).<Integer>getAs("group_size"));
    }
    assertTrue(items(result).keySet().stream().noneMatch(k -> k.matches("(U1|N1|S1)/.*")));
  }

  @Test
  void capAndReweightFromATestScheme() {
    PerMuScheme capped =
        PerMuSchemeLoader.parse(
            YamlDoc.parse(
                "capped.yaml",
                """
                id: capped
                formulas:
                  above:
                    total_weight: 100
                    cap: 2
                    items:
                      - {indicator: tax_per_mu, weight: 50, benchmark: 10}
                      - {indicator: revenue_per_mu, weight: 50, benchmark: 100, missing: reweight}
                classes:
                  grouping: county
                  bands: [{class: A, to: 50%}, {class: B}]
                """));
    List<Firm> firms =
        List.of(
            // 40/10×50 = 200, capped at 2 × 50 = 100; 100/100×50 = 50 → 150.
            firm("C1").land(1).tax(40.0).revenue(100.0),
            // 5/10×50 = 25; revenue missing → dropped, 25 × 100/50 = 50.
            firm("C2").land(1).tax(5.0));
    PerMuEvaluation.Result result = evaluate(firms, capped);
    Map<String, Row> e = byFirm(result.enterprises(), 2024);
    assertEquals(150.0, score(e.get("C1")), EPS);
    assertEquals(50.0, score(e.get("C2")), EPS);
    Row dropped = items(result).get("C2/2024/revenue_per_mu");
    assertNull(dropped.getAs("item_score"));
    assertTrue(dropped.<Boolean>getAs("imputed"));
  }

  @Test
  void zeroLandNeverDividesByZero() {
    // Ingestion rejects land ≤ 0; should such a row arrive anyway, its per-mu values are blank,
    // never Infinity, and its items score by the missing-data rule.
    Map<String, Row> e =
        byFirm(
            evaluate(List.of(firm("Z0").land(0).tax(10.0).revenue(10.0).energy(1.0)), HUAIAN)
                .enterprises(),
            2024);
    assertNull(e.get("Z0").getAs("tax_per_mu"));
    assertNull(e.get("Z0").getAs("revenue_per_mu"));
  }
}
