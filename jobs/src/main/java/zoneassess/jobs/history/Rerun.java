package zoneassess.jobs.history;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ContentHash;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.run.OutputRecords;
import zoneassess.jobs.run.RunManifest;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.yaml.YamlDoc;

/**
 * Re-executes a published run from its manifest: the input folder is rebuilt from the snapshot
 * store by hash, every configuration file must still have its recorded SHA-256, the stages run with
 * the recorded parameters into a new run id, and every output hash is compared with the original.
 *
 * <p>Outputs are compared by content: the rows of every Parquet dataset (the manifest's {@code
 * contentSha256}, independent of file bytes), the bytes of the validation report (which holds no
 * run-specific path or time). Whether the file bytes agree too is reported as information.
 * Workbooks under {@code packs/} are zip files whose entries carry timestamps; they are excluded
 * (their content comes from the marts, which are compared). The rerun is published under a new id
 * and leaves {@code LATEST} where it was.
 */
public final class Rerun {
  /** How one output compares. */
  public enum Status {
    MATCH,
    DIFFERS,
    MISSING,
    EXCLUDED
  }

  /** One output of the original run against the rerun. */
  public record OutputCheck(String name, String before, String after, Status status, String note) {}

  /** The result: the rerun's id and one check per output of the original run. */
  public record Outcome(String originalRunId, String rerunId, List<OutputCheck> checks) {
    public boolean allMatch() {
      return checks.stream()
          .allMatch(c -> c.status() == Status.MATCH || c.status() == Status.EXCLUDED);
    }

    /** A fixed-width table, one line per output. */
    public List<String> table() {
      List<String> lines = new ArrayList<>();
      lines.add(
          String.format(
              Locale.ROOT,
              "%-34s %-8s %-12s %-12s %s",
              "output",
              "status",
              "original",
              "rerun",
              "note"));
      for (OutputCheck c : checks) {
        lines.add(
            String.format(
                Locale.ROOT,
                "%-34s %-8s %-12s %-12s %s",
                c.name(),
                c.status().name().toLowerCase(Locale.ROOT),
                shortHash(c.before()),
                shortHash(c.after()),
                c.note()));
      }
      return lines;
    }
  }

  /** Parameters the pipeline adds to a manifest; they are not inputs of a run. */
  private static final List<String> DERIVED = List.of("fingerprint", "input");

  private final SparkSession spark;
  private final Publisher publisher;
  private final Clock clock;

  public Rerun(SparkSession spark) {
    this(spark, Clock.systemUTC());
  }

  public Rerun(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.publisher = new Publisher(spark);
    this.clock = clock;
  }

  /**
   * Reruns {@code runId} under {@code rootUri}; {@code stages} rebuilds the stage list from the
   * recorded parameters. Throws {@link RerunRefused} before running anything when an input snapshot
   * or a configuration file is missing or changed.
   */
  public Outcome execute(
      String rootUri,
      String runId,
      Function<Map<String, String>, List<Pipeline.Step>> stages,
      PrintStream console)
      throws Exception {
    RunManifest original = manifest(rootUri, runId);
    if (original.derivedFrom() != null) {
      RunManifest.Derivation d = original.derivedFrom();
      throw new RerunRefused(
          "run "
              + runId
              + " was derived from run "
              + d.parentRunId()
              + " by '"
              + d.command()
              + "': rerun "
              + d.parentRunId()
              + ", then repeat the command on the result");
    }
    if (original.snapshots().isEmpty()) {
      throw new RerunRefused(
          "run "
              + runId
              + " has no snapshot list in its manifest (made before reruns were possible)");
    }
    checkConfigs(original);
    String input = new SnapshotStore(publisher, rootUri).rebuild(original.snapshots());
    console.println(
        "rerun of "
            + runId
            + ": inputs rebuilt from "
            + original.snapshots().size()
            + " snapshots in "
            + input);
    String code = RunManifest.codeVersion().gitCommit();
    if (!code.equals(original.code().gitCommit())) {
      console.println(
          "note: the code differs (run: " + original.code().gitCommit() + ", now: " + code + ")");
    }
    Map<String, String> params = new TreeMap<>(original.parameters());
    DERIVED.forEach(params::remove);
    params.keySet().removeIf(k -> k.startsWith("config:"));
    List<String> configs = original.configs().stream().map(RunManifest.Config::path).toList();
    // Exactly the stages the original run executed (its manifest times each of them).
    List<Pipeline.Step> steps =
        stages.apply(params).stream()
            .filter(s -> original.stageSeconds().containsKey(s.stage().name()))
            .toList();
    PipelineRun.Request req =
        new PipelineRun.Request(
            input, rootUri, steps, params, configs, 1.0, true, original.snapshots());
    PipelineRun.Result result = new PipelineRun(spark, clock).execute(req, console);
    RunManifest again = manifest(rootUri, result.runId());
    return new Outcome(runId, result.runId(), compare(original, again));
  }

