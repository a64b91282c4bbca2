package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.IndexCommand;

/**
 * The {@code index} command stops on a bad methodology file with exit code 3 and a located message.
 */
class IndexCommandTest {

  private static int run(StringWriter err, String... args) {
    CommandLine cl = new CommandLine(new IndexCommand());
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void badMethodologyStopsWithFileLineAndProblem(@TempDir Path dir) throws IOException {
    Path m = dir.resolve("bad.yaml");
    Files.writeString(
        m,
        String.join(
            "\n",
            "id: bad",
            "aggregates: [{code: index}]",
            "indicators:",
            "  - code: x",
            "    parent: index",
            "    normalisaton: minmax",
            ""),
        StandardCharsets.UTF_8);
    StringWriter err = new StringWriter();
    int code =
        run(err, "--methodology", m.toString(), "--data", dir.resolve("none.csv").toString());
    assertEquals(3, code);
    assertTrue(err.toString().contains(m + ":6:5: unknown key 'normalisaton'"), err.toString());
    assertTrue(err.toString().contains("did you mean 'normalisation'?"), err.toString());
  }

  @Test
  void missingMethodologyFileAndMissingOptionAreUsageOrValidationErrors(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    assertEquals(
        3, run(err, "--methodology", dir.resolve("nope.yaml").toString(), "--data", "x.csv"));
    assertTrue(err.toString().contains("nope.yaml:0:0: file not found"), err.toString());
    assertEquals(2, run(new StringWriter(), "--data", "x.csv"));
  }
}
