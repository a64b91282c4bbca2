package zoneassess.jobs.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import zoneassess.jobs.ingest.InputFile;
import zoneassess.jobs.ingest.InputFolder;
import zoneassess.jobs.ingest.JdbcExtracts;
import zoneassess.jobs.ingest.ValidationReport;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.OutputRecords;
import zoneassess.jobs.run.RunIds;
import zoneassess.jobs.run.RunLifecycle;
import zoneassess.jobs.run.RunLog;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.run.Snapshots;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.schema.layout.RunLayout;

/**
 * One whole run: lock the output root, fingerprint the inputs and configuration, reuse an earlier
 * run with the same fingerprint (unless forced), otherwise ingest and run every stage into an
 * in-progress folder, write the manifest and publish the run in one rename. Every run writes its
 * log to {@code <root>/logs/<run-id>.log} as it goes (and a copy inside the run when it succeeds).
 * LATEST moves only for a run on inputs handed in now, never for a rerun or an {@code --as-of} run.
 */
public final class PipelineRun {
  private static final Logger LOG = LoggerFactory.getLogger(PipelineRun.class);

  /** What to run. */
  public record Request(
      String inputUri,
      String rootUri,
      List<Pipeline.Step> stages,
      Map<String, String> parameters,
      List<String> configLocations,
      double maxRejectShare,
      boolean force,
      List<RunManifest.Snapshot> fromSnapshots) {
    /** A run over a folder given by the user: its files are recorded as a new vintage. */
    public Request(
        String inputUri,
        String rootUri,
        List<Pipeline.Step> stages,
        Map<String, String> parameters,
        List<String> configLocations,
        double maxRejectShare,
        boolean force) {
      this(inputUri, rootUri, stages, parameters, configLocations, maxRejectShare, force, null);
    }
  }

  /** What happened. */
  public record Result(
      String runId,
      RunLayout run,
      boolean reused,
      Pipeline.Outcome outcome,
      List<String> summary) {}

