package zoneassess.schema.layout;

import java.util.Objects;

/**
 * Where a run keeps what it produced. Paths are URI strings ({@code file:}, {@code hdfs:}, {@code
 * s3a:}) so the same layout serves local mode and a cluster; the reports module resolves them
 * without Spark.
 *
 * <pre>
 * &lt;root&gt;/
 *   snapshots/sha256/&lt;hash&gt;      immutable, content-addressed input copies (+ index.jsonl)
 *   runs/&lt;run-id&gt;/               one finished run, published whole by an atomic rename
 *     manifest.json
 *     validation/report.json, report.md
 *     staging/&lt;dataset&gt;/          accepted rows, canonical columns, Parquet
 *     rejects/&lt;dataset&gt;/          rejected rows with file, row, column, rule, reason
 *     marts/&lt;mart&gt;/               computed results, Parquet
 *     packs/                      workbooks; packs/charts/ PNG and SVG
 *     run.log
 *   runs/.inprogress/&lt;run-id&gt;/   a run being written (never read as finished)
 *   LATEST                        id of the newest finished run
 * </pre>
 *
 * @param root URI of the output root (e.g. {@code file:/home/me/zoneassess/out})
 * @param runId run id
 * @param runDir URI of this run's folder (in-progress or published)
 */
public record RunLayout(String root, String runId, String runDir) {
  public RunLayout {
    Objects.requireNonNull(root);
    Objects.requireNonNull(runId);
    Objects.requireNonNull(runDir);
    root = stripSlash(root);
    runDir = stripSlash(runDir);
  }

  /** Layout of a finished run under {@code root}. */
  public static RunLayout published(String root, String runId) {
    return new RunLayout(root, runId, stripSlash(root) + "/runs/" + runId);
  }

  /** Layout of a run being written; moved to {@link #published} when complete. */
  public static RunLayout inProgress(String root, String runId) {
    return new RunLayout(root, runId, stripSlash(root) + "/runs/.inprogress/" + runId);
  }

  public RunLayout asPublished() {
    return published(root, runId);
  }

  public String manifest() {
    return runDir + "/manifest.json";
  }

  public String validationDir() {
    return runDir + "/validation";
  }

  public String staging(String dataset) {
    return runDir + "/staging/" + dataset;
  }

  public String rejects(String dataset) {
    return runDir + "/rejects/" + dataset;
  }

  public String mart(String mart) {
    return runDir + "/marts/" + mart;
  }

  public String packs() {
    return runDir + "/packs";
  }

  public String log() {
    return runDir + "/run.log";
  }

  public String snapshots() {
    return root + "/snapshots";
  }

  public String latestPointer() {
    return root + "/LATEST";
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
