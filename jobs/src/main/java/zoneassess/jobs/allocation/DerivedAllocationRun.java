package zoneassess.jobs.allocation;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.run.RunIds;
import zoneassess.jobs.run.RunManifest;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AllocationMarts;

/**
 * A what-if allocation as a new run derived from a published one: the parent's staging, rejects,
 * validation and marts are copied into {@code runs/.inprogress/<id>}, the allocation stage writes
 * its marts there under another policy or quota, a manifest naming the parent is written, and the
 * folder is moved into place. The parent is only read; {@code LATEST} is left alone (a what-if is
 * not the official latest run).
 *
 * <p>All of the orchestration lives here, so that it can be switched to the pipeline's derived-run
 * mechanism in one place.
 */
public final class DerivedAllocationRun {
  /** Parent entries not carried over: the new run writes its own manifest and log, packs differ. */
  private static final List<String> NOT_COPIED = List.of("manifest.json", "run.log", "packs");

  /**
   * @param run the derived run (published)
   * @param result what the allocation stage reported
   * @param diff the difference from the parent's allocation marts
   */
  public record Outcome(RunLayout run, StageResult result, AllocationDiff.Report diff) {}

  private final SparkSession spark;
  private final Publisher publisher;

  public DerivedAllocationRun(SparkSession spark) {
    this.spark = spark;
    this.publisher = new Publisher(spark);
  }

  /**
   * @param parent the published parent run
   * @param params allocation stage parameters (policy, year, land_quota, energy_quota)
   */
  public Outcome execute(RunLayout parent, Map<String, String> params, PrintStream console) {
    if (!publisher.exists(parent.manifest())) {
      throw new IllegalArgumentException(
          "allocate: run " + parent.runId() + " has no manifest.json (not a finished run)");
    }
    RunManifest parentManifest = RunManifest.fromJson(publisher.readText(parent.manifest()));
    Instant started = Instant.now();
    Map<String, String> idParams = new LinkedHashMap<>(params);
    idParams.put("parent_run", parent.runId());
    String id = RunIds.create(started, List.of(parentManifest.runId()), idParams);
    RunLayout derived = RunLayout.inProgress(parent.root(), id);
    if (publisher.exists(derived.asPublished().runDir())) {
      throw new IllegalStateException("run already exists: " + derived.asPublished().runDir());
    }
    publisher.delete(derived.runDir());
    try {
      copyParent(parent, derived);
      StageContext context = new StageContext(spark, derived, params, console);
      AllocationPolicy policy = AllocationStage.policy(context);
      long t0 = System.nanoTime();
      StageResult result = new AllocationStage().execute(context);
      double seconds = (System.nanoTime() - t0) / 1e9;
      AllocationDiff.Report diff =
          AllocationDiff.compare(spark, publisher, parent, derived, policy.id());
      writeManifest(parentManifest, derived, params, policy, result, started, seconds);
      publisher.move(derived.runDir(), derived.asPublished().runDir());
      return new Outcome(derived.asPublished(), result, diff);
    } catch (RuntimeException e) {
      publisher.delete(derived.runDir());
      throw e;
    }
  }

  private void copyParent(RunLayout parent, RunLayout derived) {
    try {
      Path from = new Path(parent.runDir());
      Path to = new Path(derived.runDir());
      FileSystem fs = from.getFileSystem(publisher.conf());
      fs.mkdirs(to);
      for (FileStatus child : fs.listStatus(from)) {
        String name = child.getPath().getName();
        if (NOT_COPIED.contains(name) || name.startsWith(".")) {
          continue;
        }
        if (name.equals("marts")) {
          Path marts = new Path(to, "marts");
          fs.mkdirs(marts);
          for (FileStatus mart : fs.listStatus(child.getPath())) {
            if (!AllocationMarts.ALL.stream()
                .anyMatch(c -> c.name().equals(mart.getPath().getName()))) {
              FileUtil.copy(fs, mart.getPath(), fs, marts, false, publisher.conf());
            }
          }
          continue;
        }
        FileUtil.copy(fs, child.getPath(), fs, to, false, publisher.conf());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy run " + parent.runId(), e);
    }
  }

  private void writeManifest(
      RunManifest parent,
      RunLayout derived,
      Map<String, String> params,
      AllocationPolicy policy,
      StageResult result,
      Instant started,
      double seconds) {
    Map<String, String> parameters = new LinkedHashMap<>(parent.parameters());
    params.forEach((k, v) -> parameters.put("allocation_" + k, v));
    parameters.put("parent_run", parent.runId());
    List<RunManifest.Config> configs = new ArrayList<>(parent.configs());
    configs.removeIf(c -> c.path().equals(policy.file()));
    configs.add(new RunManifest.Config(policy.file(), policy.sha256()));
    Map<String, Double> seconds0 = new LinkedHashMap<>(parent.stageSeconds());
    seconds0.put(AllocationStage.NAME, seconds);
    List<RunManifest.Output> outputs = new ArrayList<>();
    String parentDir = RunLayout.published(derived.root(), parent.runId()).runDir();
    for (RunManifest.Output o : parent.outputs()) {
      if (result.outputs().containsKey(o.name()) || o.name().startsWith("packs")) {
        continue;
      }
      String uri =
          o.uri().startsWith(parentDir)
              ? derived.asPublished().runDir() + o.uri().substring(parentDir.length())
              : o.uri();
      outputs.add(new RunManifest.Output(o.name(), uri, o.sha256()));
    }
    for (Map.Entry<String, String> e : result.outputs().entrySet()) {
      String uri = e.getValue();
      String publishedUri =
          derived.asPublished().runDir() + uri.substring(derived.runDir().length());
      outputs.add(new RunManifest.Output(e.getKey(), publishedUri, publisher.sha256(uri)));
    }
    RunManifest m =
        new RunManifest(
            derived.runId(),
            RunManifest.iso(started),
            RunManifest.iso(Instant.now()),
            "allocate",
            parameters,
            parent.inputs(),
            configs,
            RunManifest.codeVersion(),
            RunManifest.currentSparkVersion(),
            RunManifest.currentJavaVersion(),
            seconds0,
            outputs,
            parent.snapshots());
    publisher.writeText(derived.manifest(), m.toJson());
  }
}
