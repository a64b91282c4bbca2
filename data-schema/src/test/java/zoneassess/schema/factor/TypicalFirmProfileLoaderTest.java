package zoneassess.schema.factor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;

class TypicalFirmProfileLoaderTest {
  private final FactorCatalogue catalogue = FactorCatalogue.loadDefault();

  @Test
  void shippedProfilesLoadWithDocumentedAssumptions() {
    List<TypicalFirmProfile> profiles = TypicalFirmProfileLoader.loadDefaults(catalogue);
    assertEquals(
        List.of("light-manufacturing", "energy-intensive", "logistics"),
        profiles.stream().map(TypicalFirmProfile::id).toList());
    TypicalFirmProfile light = profiles.get(0);
    assertFalse(light.assumptions().isEmpty());
    // 1.4 + 1.6 + 1.0 million kWh = the 4 GWh of the assumptions.
    double kwh =
        light.lines().stream()
            .filter(l -> l.factorCode().equals("electricity"))
            .mapToDouble(ProfileLine::quantity)
            .sum();
    assertEquals(4_000_000, kwh, 1e-6);
    ProfileLine land =
        light.lines().stream()
            .filter(l -> l.factorCode().equals("industrial_land"))
            .findFirst()
            .orElseThrow();
    assertEquals(50, land.quantity());
    assertEquals(50, land.amortiseYears());
    assertTrue(
        light.lines().stream()
            .filter(l -> l.factorCode().equals("social_insurance"))
            .allMatch(ProfileLine::wageBillBasis));
  }

  @Test
  void unknownFactorIsLocatedWithASuggestion() {
    String text =
        """
        id: demo
        name_zh: 演示
        lines:
          - {factor: electricity, subcategory: two_part|1_10kv|peak, quantity: 10}
          - {factor: electricty, subcategory: two_part|1_10kv|flat, quantity: 10}
        """;
    SpecException e =
        assertThrows(
            SpecException.class, () -> TypicalFirmProfileLoader.parse("p.yaml", text, catalogue));
    // second line, "electricty" starts at column 14 of line 5.
    assertTrue(
        e.getMessage().startsWith("p.yaml:5:14: 'electricty' is not allowed"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'electricity'?"), e.getMessage());
  }

  @Test
  void typoKeyUnknownSubcategoryAndQuantityOnARateAreLocated() {
    SpecException typo =
        assertThrows(
            SpecException.class,
            () ->
                TypicalFirmProfileLoader.parse(
                    "t.yaml",
                    "id: demo\nname_zh: 演示\nlines:\n  - factor: gas\n    subcategory: industrial\n"
                        + "    quantiy: 5\n",
                    catalogue));
    assertTrue(
        typo.getMessage().startsWith("t.yaml:6:5: unknown key 'quantiy'"), typo.getMessage());
    SpecException sub =
        assertThrows(
            SpecException.class,
            () ->
                TypicalFirmProfileLoader.parse(
                    "s.yaml",
                    "id: demo\nname_zh: 演示\nlines:\n  - {factor: water, subcategory: totl, quantity: 1}\n",
                    catalogue));
    assertTrue(sub.getMessage().startsWith("s.yaml:4:34: 'totl' is not allowed"), sub.getMessage());
    SpecException rate =
        assertThrows(
            SpecException.class,
            () ->
                TypicalFirmProfileLoader.parse(
                    "r.yaml",
                    "id: demo\nname_zh: 演示\nlines:\n"
                        + "  - {factor: social_insurance, subcategory: pension, quantity: 3}\n",
                    catalogue));
    assertTrue(rate.getMessage().startsWith("r.yaml:4:"), rate.getMessage());
    assertTrue(rate.getMessage().contains("applied to the wage bill"), rate.getMessage());
  }
}
