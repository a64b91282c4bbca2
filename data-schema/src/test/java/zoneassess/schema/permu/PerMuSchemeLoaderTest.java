package zoneassess.schema.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class PerMuSchemeLoaderTest {

  /** A minimal valid scheme; the negative tests change one line of it. */
  private static final String MINIMAL =
      """
      id: mini
      formulas:
        above:
          total_weight: 100
          items:
            - indicator: tax_per_mu
              weight: 60
              benchmark: 10
            - indicator: revenue_per_mu
              weight: 40
              benchmark: {prior_year_multiple: 2, group: county}
      classes:
        grouping: county
        bands:
          - {class: A, to: 20%}
          - {class: B}
      """;

  private static PerMuScheme parse(String text) {
    return PerMuSchemeLoader.parse(YamlDoc.parse("scheme.yaml", text));
  }

  @Test
  void huaianSchemeCarriesThePublicRules() {
    PerMuScheme s = PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024);
    assertEquals("huaian-2024", s.id());
    FormulaSet above = s.formula("above").orElseThrow();
    // 45 / 35 / 20 weights, benchmark 2 × the county's prior-year average.
    assertEquals(List.of(45.0, 35.0, 20.0), above.items().stream().map(ScoreItem::weight).toList());
    assertEquals(2.0, above.items().get(0).benchmark().multiple());
    assertEquals(Grouping.COUNTY, above.items().get(0).benchmark().group());
    assertFalse(above.items().get(0).benchmark().isFixed());
    assertEquals(
        "tax_per_electricity", s.formula("below").orElseThrow().items().get(2).indicator().code());
    // A top 20 % (inclusive), B to 60 %, C to 95 %, D the rest; within each county.
    assertEquals(Grouping.COUNTY, s.classes().grouping());
    assertEquals(
        List.of(2000, 6000, 9500, 10000),
        s.classes().bands().stream().map(ClassBand::toBasisPoints).toList());
    assertEquals(
        List.of("utility", "new_production", "below_land_threshold"),
        s.scope().stream().map(ScopeRule::reason).toList());
    assertEquals(List.of(0.10, 0.20, 0.30), s.surcharge().perKwhByYearInD());
  }

  @Test
  void zhejiangSchemeCarriesThePublishedBenchmarks() {
    PerMuScheme s = PerMuSchemeLoader.load(PerMuSchemeLoader.ZHEJIANG_2022);
    FormulaSet above = s.formula("above").orElseThrow();
    assertEquals(
        List.of(24.097, 136.16, 2.694, 4929.81, 18.14, 0.0302),
        above.items().stream().map(i -> i.benchmark().fixed()).toList());
    assertEquals(
        List.of(30.0, 20.0, 20.0, 10.0, 10.0, 10.0),
        above.items().stream().map(ScoreItem::weight).toList());
    assertEquals(MissingRule.AVERAGE, above.items().get(3).missing());
    assertEquals(MissingRule.ZERO, above.items().get(0).missing());
    FormulaSet below = s.formula("below").orElseThrow();
    assertEquals(
        List.of(11.5932, 0.2352), below.items().stream().map(i -> i.benchmark().fixed()).toList());
    assertTrue(s.classes().byScale());
    assertNull(above.items().get(0).capMultiple());
  }

  @Test
  void minimalSchemeUsesDocumentedDefaults() {
    PerMuScheme s = parse(MINIMAL);
    ScoreItem tax = s.formula("above").orElseThrow().items().get(0);
    assertEquals(10.0, tax.benchmark().fixed());
    assertEquals(MissingRule.AVERAGE, tax.missing());
    assertTrue(s.formula("below").isEmpty());
    assertEquals(Rounding.HALF_UP, s.classes().rounding());
    assertEquals(12, s.classes().significantDigits());
    assertEquals(
        9,
        parse(MINIMAL.replace("grouping: county", "grouping: county\n  significant_digits: 9"))
            .classes()
            .significantDigits());
    assertTrue(s.classes().bands().get(0).inclusive());
    assertTrue(s.scope().isEmpty());
    assertEquals(0.0, s.surcharge().perKwh(3));
  }

  @Test
  void typoInKeyIsLocated() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> parse(MINIMAL.replace("      weight: 60", "      wieght: 60")));
    // "wieght" sits on line 7, column 9.
    assertTrue(e.getMessage().startsWith("scheme.yaml:7:9: unknown key 'wieght'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'weight'?"), e.getMessage());
  }

  @Test
  void weightsThatDoNotAddUpAreLocatedAtTheTotal() {
    SpecException e =
        assertThrows(SpecException.class, () -> parse(MINIMAL.replace("weight: 40", "weight: 35")));
    // 60 + 35 = 95 ≠ 100; total_weight is on line 4, column 19.
    assertEquals(
        "scheme.yaml:4:19: weights of formulas.above add up to 95, but total_weight is 100",
        e.getMessage());
  }

  @Test
  void unknownIndicatorGetsAHint() {
    SpecException e =
        assertThrows(
            SpecException.class,
            () -> parse(MINIMAL.replace("indicator: tax_per_mu", "indicator: tax_per_m")));
    assertTrue(
        e.getMessage().startsWith("scheme.yaml:6:20: 'tax_per_m' is not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'tax_per_mu'?"), e.getMessage());
  }

  @Test
  void unknownColumnInAnIndicatorFormulaIsLocated() {
    String text =
        MINIMAL.replace(
            "formulas:",
            "indicators:\n  - {code: x, numerator: tax_paid_1k, denominator: land_area_mu}\nformulas:");
    SpecException e = assertThrows(SpecException.class, () -> parse(text));
    assertTrue(
        e.getMessage().startsWith("scheme.yaml:3:26: 'tax_paid_1k' is not allowed"),
        e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'tax_paid_10k'?"), e.getMessage());
  }

  @Test
  void classBandsMustIncreaseAndEndAtTheWhole() {
    SpecException order =
        assertThrows(
            SpecException.class,
            () ->
                parse(MINIMAL.replace("- {class: B}", "- {class: B, to: 10%}\n    - {class: C}")));
    assertTrue(order.getMessage().startsWith("scheme.yaml:16:22:"), order.getMessage());
    assertTrue(
        order.getMessage().contains("class 'B' must end after the previous class"),
        order.getMessage());
    SpecException last =
        assertThrows(
            SpecException.class,
            () -> parse(MINIMAL.replace("- {class: B}", "- {class: B, to: 90%}")));
    assertTrue(last.getMessage().contains("the last class must end at 100%"), last.getMessage());
    SpecException both =
        assertThrows(
            SpecException.class,
            () ->
                parse(
                    MINIMAL.replace(
                        "benchmark: 10", "benchmark: {fixed: 10, prior_year_multiple: 2}")));
    assertTrue(
        both.getMessage()
            .contains("a benchmark needs exactly one of 'fixed' or 'prior_year_multiple'"),
        both.getMessage());
  }

  @Test
  void classSizesFollowTheDocumentedRounding() {
    ClassRules huaian = PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024).classes();
    // n = 7: A ends at round_half_up(0.20 × 7 = 1.4) = 1, B at round(4.2) = 4, C at round(6.65) =
    // 7,
    // so 1 A, 3 B, 3 C and no D.
    assertEquals(1, huaian.cumulativeCount(0, 7));
    assertEquals(4, huaian.cumulativeCount(1, 7));
    assertEquals(7, huaian.cumulativeCount(2, 7));
    assertEquals("C", huaian.classOf(7, 7));
    // n = 20: 4 A, 8 B (to 12), 7 C (to 19), 1 D.
    assertEquals("A", huaian.classOf(4, 20));
    assertEquals("B", huaian.classOf(5, 20));
    assertEquals("C", huaian.classOf(19, 20));
    assertEquals("D", huaian.classOf(20, 20));
    // n = 13: A ends at round(2.6) = 3; n = 12: round(2.4) = 2.
    assertEquals("A", huaian.classOf(3, 13));
    assertEquals("B", huaian.classOf(3, 12));
    // n = 10: C ends at round_half_up(0.95 × 10 = 9.5) = 10, so a group of 10 has no D.
    assertEquals("C", huaian.classOf(10, 10));
    // An exclusive bound at an exact whole number: 20 %（不含）of 10 = 2, so A ends at 1.
    ClassRules exclusive =
        new ClassRules(
            Grouping.COUNTY,
            false,
            Rounding.HALF_UP,
            List.of(new ClassBand("A", 2000, false), new ClassBand("B", 10000, true)));
    assertEquals(1, exclusive.cumulativeCount(0, 10));
    assertEquals(2, exclusive.cumulativeCount(0, 11)); // 2.2 is not whole: rounds to 2
  }
}