  /** The share of rejected rows stopped the run (exit code 3). */
  public static final class TooManyRejects extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooManyRejects(String message) {
      super(message);
    }
  }

  private final SparkSession spark;
  private final Publisher publisher;
  private final Clock clock;

  public PipelineRun(SparkSession spark) {
    this(spark, Clock.systemUTC());
  }

  /** With the clock that stamps run ids and snapshot vintages (tests fix it). */
  public PipelineRun(SparkSession spark, Clock clock) {
    this.spark = spark;
    this.publisher = new Publisher(spark);
    this.clock = clock;
  }

  public Result execute(Request req, PrintStream console) throws Exception {
    Instant started = clock.instant();
    RunLog log = new RunLog();
    PrintStream out = tee(console, log);
    // Only a run on inputs handed in now moves LATEST; a rerun or an --as-of run rebuilds its
    // folder from the snapshot store and leaves LATEST where it was.
    boolean movesLatest = req.fromSnapshots() == null;
    try (log;
        RunLock lock =
            RunLock.acquire(req.rootUri(), publisher.conf(), "run " + req.inputUri(), out)) {
      removeStaleInProgress(req.rootUri(), publisher, out);
      JdbcExtracts.prepare(req.inputUri(), req.rootUri() + "/.jdbc-extracts", publisher.conf());
      InputFolder folder = InputFolder.scan(req.inputUri(), publisher.conf());
      List<String> hashes = new ArrayList<>();
      for (InputFile f : folder.files()) {
        hashes.add(f.name() + "=" + publisher.sha256(f.uri()));
      }
      if (folder.configUri() != null) {
        hashes.add("ingest.yaml=" + publisher.sha256(folder.configUri()));
      }
      List<RunManifest.Config> configs = ConfigFiles.hashes(req.configLocations());
      Map<String, String> params = new TreeMap<>(req.parameters());
      configs.forEach(c -> params.put("config:" + c.path(), c.sha256()));
      params.put("code", RunManifest.codeVersion().gitCommit());
      String fingerprint = RunIds.fingerprint(hashes, params);

      if (!req.force()) {
        Optional<String> same = findRunWithFingerprint(req.rootUri(), fingerprint);
        if (same.isPresent()) {
          out.println(
              "inputs, configuration and code unchanged: reusing run "
                  + same.get()
                  + " (use --force to run again)");
          RunLayout existing = RunLayout.published(req.rootUri(), same.get());
          if (movesLatest) {
            publisher.writeText(existing.latestPointer(), same.get() + "\n");
          }
          return new Result(same.get(), existing, true, null, List.of());
        }
      }

      RunLifecycle lifecycle = new RunLifecycle(publisher);
      String runId = RunIds.create(started, hashes, params);
      RunLayout run = lifecycle.begin(req.rootUri(), runId);
      log.attach(publisher.conf(), logUri(req.rootUri(), runId));
      out.println("run " + runId + " → " + run.asPublished().runDir());
      try {
        List<RunManifest.Snapshot> snapshots = req.fromSnapshots();
        if (snapshots == null) {
          // A folder rebuilt from the store is not a new vintage: only user input is recorded.
          snapshots = new ArrayList<>();
          for (Snapshots.Entry e :
              new Snapshots(publisher)
                  .record(req.rootUri(), folder.files(), folder.configUri(), started)) {
            snapshots.add(new RunManifest.Snapshot(e.file(), e.dataset(), e.sha256()));
          }
        }
        Map<String, String> manifestParams = new TreeMap<>(req.parameters());
        manifestParams.put("fingerprint", fingerprint);
        manifestParams.put("input", req.inputUri());
        // The report stage renders the packs before the final manifest exists; it reads this
        // provisional one (id, parameters, configuration, code, the synthetic flag; no outputs),
        // which the final manifest replaces before the run is published.
        publisher.writeText(
            run.manifest(),
            new RunManifest(
                    runId,
                    RunManifest.iso(started),
                    RunManifest.iso(started),
                    "run",
                    manifestParams,
                    List.of(),
                    configs,
                    RunManifest.codeVersion(),
                    RunManifest.currentSparkVersion(),
                    RunManifest.currentJavaVersion(),
                    Map.of(),
                    List.of(),
                    snapshots,
                    null,
                    folder.config().synthetic())
                .toJson());
        List<Pipeline.Step> steps = new ArrayList<>();
        steps.add(
            new Pipeline.Step(new IngestStage(), Map.of(IngestStage.PARAM_INPUT, req.inputUri())));
        steps.addAll(req.stages());
        Pipeline.Outcome all =
            new Pipeline(spark, run, out)
                .execute(
                    steps,
                    r -> {
                      if (r.stage().equals(IngestStage.NAME)) {
                        checkRejects(r, req.maxRejectShare());
                      }
                    });

        ValidationReport report =
            ValidationReport.fromJson(publisher.readText(IngestStage.reportJson(run)));
        RunLayout published = run.asPublished();
        List<RunManifest.Output> outputs = new ArrayList<>();
        // The content hashes of the outputs are Spark work too; the manifest records it apart.
        JobCounter hashing = JobCounter.attach(spark);
        for (StageResult r : all.results()) {
          for (Map.Entry<String, String> o : r.outputs().entrySet()) {
            if (publisher.exists(o.getValue())) {
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
        RunManifest manifest =
            new RunManifest(
                runId,
                RunManifest.iso(started),
                RunManifest.iso(clock.instant()),
                "run",
                manifestParams,
                RunManifest.inputsOf(report),
                configs,
                RunManifest.codeVersion(),
                RunManifest.currentSparkVersion(),
                RunManifest.currentJavaVersion(),
                all.seconds(),
                outputs,
                snapshots,
                null,
                folder.config().synthetic(),
                work);
        publisher.writeText(run.manifest(), manifest.toJson());
        publisher.writeText(run.log(), log.text());
        published = lifecycle.publish(run, movesLatest);
        List<String> summary = summary(published, all);
        if (!movesLatest) {
          summary.add("");
          summary.add(
              "LATEST is unchanged: this run rebuilt its inputs from the snapshot store, and only a"
                  + " run on inputs handed in now moves LATEST");
        }
        summary.forEach(out::println);
        return new Result(runId, published, false, all, summary);
      } catch (Exception | Error e) {
        out.println("run " + runId + " failed: " + e);
        LOG.error("run {} failed", runId, e);
        lifecycle.abandon(run);
        throw e;
      }
    }
  }

  /**
   * Under the lock no other run is writing, so every folder left under {@code runs/.inprogress} is
   * what a killed run left behind: it is deleted, with a message.
   */
  static void removeStaleInProgress(String root, Publisher publisher, PrintStream out)
      throws java.io.IOException {
    Path dir = new Path(root + "/runs/.inprogress");
    FileSystem fs = dir.getFileSystem(publisher.conf());
    if (!fs.exists(dir)) {
      return;
    }
    for (FileStatus st : fs.listStatus(dir)) {
      out.println("removing the unfinished run left by a stopped process: " + st.getPath());
      LOG.warn("removing the unfinished run left by a stopped process: {}", st.getPath());
      fs.delete(st.getPath(), true);
    }
  }

  private static void checkRejects(StageResult ingest, double maxShare) {
    long read = 0;
    long rejected = 0;
    for (Map.Entry<String, Long> e : ingest.counts().entrySet()) {
      if (e.getKey().endsWith(".read")) {
        read += e.getValue();
      } else if (e.getKey().endsWith(".rejected")) {
        rejected += e.getValue();
      }
    }
    if (read > 0 && (double) rejected / read > maxShare) {
      throw new TooManyRejects(
          String.format(
              Locale.ROOT,
              "%d of %d rows rejected (%.1f %%), above the limit of %.1f %%: see validation/report.md",
              rejected,
              read,
              100.0 * rejected / read,
              100.0 * maxShare));
    }
  }

  private Optional<String> findRunWithFingerprint(String root, String fingerprint)
      throws java.io.IOException {
    Path runs = new Path(root + "/runs");
    FileSystem fs = runs.getFileSystem(publisher.conf());
    if (!fs.exists(runs)) {
      return Optional.empty();
    }
    // The run LATEST names wins when it has this fingerprint: reusing never moves LATEST over to a
    // rerun (or a forced twin) of that run, which has the same content under another id.
    String pointer = RunLayout.published(root, "latest").latestPointer();
    if (publisher.exists(pointer)) {
      String latest = publisher.readText(pointer).strip();
      String manifest = root + "/runs/" + latest + "/manifest.json";
      if (!latest.isEmpty()
          && publisher.exists(manifest)
          && fingerprint.equals(
              RunManifest.fromJson(publisher.readText(manifest)).parameters().get("fingerprint"))) {
        return Optional.of(latest);
      }
    }
    String best = null;
    for (FileStatus st : fs.listStatus(runs)) {
      String id = st.getPath().getName();
      if (!st.isDirectory() || id.startsWith(".")) {
        continue;
      }
      String manifest = root + "/runs/" + id + "/manifest.json";
      if (!publisher.exists(manifest)) {
        continue;
      }
      RunManifest m = RunManifest.fromJson(publisher.readText(manifest));
      if (fingerprint.equals(m.parameters().get("fingerprint"))
          && (best == null || id.compareTo(best) > 0)) {
        best = id;
      }
    }
    return Optional.ofNullable(best);
  }

  private static List<String> summary(RunLayout run, Pipeline.Outcome all) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add("══ summary ══");
    lines.add("run:      " + run.runId());
    lines.add("outputs:  " + run.runDir());
    lines.add(
        "          staging/ rejects/ validation/report.md marts/ packs/ manifest.json run.log");
    lines.add("");
    lines.add(
        String.format(
            Locale.ROOT,
            "%-16s %10s %10s %10s %9s",
            "dataset",
            "read",
            "accepted",
            "rejected",
            "warnings"));
    StageResult ingest = all.result(IngestStage.NAME);
    Map<String, long[]> byDataset = new LinkedHashMap<>();
    for (Map.Entry<String, Long> e : ingest.counts().entrySet()) {
      String k = e.getKey();
      int dot = k.lastIndexOf('.');
      long[] v = byDataset.computeIfAbsent(k.substring(0, dot), x -> new long[4]);
      switch (k.substring(dot + 1)) {
        case "read" -> v[0] = e.getValue();
        case "accepted" -> v[1] = e.getValue();
        case "rejected" -> v[2] = e.getValue();
        case "warnings" -> v[3] = e.getValue();
        default -> {}
      }
    }
    byDataset.forEach(
        (d, v) ->
            lines.add(
                String.format(
                    Locale.ROOT,
                    "%-16s %10d %10d %10d %9d%s",
                    d,
                    v[0],
                    v[1],
                    v[2],
                    v[3],
                    v[0] == v[1] + v[2] ? "" : "  ← DOES NOT RECONCILE")));
    lines.add("");
    lines.add("time per stage (and the Spark jobs, stages and SQL executions it took):");
    double total = 0;
    JobCounter.Work sum = JobCounter.Work.NONE;
    for (Map.Entry<String, Double> e : all.seconds().entrySet()) {
      JobCounter.Work w = all.work().getOrDefault(e.getKey(), JobCounter.Work.NONE);
      lines.add(
          String.format(Locale.ROOT, "  %-10s %7.1f s  %s", e.getKey(), e.getValue(), jobs(w)));
      total += e.getValue();
      sum = sum.plus(w);
    }
    lines.add(String.format(Locale.ROOT, "  %-10s %7.1f s  %s", "total", total, jobs(sum)));
    for (StageResult r : all.results()) {
      if (r.stage().equals(IngestStage.NAME) || r.summary().isEmpty()) {
        continue;
      }
      lines.add("");
      lines.add("── " + r.stage() + " ──");
      lines.addAll(r.summary());
    }
    return lines;
  }

  private static String jobs(JobCounter.Work w) {
    return String.format(
        Locale.ROOT, "%4d jobs %4d stages %4d SQL", w.jobs(), w.stages(), w.sqlExecutions());
  }

  /** {@code <root>/logs/<run-id>.log}: one log per run, written as the run goes. */
  public static String logUri(String root, String runId) {
    return root + "/logs/" + runId + ".log";
  }

  static PrintStream tee(PrintStream console, OutputStream log) {
    OutputStream both =
        new OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            console.write(b);
            log.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            console.write(b, off, len);
            log.write(b, off, len);
          }

          @Override
          public void flush() {
            console.flush();
          }
        };
    return new PrintStream(both, true, StandardCharsets.UTF_8);
  }
}
