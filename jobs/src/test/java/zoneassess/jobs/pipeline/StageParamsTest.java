package zoneassess.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.costs.CostsStage;
import zoneassess.schema.layout.RunLayout;

/** Stage parameters are typed records; a misspelt key stops the stage instead of being ignored. */
class StageParamsTest {
  private static StageContext context(Map<String, String> params) {
    return new StageContext(null, RunLayout.published("file:/tmp/root", "r1"), params, System.out);
  }

  @Test
  void misspeltKeyIsAnErrorNamingStageKeyAndClosestName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CostsStage.Params.of(context(Map.of("histroy_years", "5"))));
    assertEquals(
        "stage costs: unknown parameter 'histroy_years'; did you mean 'history_years'?"
            + " (known: catalogue, focus_city, history_years, period, profiles)",
        e.getMessage());
  }

  @Test
  void costsDefaultsAndTypedValues() {
    CostsStage.Params none = CostsStage.Params.of(context(Map.of()));
    assertEquals(3, none.historyYears());
    assertEquals("latest", none.period());
    assertEquals(CostsStage.DEFAULT_FOCUS_CITY, none.focusCity());
    assertEquals(5, CostsStage.Params.of(context(Map.of("history_years", "5"))).historyYears());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CostsStage.Params.of(context(Map.of("history_years", "three"))));
    assertEquals(
        "stage costs: parameter 'history_years' must be a whole number, not 'three'",
        e.getMessage());
  }

  @Test
  void assessNeedsAMethodologyAndLeavesRulesToIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AssessmentStage.Params.of(context(Map.of())));
    assertEquals("stage assess: missing parameter 'methodology'", e.getMessage());
    AssessmentStage.Params p =
        AssessmentStage.Params.of(context(Map.of(AssessmentStage.METHODOLOGY, "m.yaml")));
    assertNull(p.rules());
    assertEquals("latest", p.period());
  }
}
