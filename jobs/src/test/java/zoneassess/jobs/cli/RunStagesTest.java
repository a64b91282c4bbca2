package zoneassess.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.allocation.AllocationStage;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.scoreboard.ScoreboardStage;

/**
 * {@code rerun} rebuilds a run's stages from its manifest parameters through {@link
 * RunCommand#stagesFor}: the allocation and scoreboard stages come back with the recorded policy
 * and scoreboard files, the scoreboard only for annual periods.
 */
class RunStagesTest {
  private static Map<String, String> recorded(String period, String mode) {
    Map<String, String> p = new TreeMap<>();
    p.put("period", period);
    p.put("mode", mode);
    p.put("methodology", "classpath:methodologies/jiangsu-2021.yaml");
    p.put("rules", "classpath:rules/jiangsu-2021-rules.yaml");
    p.put("scheme", "classpath:schemes/huaian-2024.yaml");
    p.put("allocation_policy", "classpath:allocation/zhejiang-2022.yaml");
    p.put("scoreboard", "/etc/zoneassess/scoreboard-2026.yaml");
    p.put("packs", "");
    p.put("focus_city", "320800");
    p.put("anomalies", "classpath:checks/input-anomalies.yaml");
    return p;
  }

  private static Pipeline.Step step(List<Pipeline.Step> steps, String name) {
    return steps.stream().filter(s -> s.stage().name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void annualRunsAllocateAndMeasureTheScoreboardWithTheRecordedFiles() {
    List<Pipeline.Step> steps = RunCommand.stagesFor(recorded("2024", "annual"));
    assertEquals(
        List.of("anomalies", "per-mu", "allocation", "assess", "scoreboard", "costs"),
        steps.stream().map(s -> s.stage().name()).toList());
    Pipeline.Step allocation = step(steps, AllocationStage.NAME);
    assertEquals(
        "classpath:allocation/zhejiang-2022.yaml",
        allocation.params().get(AllocationStage.PARAM_POLICY));
    assertEquals("2024", allocation.params().get(AllocationStage.PARAM_YEAR));
    assertEquals(
        "/etc/zoneassess/scoreboard-2026.yaml",
        step(steps, ScoreboardStage.NAME).params().get(ScoreboardStage.PARAM_SCOREBOARD));
  }

  @Test
  void runsRecordedBeforeTheAnomalyChecksRerunWithoutThem() {
    Map<String, String> old = recorded("2024", "annual");
    old.remove("anomalies");
    assertEquals(
        List.of("per-mu", "allocation", "assess", "scoreboard", "costs"),
        RunCommand.stagesFor(old).stream().map(s -> s.stage().name()).toList());
  }

  @Test
  void routineRunsHaveNoScoreboard() {
    List<String> names =
        RunCommand.stagesFor(recorded("latest", "routine")).stream()
            .map(s -> s.stage().name())
            .toList();
    assertEquals(List.of("anomalies", "per-mu", "allocation", "assess", "routine", "costs"), names);
    assertEquals(
        List.of("anomalies", "per-mu", "allocation", "assess", "routine", "costs"),
        RunCommand.stagesFor(recorded("2025Q3", "annual")).stream()
            .map(s -> s.stage().name())
            .toList());
  }
}
