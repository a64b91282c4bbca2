package zoneassess.jobs.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.OutputRecords;
import zoneassess.jobs.run.RunIds;
import zoneassess.jobs.run.RunLifecycle;
import zoneassess.jobs.run.RunLog;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.schema.layout.RunLayout;

/**
 * A stage run again on a published run ({@code assess}, {@code per-mu}, {@code costs} with {@code
 * --run}). A published run is never changed: the stage writes a new <em>derived</em> run whose
 * manifest names the parent and the stages re-executed. Every other output of the parent is shared
 * unchanged — hard-linked on a local file system, copied elsewhere, never rewritten — and listed
 * with the parent's hashes and {@code sharedFrom}. Packs are not carried over (they were rendered
 * from the parent's marts). The derived run takes the root's lock, is published by one rename and
 * leaves {@code LATEST} where it was: it is not a run on newer inputs.
 */
public final class DerivedRun {
  private static final Logger LOG = LoggerFactory.getLogger(DerivedRun.class);

  /** What happened: the new run and what each re-executed stage reported. */
  public record Result(String runId, RunLayout run, String parentRunId, List<StageResult> stages) {}

  private final SparkSession spark;
  private final Publisher publisher;
  private final Clock clock;

  public DerivedRun(SparkSession spark) {
    this(spark, Clock.systemUTC());
  }

  public DerivedRun(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.publisher = new Publisher(spark);
    this.clock = clock;
  }

