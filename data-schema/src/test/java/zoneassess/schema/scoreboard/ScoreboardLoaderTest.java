package zoneassess.schema.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class ScoreboardLoaderTest {
  @Test
  void theShippedScoreboardHasTheFiveImprovementsAndMomentum() {
    Scoreboard s = ScoreboardLoader.load(ScoreboardLoader.SEED_2021);
    assertEquals(
        List.of("产业发展动力增强", "综合排名进位", "产业实力提升", "对外开放提升", "科技创新能级提升", "经济效益贡献提升"),
        s.goals().stream().map(Scoreboard.Goal::nameZh).toList());
    assertEquals(0.05, s.goals().get(0).measures().get(0).target(), 1e-12);
  }

  @Test
  void anUnknownIndicatorIsLocatedWithAHint() {
    String text =
        """
        id: x
        goals:
          - code: g
            name_zh: 产业实力提升
            kind: 提升
            measures:
              - {measure: growth, indicator: industrial_outptu, target: 8%}
        """;
    SpecException e =
        assertThrows(
            SpecException.class, () -> ScoreboardLoader.parse(YamlDoc.parse("board.yaml", text)));
    assertTrue(
        e.getMessage()
            .startsWith(
                "board.yaml:7:38: 'industrial_outptu' is not allowed at"
                    + " 'goals[0].measures[0].indicator'; did you mean 'industrial_output'?"),
        e.getMessage());
  }
}
