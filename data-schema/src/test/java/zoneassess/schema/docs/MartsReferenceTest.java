package zoneassess.schema.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MartsReferenceTest {
  @Test
  void committedReferenceIsTheGeneratorsOutput() throws IOException {
    Path project = Path.of(System.getProperty("zoneassess.project.dir", ".."));
    Path committed = project.resolve("docs").resolve(MartsReference.FILE_NAME);
    assertTrue(Files.exists(committed), "missing " + committed + ": run `make docs`");
    assertEquals(
        MartsReference.render(),
        Files.readString(committed, StandardCharsets.UTF_8),
        "docs/marts.md is stale: run `make docs` (zoneassess docs --out docs)");
  }

  @Test
  void listsEveryMartWithItsKeyAndColumns() {
    String md = MartsReference.render();
    assertTrue(md.contains("### scoreboard\n\n**两增强五提升目标完成情况** — One row per zone"), md);
    assertTrue(
        md.contains("- Key: `scoreboard_id, zone_code, period, goal_code, measure, indicator`"));
    assertTrue(md.contains("| `status_zh` |  | string |  | yes | `无数据`, `未达标`, `达标` |"), md);
    assertTrue(md.contains("[`scoreboard`](#scoreboard)"));
  }
}
