package zoneassess.jobs.bench;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.cli.Main;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuStage;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.sample.SampleProvince;
import zoneassess.jobs.sample.SampleScale;
import zoneassess.jobs.sample.SampleSpec;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.permu.PerMuSchemeLoader;

/**
 * {@code make bench}: the whole pipeline at several sample scales, timed stage by stage over
 * several repetitions (medians reported), the per-mu aggregation and zone ranking run by Spark and
 * by DuckDB on the same staged Parquet of the same run (results checked equal), the whole per-mu
 * stage against its DuckDB implementation ({@link PerMuStageSql}, marts compared cell by cell),
 * peak driver heap, and the core count. With {@code --only per-mu} each sample is ingested once
 * (kept for the next invocation) and only the per-mu stage is timed, as derived runs. Writes {@code
 * bench.json} and {@code bench.md} into the output folder.
 *
 * <p>Each repetition is a complete {@code zoneassess run --force} into its own output root, in this
 * JVM and this SparkSession (as {@code make run} does), so every stage is timed as users run it;
 * the first repetition pays the JIT warm-up, which the median discounts. Not a test: no assertion
 * about speed, only the numbers.
 *
 * <p>Usage: {@code Benchmark --out bench-out --scales province,medium,large --reps 3 --seed 42
 * [--only per-mu] [--duckdb-stage-reps 3]}
 */
public final class Benchmark {
  static final List<String> STAGES = List.of("ingest", "per-mu", "assess", "costs", "report");

  record Rep(
      double wallSeconds,
      Map<String, Double> stageSeconds,
      long peakHeapBytes,
      Map<String, JobCounter.Work> work) {}

