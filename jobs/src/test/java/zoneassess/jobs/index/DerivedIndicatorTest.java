package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.index.EngineFixtures.row;
import static zoneassess.jobs.index.EngineFixtures.value;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/** Derived indicators (ratios, per-area, growth, sums, logs), denominators and row exclusion. */
class DerivedIndicatorTest extends SparkTestBase {
  private static final double EPS = 1e-12;

  private static final String METHOD =
      String.join(
          "\n",
          "id: derived-cases",
          "inputs: [gdp, land, tax, pop, leading, industry]",
          "exclude_rows: [\"is_test = 1\"]",
          "aggregates: [{code: index}]",
          "indicators:",
          "  - {code: focus, parent: index, formula: leading / industry}",
          "  - {code: per_area, parent: index, formula: gdp ÷ land}",
          "  - {code: tax_per_mu, parent: index, formula: tax × 10000 ÷ (land × 1500)}",
          "  - {code: growth_prev, parent: index, formula: 'growth(gdp, previous)'}",
          "  - {code: growth_base, parent: index, formula: 'growth(gdp, base=2020)'}",
          "  - {code: total, parent: index, formula: 'sum(gdp, tax)'}",
          "  - {code: log_gdp, parent: index, formula: log(gdp)}",
          "  - {code: per_area_sq, parent: index, formula: per_area * per_area}",
          "  - {code: gdp_pc, parent: index, column: gdp, denominator: pop}",
          "");

  @Test
  void formulasGrowthAndDenominators() {
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, period:int, is_test:int, gdp:double, land:double, tax:double, pop:double, leading:double, industry:double",
            row("z1", 2020, 0, 100.0, 4.0, 6.0, 50.0, 30.0, 60.0),
            row("z1", 2021, 0, 110.0, 5.0, 7.5, 55.0, 40.0, 0.0),
            row("z1", 2022, 0, 121.0, 5.0, null, 0.0, 45.0, 90.0),
            row("z2", 2021, 0, 50.0, 0.0, 3.0, 10.0, 10.0, 20.0),
            row("zz", 2021, 1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(METHOD), new IndexOptions("id", List.of("period")));
    Map<String, Row> y2021 = EngineFixtures.byId(r.raw().filter("period = 2021"), "id");
    assertEquals(2, y2021.size(), "the test row is excluded");
    // 经济主业聚焦度 30/60 in 2020; a zero denominator gives a missing value, not an error
    assertNull(value(y2021, "z1", "focus"));
    assertEquals(0.5, value(y2021, "z2", "focus"), EPS);
    // 单位面积产出率 110 / 5 = 22; land 0 → missing
    assertEquals(22.0, value(y2021, "z1", "per_area"), EPS);
    assertNull(value(y2021, "z2", "per_area"));
    // 亩均税收: 7.5 亿元 × 10000 / (5 km² × 1500 mu/km²) = 10 万元/亩
    assertEquals(10.0, value(y2021, "z1", "tax_per_mu"), EPS);
    // growth against the previous period 110/100 − 1 = 0.1; z2 has no previous period
    assertEquals(0.1, value(y2021, "z1", "growth_prev"), EPS);
    assertNull(value(y2021, "z2", "growth_prev"));
    Map<String, Row> y2022 = EngineFixtures.byId(r.raw().filter("period = 2022"), "id");
    assertEquals(0.1, value(y2022, "z1", "growth_prev"), EPS);
    // against base year 2020: 121/100 − 1
    assertEquals(0.21, value(y2022, "z1", "growth_base"), EPS);
    // sum ignores a missing term: 121 + (missing tax) = 121
    assertEquals(121.0, value(y2022, "z1", "total"), EPS);
    assertEquals(Math.log(110), value(y2021, "z1", "log_gdp"), EPS);
    // an indicator built on another: 22²
    assertEquals(484.0, value(y2021, "z1", "per_area_sq"), EPS);
    // the raw stage keeps gdp; the denominated stage divides by pop: 110 / 55 = 2; pop 0 → missing
    assertEquals(110.0, value(y2021, "z1", "gdp_pc"), EPS);
    Map<String, Row> den2021 = EngineFixtures.byId(r.denominated().filter("period = 2021"), "id");
    assertEquals(2.0, value(den2021, "z1", "gdp_pc"), EPS);
    assertNull(
        value(EngineFixtures.byId(r.denominated().filter("period = 2022"), "id"), "z1", "gdp_pc"));
  }

  @Test
  void missingColumnsAndDuplicateUnitsAreReported() {
    var noLand =
        EngineFixtures.table(
            spark, "id:string, period:int, is_test:int, gdp:double", row("z1", 2021, 0, 1.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CompositeIndexEngine.run(
                    noLand,
                    EngineFixtures.methodology(METHOD),
                    new IndexOptions("id", List.of("period"))));
    assertTrue(
        e.getMessage().contains("the data lacks column(s) [leading, industry, land, tax"),
        e.getMessage());
    var dup =
        EngineFixtures.table(
            spark,
            "id:string, period:int, is_test:int, gdp:double, land:double, tax:double, pop:double, leading:double, industry:double",
            row("z1", 2021, 0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
            row("z1", 2021, 0, 2.0, 1.0, 1.0, 1.0, 1.0, 1.0));
    IllegalArgumentException d =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CompositeIndexEngine.run(
                    dup,
                    EngineFixtures.methodology(METHOD),
                    new IndexOptions("id", List.of("period"))));
    assertTrue(
        d.getMessage().contains("more than one row for [id, period] = z1/2021"), d.getMessage());
    IllegalArgumentException p =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CompositeIndexEngine.run(
                    dup, EngineFixtures.methodology(METHOD), new IndexOptions("id", List.of())));
    assertTrue(
        p.getMessage().contains("uses growth(), which needs a period column")
            || p.getMessage().contains("more than one row"),
        p.getMessage());
  }
}