  private RunManifest manifest(String root, String runId) {
    String uri = RunLayout.published(root, runId).manifest();
    if (!publisher.exists(uri)) {
      throw new RerunRefused("no published run " + runId + ": " + uri + " does not exist");
    }
    return RunManifest.fromJson(publisher.readText(uri));
  }

  private static void checkConfigs(RunManifest m) {
    for (RunManifest.Config c : m.configs()) {
      String now;
      try {
        now = YamlDoc.load(c.path()).sha256();
      } catch (RuntimeException e) {
        throw new RerunRefused(
            "configuration file missing: "
                + c.path()
                + " (recorded sha256 "
                + c.sha256()
                + "): "
                + e.getMessage());
      }
      if (!now.equals(c.sha256())) {
        throw new RerunRefused(
            "configuration file changed: "
                + c.path()
                + " was recorded with sha256 "
                + c.sha256()
                + " but now has sha256 "
                + now);
      }
    }
  }

  /**
   * Compares by content: rows of every Parquet dataset ({@code contentSha256}), bytes of the text
   * files. A byte difference under equal content is reported in the note, as information.
   */
  private List<OutputCheck> compare(RunManifest a, RunManifest b) {
    Map<String, RunManifest.Output> after = new HashMap<>();
    b.outputs().forEach(o -> after.put(o.name(), o));
    List<OutputCheck> out = new ArrayList<>();
    for (RunManifest.Output o : a.outputs()) {
      RunManifest.Output n = after.get(o.name());
      if (OutputRecords.isWorkbook(o.name(), o.uri())) {
        out.add(
            new OutputCheck(
                o.name(),
                o.sha256(),
                n == null ? null : n.sha256(),
                Status.EXCLUDED,
                "workbook: zip entry timestamps differ; content comes from the compared marts"));
      } else if (n == null) {
        out.add(
            new OutputCheck(
                o.name(), o.sha256(), null, Status.MISSING, "not produced by the rerun"));
      } else {
        String before = o.contentSha256() != null ? o.contentSha256() : contentOf(o);
        String now = n.contentSha256() != null ? n.contentSha256() : contentOf(n);
        boolean sameBytes = o.sha256().equals(n.sha256());
        String note = sameBytes ? "bytes identical" : "same content, file bytes differ";
        if (before.equals(now)) {
          out.add(new OutputCheck(o.name(), before, now, Status.MATCH, note));
        } else {
          out.add(
              new OutputCheck(
                  o.name(),
                  before,
                  now,
                  Status.DIFFERS,
                  sameBytes ? "" : "content differs (file bytes differ too)"));
        }
      }
    }
    return out;
  }

  /** The content hash of an output whose manifest predates content hashes. */
  private String contentOf(RunManifest.Output o) {
    if (o.uri().endsWith(".json") || o.uri().endsWith(".md")) {
      return o.sha256();
    }
    return ContentHash.of(spark, o.uri());
  }

  private static String shortHash(String h) {
    return h == null ? "-" : h.substring(0, Math.min(12, h.length()));
  }
}