  record ScaleResult(
      String scale,
      long enterpriseYears,
      double sampleSeconds,
      List<Rep> reps,
      List<EngineTimes> engines,
      String martCheck,
      PerMuDuckStage.Outcome duckStage) {
    double medianWall() {
      return Medians.of(reps.stream().map(Rep::wallSeconds).toList());
    }

    double medianStage(String stage) {
      return Medians.of(
          reps.stream().map(r -> r.stageSeconds().get(stage)).filter(v -> v != null).toList());
    }

    /**
     * The Spark work per stage (and of the output hashes) of the first repetition: the counts do
     * not depend on load, and every repetition runs the same code on the same data.
     */
    Map<String, JobCounter.Work> work() {
      return reps.isEmpty() ? Map.of() : reps.get(0).work();
    }

    long peakHeap() {
      return reps.stream().mapToLong(Rep::peakHeapBytes).max().orElse(0);
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    Path out = Path.of(o.getOrDefault("out", "bench-out")).toAbsolutePath();
    int reps = Integer.parseInt(o.getOrDefault("reps", "3"));
    // The large scale takes minutes per run: it may be given fewer repetitions.
    int largeReps = Integer.parseInt(o.getOrDefault("reps-large", String.valueOf(reps)));
    int queryReps = Integer.parseInt(o.getOrDefault("query-reps", "5"));
    long seed = Long.parseLong(o.getOrDefault("seed", "42"));
    // --only per-mu: ingest once (kept between invocations), then time only the per-mu stage.
    boolean perMuOnly = o.getOrDefault("only", "").equals(PerMuStage.NAME);
    int duckReps = Integer.parseInt(o.getOrDefault("duckdb-stage-reps", "3"));
    Files.createDirectories(out);
    SparkSession spark = SparkSessions.create(null, "zoneassess bench");
    List<ScaleResult> results = new ArrayList<>();
    for (String s : o.getOrDefault("scales", "province,medium,large").split(",")) {
      SampleScale scale = SampleScale.parse(s);
      results.add(
          benchScale(
              spark,
              scale,
              out,
              seed,
              new Plan(
                  scale == SampleScale.LARGE ? largeReps : reps, queryReps, duckReps, perMuOnly)));
      // Written after every scale, so a long run that is stopped keeps what it measured.
      BenchReport report = new BenchReport(results, reps, queryReps);
      Files.writeString(out.resolve("bench.json"), report.json(), StandardCharsets.UTF_8);
      Files.writeString(out.resolve("bench.md"), report.markdown(), StandardCharsets.UTF_8);
    }
    System.out.println(Files.readString(out.resolve("bench.md"), StandardCharsets.UTF_8));
    System.out.println("→ " + out.resolve("bench.json"));
    spark.stop();
  }

  /** Repetitions and what is run: the whole pipeline, or (perMuOnly) the per-mu stage alone. */
  record Plan(int reps, int queryReps, int duckReps, boolean perMuOnly) {}

  static ScaleResult benchScale(
      SparkSession spark, SampleScale scale, Path out, long seed, Plan plan) throws Exception {
    int reps = plan.reps();
    int queryReps = plan.queryReps();
    Path dir = out.resolve(scale.label());
    Path sample = dir.resolve("sample");
    double sampleSeconds = 0;
    if (!Files.exists(sample.resolve(SampleProvince.COMPLETE_MARKER))) {
      say("%s: generating the sample (seed %d)", scale.label(), seed);
      long t0 = System.nanoTime();
      SampleProvince.generate(spark, new SampleSpec(seed, scale), sample.toUri().toString());
      sampleSeconds = (System.nanoTime() - t0) / 1e9;
    }
    long enterpriseYears =
        spark.read().parquet(sample.resolve("enterprises.parquet").toUri().toString()).count();
    say("%s: %,d enterprise-years", scale.label(), enterpriseYears);

    List<Rep> runs = new ArrayList<>();
    RunLayout firstRun = null;
    RunLayout stagedRun = null;
    if (plan.perMuOnly()) {
      stagedRun = ingested(spark, sample, dir.resolve("ingested"));
    }
    for (int r = 1; r <= reps && plan.perMuOnly(); r++) {
      HeapPeak.reset();
      long t0 = System.nanoTime();
      RunLayout run = perMuRun(spark, stagedRun, dir.resolve("per-mu-rep" + r + ".log"));
      double wall = (System.nanoTime() - t0) / 1e9;
      RunManifest manifest = RunManifest.fromJson(new Publisher(spark).readText(run.manifest()));
      runs.add(new Rep(wall, manifest.stageSeconds(), HeapPeak.bytes(), manifest.sparkWork()));
      say(
          "%s: per-mu repetition %d of %d: %.1f s %s, %s",
          scale.label(),
          r,
          reps,
          wall,
          manifest.stageSeconds().toString(),
          manifest.sparkWork().getOrDefault(PerMuStage.NAME, JobCounter.Work.NONE).describe());
      if (firstRun == null) {
        firstRun = run;
      }
    }
    for (int r = 1; r <= reps && !plan.perMuOnly(); r++) {
      Path root = dir.resolve("rep" + r);
      deleteTree(root);
      HeapPeak.reset();
      long t0 = System.nanoTime();
      int code = runPipeline(sample, root, dir.resolve("rep" + r + ".log"));
      double wall = (System.nanoTime() - t0) / 1e9;
      if (code != 0) {
        throw new IllegalStateException(
            scale.label()
                + " repetition "
                + r
                + ": run exited "
                + code
                + " (see "
                + dir.resolve("rep" + r + ".log")
                + ")");
      }
      Publisher publisher = new Publisher(spark);
      String rootUri = root.toUri().toString();
      RunLayout run = RunLayout.published(rootUri, publisher.readText(rootUri + "/LATEST").strip());
      RunManifest manifest = RunManifest.fromJson(publisher.readText(run.manifest()));
      runs.add(new Rep(wall, manifest.stageSeconds(), HeapPeak.bytes(), manifest.sparkWork()));
      say(
          "%s: repetition %d of %d: %.1f s %s, peak heap %d MiB, %s",
          scale.label(),
          r,
          reps,
          wall,
          manifest.stageSeconds().toString(),
          HeapPeak.bytes() >> 20,
          manifest.sparkWork().values().stream()
              .reduce(JobCounter.Work.NONE, JobCounter.Work::plus)
              .describe());
      if (firstRun == null) {
        firstRun = run;
      }
    }

    if (stagedRun == null) {
      stagedRun = firstRun;
    }
    List<EngineTimes> engines = new ArrayList<>();
    String staged = stagedRun.staging("enterprises");
    engines.add(
        compare(spark, "per-mu aggregation", PerMuSql.AGGREGATION_SORTED, staged, queryReps));
    engines.add(compare(spark, "zone ranking", PerMuSql.RANKING, staged, queryReps));
    String martCheck = checkAgainstMart(spark, firstRun, staged);
    say("%s: per-mu mart vs DuckDB: %s", scale.label(), martCheck);
    PerMuDuckStage.Outcome duckStage =
        PerMuDuckStage.run(
            stagedRun,
            firstRun,
            PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024),
            dir.resolve("duckdb-per-mu"),
            plan.duckReps());
    say(
        "%s: per-mu stage Spark %.1f s (median), DuckDB whole stage %.2f s (median of %s)",
        scale.label(),
        Medians.of(runs.stream().map(r -> r.stageSeconds().get(PerMuStage.NAME)).toList()),
        duckStage.median(),
        duckStage.seconds());
    duckStage.marts().forEach(m -> say("%s: %s", scale.label(), m.describe()));
    return new ScaleResult(
        scale.label(), enterpriseYears, sampleSeconds, runs, engines, martCheck, duckStage);
  }

