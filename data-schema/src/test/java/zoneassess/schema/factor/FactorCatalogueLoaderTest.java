package zoneassess.schema.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.units.Units;
import zoneassess.schema.yaml.SpecException;

class FactorCatalogueLoaderTest {
  private final FactorCatalogue catalogue = FactorCatalogue.loadDefault();

  @Test
  void shippedCatalogueDeclaresTheFixedFactorCodes() {
    assertEquals(
        List.of(
            "electricity",
            "water",
            "gas",
            "heat",
            "industrial_land",
            "minimum_wage",
            "average_wage",
            "social_insurance",
            "sewage_treatment",
            "logistics",
            "loan_rate"),
        catalogue.codes());
    Factor electricity = catalogue.get("electricity");
    // 2 tariffs × 4 voltage classes × 3 times of use = 24 sub-categories.
    assertEquals(24, electricity.subcategories().size());
    assertTrue(electricity.subcategory("two_part|1_10kv|peak").isPresent());
    assertTrue(electricity.subcategory("single_part|ge220kv|valley").isPresent());
    assertEquals("两部制·1-10千伏·高峰", electricity.subcategory("two_part|1_10kv|peak").get().nameZh());
    Subcategory total = catalogue.get("water").subcategory("total").orElseThrow();
    assertEquals(List.of("base", "resource_fee", "sewage"), total.sumOf());
    assertEquals("万元/亩", catalogue.get("industrial_land").unit());
    assertEquals(CarryRule.PERIOD_END, catalogue.get("minimum_wage").carry());
    assertEquals(CarryRule.AVERAGE, catalogue.get("electricity").carry());
    catalogue.factors().forEach(f -> assertEquals("lower", f.direction()));
  }

  @Test
  void landPriceInYuanPerSquareMetreConvertsToTenThousandYuanPerMu() {
    // 1 mu = 10000/15 m² = 666.67 m², so 1 元/m² = 666.67 元/亩 = 0.066667 万元/亩;
    // 300 元/m² = 20 万元/亩.
    double f = Units.factor("元/平方米", catalogue.get("industrial_land").unit()).orElseThrow();
    assertEquals(0.0666667, f, 1e-7);
    assertEquals(20.0, 300 * f, 1e-9);
  }

  @Test
  void typoInAFactorKeyIsLocated() {
    String text =
        """
        factors:
          - code: gas
            name_zh: 天然气
            unit: 元/立方米
            reported_at: [city]
            compare_levels: [city]
            cary: average
            subcategories: {industrial: 工业}
        """;
    SpecException e =
        assertThrows(SpecException.class, () -> FactorCatalogueLoader.parse("cat.yaml", text));
    // "cary" is on line 7, column 5.
    assertTrue(e.getMessage().startsWith("cat.yaml:7:5: unknown key 'cary'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'carry'?"), e.getMessage());
  }

  @Test
  void unknownUnitAndUndeclaredDerivedPartAreLocated() {
    String badUnit =
        """
        factors:
          - code: gas
            name_zh: 天然气
            unit: 元/桶
            reported_at: [city]
            compare_levels: [city]
            carry: average
            subcategories: {industrial: 工业}
        """;
    SpecException e =
        assertThrows(SpecException.class, () -> FactorCatalogueLoader.parse("u.yaml", badUnit));
    assertTrue(e.getMessage().startsWith("u.yaml:4:11: unknown unit '元/桶'"), e.getMessage());
    String badDerived =
        """
        factors:
          - code: water
            name_zh: 水
            unit: 元/立方米
            reported_at: [city]
            compare_levels: [city]
            carry: average
            subcategories: {base: 基本, sewage: 污水}
            derived:
              total: {name_zh: 综合, sum_of: [base, sewag]}
        """;
    SpecException d =
        assertThrows(SpecException.class, () -> FactorCatalogueLoader.parse("d.yaml", badDerived));
    assertTrue(d.getMessage().startsWith("d.yaml:10:43: 'sewag' is not allowed"), d.getMessage());
    assertTrue(d.getMessage().contains("did you mean 'sewage'?"), d.getMessage());
  }
}
