package zoneassess.jobs.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import zoneassess.jobs.assess.RulesReference;
import zoneassess.reports.PackRequest;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.methodology.MethodologyLoader;
import zoneassess.schema.permu.PerMuSchemeLoader;
import zoneassess.schema.rules.RulesLoader;
import zoneassess.schema.scoreboard.ScoreboardLoader;

/**
 * Checks of command-line arguments made before a SparkSession starts: malformed values throw {@link
 * UsageException} (exit 2), specification files that do not load throw their {@code SpecException}
 * (exit 3).
 */
final class Arguments {
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private Arguments() {}

  /** {@code latest}, yyyy, yyyyQn or yyyy-MM. */
  static String period(String option, String value) {
    if (value == null || (!value.equals("latest") && !value.matches(Datasets.PERIOD_PATTERN))) {
      throw new UsageException(option + " '" + value + "' is not latest, yyyy, yyyyQn or yyyy-MM");
    }
    return value;
  }

  /** A run folder name under ROOT/runs, or {@code latest} when allowed. */
  static String runId(String option, String value, boolean latestAllowed) {
    if (value == null
        || !RUN_ID.matcher(value).matches()
        || (!latestAllowed && value.equalsIgnoreCase("latest"))) {
      throw new UsageException(
          option
              + " '"
              + value
              + "' is not a run id (a folder name under ROOT/runs like 20250918T020000Z-1a2b3c4d"
              + (latestAllowed ? ", or latest)" : ")"));
    }
    return value;
  }

  /** A local path (or file: URI) must exist; other schemes (hdfs:, s3a:) are left to Spark. */
  static String existing(String option, String location) {
    Path local = localPath(location);
    if (local != null && !Files.exists(local)) {
      throw new UsageException(option + " " + location + " does not exist");
    }
    return location;
  }

  /** Pack specifications: province, city:<name>, zone:<code>, comma-separated. */
  static void packs(String option, String specs) {
    try {
      PackRequest.parseList(specs);
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + ": " + e.getMessage());
    }
  }

  /** Loads the rules given or named by the methodology, then the methodology; returns the rules. */
  static String methodologyAndRules(String methodology, String rules) {
    String rulesLocation = rules != null ? rules : RulesReference.fromMethodology(methodology);
    RulesLoader.load(rulesLocation);
    MethodologyLoader.load(methodology);
    return rulesLocation;
  }

  static void scheme(String scheme) {
    PerMuSchemeLoader.load(scheme);
  }

  static void allocationPolicy(String policy) {
    AllocationPolicyLoader.load(policy);
  }

  static void scoreboard(String scoreboard) {
    ScoreboardLoader.load(scoreboard);
  }

  private static Path localPath(String location) {
    if (location.startsWith("file:")) {
      return Path.of(URI.create(location));
    }
    if (location.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*")) {
      return null;
    }
    return Path.of(location);
  }
}