  /** An ingest-only run of {@code sample} under {@code root}, made once and then reused. */
  static RunLayout ingested(SparkSession spark, Path sample, Path root) throws IOException {
    Publisher publisher = new Publisher(spark);
    String rootUri = root.toUri().toString();
    if (!Files.exists(root.resolve("LATEST"))) {
      deleteTree(root);
      say("ingesting %s into %s", sample, root);
      PrintStream stdout = System.out;
      int code;
      try (PrintStream file =
          new PrintStream(
              new FileOutputStream(root.getParent().resolve("ingest.log").toFile()),
              true,
              StandardCharsets.UTF_8)) {
        System.setOut(file);
        code =
            Main.commandLine()
                .execute("ingest", "--input", sample.toString(), "--out", root.toString());
      } finally {
        System.setOut(stdout);
      }
      if (code != 0) {
        throw new IllegalStateException("ingest exited " + code + " (see ingest.log)");
      }
    }
    return RunLayout.published(rootUri, publisher.readText(rootUri + "/LATEST").strip());
  }

  /** The per-mu stage alone on {@code staged}, as {@code zoneassess per-mu} runs it. */
  static RunLayout perMuRun(SparkSession spark, RunLayout staged, Path log) throws IOException {
    try (PrintStream file =
        new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(PerMuStage.PARAM_YEAR, "latest");
      params.put(PerMuStage.PARAM_SCHEME, PerMuSchemeLoader.HUAIAN_2024);
      return new DerivedRun(spark)
          .execute(
              staged.root(),
              staged.runId(),
              "per-mu",
              List.of(new Pipeline.Step(new PerMuStage(), params)),
              List.of(PerMuSchemeLoader.HUAIAN_2024),
              file)
          .run();
    }
  }

  /** {@code zoneassess run --force} in this JVM, its console output into {@code log}. */
  static int runPipeline(Path sample, Path root, Path log) throws IOException {
    PrintStream stdout = System.out;
    try (PrintStream file =
        new PrintStream(new FileOutputStream(log.toFile()), true, StandardCharsets.UTF_8)) {
      System.setOut(file);
      return Main.commandLine()
          .execute("run", "--input", sample.toString(), "--out", root.toString(), "--force");
    } finally {
      System.setOut(stdout);
    }
  }

