package zoneassess.jobs.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The code version recorded when the jobs module was built ({@code code-version.properties},
 * written by the build from git): the commit, whether the work tree differed from it, and the
 * SHA-256 of the tracked changes. Built without git or outside a clone, the commit is "unknown".
 *
 * @param commit the 40-hex commit, or "unknown"
 * @param dirty true when the build had uncommitted changes or untracked files
 * @param diffSha256 SHA-256 of {@code git diff HEAD} at build time (empty when unknown)
 */
public record BuildInfo(String commit, boolean dirty, String diffSha256) {
  static final String RESOURCE = "/zoneassess/jobs/code-version.properties";
  private static final BuildInfo CURRENT = read();

  /** The build this code comes from. */
  public static BuildInfo current() {
    return CURRENT;
  }

  /**
   * What a run records as its code and its fingerprint includes: the commit, or for a dirty build
   * {@code <commit>-dirty-<12 hex of the diff hash>}, so a run made by modified code is never
   * reused as the clean commit's.
   */
  public String codeVersion() {
    if (!dirty) {
      return commit;
    }
    String diff = diffSha256.length() >= 12 ? diffSha256.substring(0, 12) : "unknown";
    return commit + "-dirty-" + diff;
  }

  static BuildInfo parse(Properties p) {
    String commit = p.getProperty("git.commit", "").strip();
    if (!commit.matches("[0-9a-f]{40}")) {
      return new BuildInfo("unknown", false, "");
    }
    return new BuildInfo(
        commit,
        Boolean.parseBoolean(p.getProperty("git.dirty", "false").strip()),
        p.getProperty("git.diff.sha256", "").strip().toLowerCase(java.util.Locale.ROOT));
  }

  private static BuildInfo read() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          p.load(r);
        }
      }
    } catch (IOException e) {
      return new BuildInfo("unknown", false, "");
    }
    return parse(p);
  }
}
