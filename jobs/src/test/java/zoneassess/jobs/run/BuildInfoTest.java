package zoneassess.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
  private static final String SHA = "b455922263e9a961b1acc883df7ba53ae8067f48";
  private static final String DIFF =
      "dd58643f46ae9b0f234d283956d110aeb03b5ff7164ebef24d3760936af96d9e";

  private static Properties props(String commit, String dirty, String diff) {
    Properties p = new Properties();
    p.setProperty("git.commit", commit);
    p.setProperty("git.dirty", dirty);
    p.setProperty("git.diff.sha256", diff);
    return p;
  }

  @Test
  void aCleanBuildIsItsCommit() {
    BuildInfo b = BuildInfo.parse(props(SHA, "false", DIFF));
    assertFalse(b.dirty());
    assertEquals(SHA, b.codeVersion());
  }

  @Test
  void aDirtyBuildIsNeverTheCleanCommit() {
    BuildInfo b = BuildInfo.parse(props(SHA, "true", DIFF));
    assertTrue(b.dirty());
    // commit, "-dirty-", the first 12 hex digits of the diff's SHA-256
    assertEquals(SHA + "-dirty-dd58643f46ae", b.codeVersion());
  }

  @Test
  void withoutGitTheVersionIsUnknown() {
    // the build writes "unknown" when git or .git is missing; no file at all reads the same
    assertEquals("unknown", BuildInfo.parse(props("unknown", "false", "")).codeVersion());
    assertEquals("unknown", BuildInfo.parse(new Properties()).codeVersion());
  }

  @Test
  void thisBuildRecordedItsVersionAndTheManifestUsesIt() {
    String v = BuildInfo.current().codeVersion();
    assertTrue(v.equals("unknown") || v.matches("[0-9a-f]{40}(-dirty-[0-9a-f]{12})?"), v);
    assertEquals(v, RunManifest.codeVersion().gitCommit());
  }
}
