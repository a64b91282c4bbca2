package zoneassess.schema.routine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class RoutineSpecLoaderTest {
  @Test
  void shippedJiangsuSectionSplitsFlowsAndStocks() {
    RoutineSpec s = RoutineSpecLoader.fromMethodology("classpath:methodologies/jiangsu-2021.yaml");
    assertTrue(s.ytd().contains("gdp"));
    assertTrue(s.carried().contains("developed_land"));
    assertTrue(s.carried().contains("permu_value_added_per_mu"));
  }

  @Test
  void withoutSectionFlowsAreYtdAndTheRestCarried() {
    RoutineSpec s = RoutineSpecLoader.parse(YamlDoc.parse("m.yaml", "id: m\n"));
    assertEquals("defaults", s.source());
    assertTrue(s.ytd().contains("tax_revenue"));
    assertTrue(s.carried().containsAll(List.of("approved_area", "permu_tax_per_mu")));
  }

  @Test
  void aCodeInBothListsOrUnknownNamesItsLine() {
    SpecException both =
        assertThrows(
            SpecException.class,
            () ->
                RoutineSpecLoader.parse(
                    YamlDoc.parse("m.yaml", "routine:\n  ytd: [gdp]\n  carried: [gdp]\n")));
    assertTrue(both.getMessage().contains("m.yaml:3:"), both.getMessage());
    assertTrue(both.getMessage().contains("both as ytd and as carried"), both.getMessage());
    SpecException unknown =
        assertThrows(
            SpecException.class,
            () -> RoutineSpecLoader.parse(YamlDoc.parse("m.yaml", "routine:\n  ytd: [gpd]\n")));
    assertTrue(unknown.getMessage().contains("m.yaml:2:"), unknown.getMessage());
  }
}