  /**
   * Re-executes {@code steps} on run {@code parentRunId} under {@code rootUri} into a new derived
   * run. {@code command} names it in the manifest ({@code assess}); {@code configLocations} are the
   * configuration files the steps read, hashed into the manifest.
   */
  public Result execute(
      String rootUri,
      String parentRunId,
      String command,
      List<Pipeline.Step> steps,
      List<String> configLocations,
      PrintStream console) {
    Instant started = clock.instant();
    RunLog log = new RunLog();
    PrintStream out = PipelineRun.tee(console, log);
    try (log;
        RunLock lock =
            RunLock.acquire(rootUri, publisher.conf(), command + " --run " + parentRunId, out)) {
      PipelineRun.removeStaleInProgress(rootUri, publisher, out);
      RunLayout parent = RunLayout.published(rootUri, parentRunId);
      if (!publisher.exists(parent.manifest())) {
        throw new IllegalArgumentException(
            "run " + parentRunId + " has no manifest.json: " + parent.manifest());
      }
      RunManifest parentManifest = RunManifest.fromJson(publisher.readText(parent.manifest()));

      Map<String, String> stageParams = new TreeMap<>();
      for (Pipeline.Step s : steps) {
        s.params().forEach((k, v) -> stageParams.put(s.stage().name() + "." + k, v));
      }
      List<RunManifest.Config> stageConfigs = ConfigFiles.hashes(configLocations);
      Map<String, String> idParams = new TreeMap<>(stageParams);
      idParams.put("parent", parentRunId);
      idParams.put("command", command);
      stageConfigs.forEach(c -> idParams.put("config:" + c.path(), c.sha256()));
      String runId = RunIds.create(started, List.of(), idParams);

      RunLifecycle lifecycle = new RunLifecycle(publisher);
      RunLayout run = lifecycle.begin(rootUri, runId);
      log.attach(publisher.conf(), PipelineRun.logUri(rootUri, runId));
      out.println(
          "derived run "
              + runId
              + " from "
              + parentRunId
              + " ("
              + command
              + ") → "
              + run.asPublished().runDir());
      try {
        shareFiles(parent.runDir(), run.runDir());
        Pipeline.Outcome all = new Pipeline(spark, run, out).execute(steps);
        RunLayout published = run.asPublished();

        Set<String> produced = new LinkedHashSet<>();
        List<RunManifest.Output> outputs = new ArrayList<>();
        // The content hashes of the outputs are Spark work too; the manifest records it apart.
        JobCounter hashing = JobCounter.attach(spark);
        for (StageResult r : all.results()) {
          for (Map.Entry<String, String> o : r.outputs().entrySet()) {
            if (publisher.exists(o.getValue())) {
              produced.add(o.getKey());
              outputs.add(
                  OutputRecords.describe(
                      spark,
                      publisher,
                      o.getKey(),
                      o.getValue(),
                      published.runDir() + o.getValue().substring(run.runDir().length())));
            }
          }
        }
        Map<String, JobCounter.Work> work = new LinkedHashMap<>(all.work());
        work.put(RunManifest.OUTPUT_HASHING, hashing.mark());
        hashing.close();
        int shared = 0;
        for (RunManifest.Output o : parentManifest.outputs()) {
          if (produced.contains(o.name()) || OutputRecords.isWorkbook(o.name(), o.uri())) {
            continue;
          }
          String marker = "/runs/" + parentRunId;
          String rel = o.uri().substring(o.uri().lastIndexOf(marker) + marker.length());
          outputs.add(
              new RunManifest.Output(
                  o.name(),
                  published.runDir() + rel,
                  o.sha256(),
                  o.contentSha256(),
                  o.sharedFrom() != null ? o.sharedFrom() : parentRunId));
          shared++;
        }

        Map<String, String> params = new TreeMap<>(parentManifest.parameters());
        // Not a run of the parent's inputs as such: `run` must never reuse it as one.
        params.remove("fingerprint");
        params.putAll(stageParams);
        List<RunManifest.Config> configs = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (RunManifest.Config c : stageConfigs) {
          if (seen.add(c.path())) {
            configs.add(c);
          }
        }
        for (RunManifest.Config c : parentManifest.configs()) {
          if (seen.add(c.path())) {
            configs.add(c);
          }
        }
        RunManifest manifest =
            new RunManifest(
                runId,
                RunManifest.iso(started),
                RunManifest.iso(clock.instant()),
                command,
                params,
                parentManifest.inputs(),
                configs,
                RunManifest.codeVersion(),
                RunManifest.currentSparkVersion(),
                RunManifest.currentJavaVersion(),
                new LinkedHashMap<>(all.seconds()),
                outputs,
                parentManifest.snapshots(),
                new RunManifest.Derivation(
                    parentRunId, command, steps.stream().map(s -> s.stage().name()).toList()),
                parentManifest.synthetic(),
                work);
        out.println(
            "derived run "
                + runId
                + ": re-executed "
                + String.join(", ", manifest.derivedFrom().stages())
                + "; "
                + shared
                + " outputs shared unchanged with "
                + parentRunId
                + "; packs not carried over (render them with 'zoneassess report --run "
                + runId
                + "'); LATEST unchanged");
        publisher.writeText(run.manifest(), manifest.toJson());
        publisher.writeText(run.log(), log.text());
        published = lifecycle.publish(run, false);
        return new Result(runId, published, parentRunId, all.results());
      } catch (Exception | Error e) {
        out.println("derived run " + runId + " failed: " + e);
        LOG.error("derived run {} failed", runId, e);
        lifecycle.abandon(run);
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Makes every file of the parent (but its manifest, log and packs) appear at the same place in
   * the derived run: a hard link on a local file system (the bytes are shared, and a published file
   * is never written again), a copy elsewhere. A stage that re-executes replaces its folders as a
   * whole, which removes only the derived run's links.
   */
  private void shareFiles(String parentDir, String childDir) throws IOException {
    Path from = new Path(parentDir);
    FileSystem fs = from.getFileSystem(publisher.conf());
    String base = fs.makeQualified(from).toUri().getPath();
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(from, true);
    while (it.hasNext()) {
      Path f = it.next().getPath();
      String rel = f.toUri().getPath().substring(base.length());
      if (rel.equals("/manifest.json")
          || rel.equals("/run.log")
          || rel.startsWith("/packs/")
          || f.getName().endsWith(".crc")) {
        continue;
      }
      Path to = new Path(childDir + rel);
      fs.mkdirs(to.getParent());
      if ("file".equals(fs.getUri().getScheme())) {
        Files.createLink(
            java.nio.file.Path.of(fs.makeQualified(to).toUri()),
            java.nio.file.Path.of(fs.makeQualified(f).toUri()));
      } else {
        FileUtil.copy(fs, f, fs, to, false, publisher.conf());
      }
    }
  }
}
