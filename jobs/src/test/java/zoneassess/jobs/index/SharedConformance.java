package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the shared conformance data, read in place and never copied into the repository: the {@code
 * zoneassess.shared.dir} system property (set by surefire to the project's ../shared), then the
 * {@code ZONEASSESS_SHARED} environment variable. Tests skip with a message when neither has it.
 */
final class SharedConformance {
  private SharedConformance() {}

  static Path caseDir(String name) {
    List<String> candidates = new ArrayList<>();
    String prop = System.getProperty("zoneassess.shared.dir");
    if (prop != null) {
      candidates.add(prop);
    }
    String env = System.getenv("ZONEASSESS_SHARED");
    if (env != null) {
      candidates.add(env);
    }
    for (String c : candidates) {
      Path p = Path.of(c, "conformance", name);
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    assumeTrue(
        false,
        "conformance data '"
            + name
            + "' not found under "
            + candidates
            + " (../shared is absent in a fresh clone; set ZONEASSESS_SHARED to run this test)");
    return null;
  }
}
