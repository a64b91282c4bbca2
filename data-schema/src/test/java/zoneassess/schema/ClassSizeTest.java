package zoneassess.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No main class of the three modules is longer than 500 lines, unless its javadoc says why ("Longer
 * than 500 lines on purpose: ...").
 */
class ClassSizeTest {
  private static final int LIMIT = 500;
  private static final String REASON = "Longer than 500 lines on purpose";

  @Test
  void mainClassesStayUnder500LinesOrSayWhy() throws IOException {
    Path project = Path.of(System.getProperty("zoneassess.project.dir", ".."));
    List<String> tooLong = new ArrayList<>();
    int files = 0;
    for (String module : List.of("data-schema", "jobs", "reports")) {
      try (Stream<Path> sources = Files.walk(project.resolve(module).resolve("src/main/java"))) {
        for (Path p : sources.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          files++;
          String text = Files.readString(p, StandardCharsets.UTF_8);
          long lines = text.lines().count();
          if (lines > LIMIT && !text.contains(REASON)) {
            tooLong.add(project.relativize(p) + " has " + lines + " lines");
          }
        }
      }
    }
    assertTrue(files > 100, "only " + files + " sources found under " + project);
    assertEquals(List.of(), tooLong, "split these classes or say why in their javadoc");
  }
}