  /** The same SQL in both engines, timed over {@code reps} repetitions after one warm-up each. */
  static EngineTimes compare(
      SparkSession spark, String name, String sql, String stagedUri, int reps) throws Exception {
    spark.read().parquet(stagedUri).createOrReplaceTempView(PerMuSql.SOURCE);
    List<Double> sparkTimes = new ArrayList<>();
    ResultTable sparkResult = null;
    for (int r = 0; r <= reps; r++) {
      long t0 = System.nanoTime();
      Dataset<Row> d = spark.sql(sql);
      List<Row> rows = d.collectAsList();
      double s = (System.nanoTime() - t0) / 1e9;
      if (r > 0) {
        sparkTimes.add(s);
      }
      sparkResult = ResultTable.of(List.of(d.columns()), rows);
    }
    List<Double> duckTimes = new ArrayList<>();
    ResultTable duckResult = null;
    String glob =
        Path.of(java.net.URI.create(stagedUri)).resolve("**").resolve("*.parquet").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
      for (int r = 0; r <= reps; r++) {
        long t0 = System.nanoTime();
        // A view re-reads the files on every query, as Spark does.
        st.execute(
            "CREATE OR REPLACE VIEW "
                + PerMuSql.SOURCE
                + " AS SELECT * FROM read_parquet('"
                + glob
                + "', hive_partitioning = true, union_by_name = true)");
        try (ResultSet rs = st.executeQuery(sql)) {
          duckResult = ResultTable.of(rs);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        if (r > 0) {
          duckTimes.add(s);
        }
      }
    }
    String diff = sparkResult.differenceFrom(duckResult);
    say(
        "%s: Spark %.3f s, DuckDB %.3f s, %d rows, %s",
        name,
        Medians.of(sparkTimes),
        Medians.of(duckTimes),
        sparkResult.rows().size(),
        diff == null ? "identical" : "DIFFERENT: " + diff);
    return new EngineTimes(
        name, sparkTimes, duckTimes, sparkResult.rows().size(), diff == null, diff);
  }

  /** DuckDB's aggregation against the pipeline's own permu_zone mart (the same firms and years). */
  static String checkAgainstMart(SparkSession spark, RunLayout run, String stagedUri)
      throws Exception {
    List<String> cols =
        List.of(
            "zone_code",
            "year",
            "enterprises",
            "land_mu",
            "tax_per_mu",
            "value_added_per_mu",
            "revenue_per_mu");
    Dataset<Row> mart =
        spark
            .read()
            .parquet(run.mart(PerMuMarts.ZONE.name()))
            .selectExpr(
                "zone_code",
                "year",
                "enterprises",
                "land_mu",
                "tax_per_mu",
                "value_added_per_mu",
                "revenue_per_mu")
            .orderBy("zone_code", "year");
    ResultTable fromMart = ResultTable.of(cols, mart.collectAsList());
    String glob =
        Path.of(java.net.URI.create(stagedUri)).resolve("**").resolve("*.parquet").toString();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "CREATE VIEW "
              + PerMuSql.SOURCE
              + " AS SELECT * FROM read_parquet('"
              + glob
              + "', hive_partitioning = true, union_by_name = true)");
      // The mart covers the years up to the evaluated one, like the staged data.
      try (ResultSet rs = st.executeQuery(PerMuSql.AGGREGATION_SORTED)) {
        String diff = fromMart.differenceFrom(ResultTable.of(rs));
        return diff == null
            ? "identical (" + fromMart.rows().size() + " zone-years)"
            : "DIFFERENT: " + diff;
      }
    }
  }

  static void say(String format, Object... args) {
    System.out.printf(Locale.ROOT, "bench: " + format + "%n", args);
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> o = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "usage: Benchmark [--out DIR] [--scales a,b] [--reps N] [--reps-large N] [--query-reps N]"
                + " [--duckdb-stage-reps N] [--only per-mu] [--seed S]");
      }
      o.put(args[i].substring(2), args[++i]);
    }
    return o;
  }
}
