package zoneassess.jobs.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zoneassess.jobs.io.CanonicalJson;
import zoneassess.jobs.spark.JobCounter;

/** The benchmark's result as JSON (every repetition) and as the Markdown table for the README. */
final class BenchReport {
  private final List<Benchmark.ScaleResult> results;
  private final int reps;
  private final int queryReps;

  BenchReport(List<Benchmark.ScaleResult> results, int reps, int queryReps) {
    this.results = results;
    this.reps = reps;
    this.queryReps = queryReps;
  }

  String json() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("cores", Runtime.getRuntime().availableProcessors());
    root.put("maxHeapBytes", HeapPeak.maxHeap());
    root.put("java", System.getProperty("java.version"));
    root.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    root.put("repetitions", reps);
    root.put("queryRepetitions", queryReps);
    List<Object> scales = new ArrayList<>();
    for (Benchmark.ScaleResult r : results) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("scale", r.scale());
      s.put("enterpriseYears", r.enterpriseYears());
      s.put("sampleGenerationSeconds", r.sampleSeconds());
      s.put("medianWallSeconds", num(r.medianWall()));
      Map<String, Double> medians = new LinkedHashMap<>();
      Benchmark.STAGES.forEach(st -> medians.put(st, num(r.medianStage(st))));
      s.put("medianStageSeconds", medians);
      s.put("peakHeapBytes", r.peakHeap());
      s.put("sparkWork", r.work());
      s.put("repetitions", r.reps());
      List<Object> engines = new ArrayList<>();
      for (EngineTimes e : r.engines()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("query", e.query());
        m.put("rows", e.rows());
        m.put("sparkMedianSeconds", e.sparkMedian());
        m.put("duckdbMedianSeconds", e.duckdbMedian());
        m.put("sparkOverDuckdb", e.ratio());
        m.put("identical", e.equal());
        m.put("difference", e.difference());
        m.put("sparkSeconds", e.sparkSeconds());
        m.put("duckdbSeconds", e.duckdbSeconds());
        engines.add(m);
      }
      s.put("engines", engines);
      s.put(
          "perMuStageOverDuckdbAggregation",
          r.medianStage("per-mu") / r.engines().get(0).duckdbMedian());
      s.put("perMuMartVsDuckdb", r.martCheck());
      s.put("perMuWholeStage", wholeStage(r));
      scales.add(s);
    }
    root.put("scales", scales);
    return CanonicalJson.write(root);
  }

  /** The per-mu stage in Spark against the DuckDB implementation of the whole stage. */
  private static Map<String, Object> wholeStage(Benchmark.ScaleResult r) {
    PerMuDuckStage.Outcome d = r.duckStage();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sparkStageMedianSeconds", num(r.medianStage("per-mu")));
    m.put("duckdbStageMedianSeconds", d.median());
    m.put("duckdbStageSeconds", d.seconds());
    m.put("sparkOverDuckdb", num(r.medianStage("per-mu") / d.median()));
    m.put("martsIdentical", d.identical());
    List<Object> marts = new ArrayList<>();
    for (PerMuDuckStage.MartDiff diff : d.marts()) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("mart", diff.mart());
      x.put("sparkRows", diff.sparkRows());
      x.put("duckdbRows", diff.duckdbRows());
      x.put("onlySpark", diff.onlySpark());
      x.put("onlyDuckdb", diff.onlyDuckdb());
      x.put("columns", diff.columns());
      Map<String, Object> cols = new LinkedHashMap<>();
      for (PerMuDuckStage.ColumnDiff c : diff.differences()) {
        cols.put(c.column(), Map.of("cells", c.cells(), "example", c.example()));
      }
      x.put("differingColumns", cols);
      x.put("identical", diff.identical());
      marts.add(x);
    }
    m.put("marts", marts);
    return m;
  }

  /** A median in seconds; blank for a stage that was not run ({@code --only per-mu}). */
  private static String seconds(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v);
  }

  private static Double num(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  private static String workRow(String scale, String stage, double seconds, JobCounter.Work w) {
    return String.format(
        Locale.ROOT,
        "| %s | %s | %s | %d | %d | %d | %d | %,d |%n",
        scale,
        stage,
        Double.isNaN(seconds) ? "" : String.format(Locale.ROOT, "%.1f", seconds),
        w.jobs(),
        w.stages(),
        w.tasks(),
        w.sqlExecutions(),
        w.largestPlanChars());
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "Machine: %d cores, driver heap limit %d MiB, Java %s, Spark %s. Stage and run times are medians"
                + " over the runs shown (each a whole `zoneassess run --force`, sample generation and build"
                + " excluded); query times are medians of %d runs after one warm-up.%n%n",
            Runtime.getRuntime().availableProcessors(),
            HeapPeak.maxHeap() >> 20,
            System.getProperty("java.version"),
            org.apache.spark.package$.MODULE$.SPARK_VERSION(),
            queryReps));
    b.append(
        "| scale | enterprise-years | runs | ingest s | per-mu s | assess s | costs s | report s | whole run s | µs per enterprise-year | peak heap after GC MiB |\n");
    b.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Benchmark.ScaleResult r : results) {
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %d | %s | %s | %s | %s | %s | %.1f | %.1f | %d |%n",
              r.scale(),
              r.enterpriseYears(),
              r.reps().size(),
              seconds(r.medianStage("ingest")),
              seconds(r.medianStage("per-mu")),
              seconds(r.medianStage("assess")),
              seconds(r.medianStage("costs")),
              seconds(r.medianStage("report")),
              r.medianWall(),
              1e6 * r.medianWall() / r.enterpriseYears(),
              r.peakHeap() >> 20));
    }
    b.append(
        "\nSpark work per stage (jobs / stages / tasks / SQL executions / largest physical plan in"
            + " characters; the same in every repetition and independent of load):\n\n");
    b.append("| scale | stage | s (median) | jobs | stages | tasks | SQL | largest plan |\n");
    b.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Benchmark.ScaleResult r : results) {
      JobCounter.Work total = JobCounter.Work.NONE;
      for (Map.Entry<String, JobCounter.Work> e : r.work().entrySet()) {
        JobCounter.Work w = e.getValue();
        total = total.plus(w);
        b.append(workRow(r.scale(), e.getKey(), r.medianStage(e.getKey()), w));
      }
      b.append(workRow(r.scale(), "**total**", r.medianWall(), total));
    }
    b.append("\nSpark vs DuckDB, the same SQL on the same staged Parquet of the same run:\n\n");
    b.append(
        "| scale | query | rows | Spark s | DuckDB s | Spark/DuckDB | results | per-mu stage / DuckDB aggregation |\n");
    b.append("|---|---|---:|---:|---:|---:|---|---:|\n");
    for (Benchmark.ScaleResult r : results) {
      for (EngineTimes e : r.engines()) {
        String stageRatio =
            e.query().equals("per-mu aggregation")
                ? String.format(Locale.ROOT, "%.1f", r.medianStage("per-mu") / e.duckdbMedian())
                : "";
        b.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %,d | %.3f | %.3f | %.1f | %s | %s |%n",
                r.scale(),
                e.query(),
                e.rows(),
                e.sparkMedian(),
                e.duckdbMedian(),
                e.ratio(),
                e.equal() ? "identical" : "DIFFERENT",
                stageRatio));
      }
    }
    b.append(
        "\nThe whole per-mu stage: Spark (`PerMuStage`, median stage time) against a DuckDB SQL"
            + " implementation written from docs/per-mu.md (`PerMuStageSql`: staged Parquet in,"
            + " five marts written as Parquet), on the same staged Parquet; the DuckDB marts are"
            + " compared with the Spark marts cell by cell (joined on each mart's key; doubles to a"
            + " relative 1e-9):\n\n");
    b.append("| scale | per-mu stage Spark s | DuckDB whole stage s | Spark/DuckDB | marts |\n");
    b.append("|---|---:|---:|---:|---|\n");
    for (Benchmark.ScaleResult r : results) {
      PerMuDuckStage.Outcome d = r.duckStage();
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %.1f | %.2f | %.1f | %s |%n",
              r.scale(),
              r.medianStage("per-mu"),
              d.median(),
              r.medianStage("per-mu") / d.median(),
              d.identical() ? "all 5 identical" : "DIFFERENT (below)"));
    }
    b.append("\n");
    for (Benchmark.ScaleResult r : results) {
      for (PerMuDuckStage.MartDiff m : r.duckStage().marts()) {
        b.append("- ").append(r.scale()).append(" ").append(m.describe()).append("\n");
      }
    }
    b.append("\nThe pipeline's own permu_zone mart against DuckDB's aggregation: ");
    List<String> checks = new ArrayList<>();
    for (Benchmark.ScaleResult r : results) {
      checks.add(r.scale() + " " + r.martCheck());
    }
    b.append(String.join("; ", checks)).append(".\n");
    if (results.size() > 1) {
      Benchmark.ScaleResult first = results.get(0);
      Benchmark.ScaleResult last = results.get(results.size() - 1);
      double a = first.medianWall() / first.enterpriseYears();
      double z = last.medianWall() / last.enterpriseYears();
      b.append(
          String.format(
              Locale.ROOT,
              "%nCost per enterprise-year, %s vs %s (whole run): %.2f× (target ≤ 1.2×).%n",
              last.scale(),
              first.scale(),
              z / a));
      double pa = first.medianStage("per-mu") / first.enterpriseYears();
      double pz = last.medianStage("per-mu") / last.enterpriseYears();
      b.append(
          String.format(
              Locale.ROOT,
              "Per-mu stage cost per enterprise-year, %s vs %s: %.2f×.%n",
              last.scale(),
              first.scale(),
              pz / pa));
    }
    return b.toString();
  }
}
