package zoneassess.jobs.pipeline;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.schema.layout.RunLayout;

/**
 * Runs stages one after another inside one run folder, with progress on the console ("stage 2 of 5
 * · assess") and the time each stage took. A failing stage stops the pipeline; what it had
 * published stays in the in-progress folder, which is never read as a finished run.
 */
public final class Pipeline {
  /** A stage and the parameters it runs with. */
  public record Step(Stage stage, Map<String, String> params) {}

  /**
   * Everything the stages reported, in order, with their wall times in seconds and the Spark work
   * (jobs, stages, tasks, SQL executions) each one caused.
   */
  public record Outcome(
      List<StageResult> results, Map<String, Double> seconds, Map<String, JobCounter.Work> work) {
    public Outcome {
      results = List.copyOf(results);
      seconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(seconds));
      work = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(work));
    }

    public StageResult result(String stage) {
      return results.stream().filter(r -> r.stage().equals(stage)).findFirst().orElse(null);
    }
  }

  private final SparkSession spark;
  private final RunLayout run;
  private final PrintStream console;

  public Pipeline(SparkSession spark, RunLayout run, PrintStream console) {
    this.spark = spark;
    this.run = run;
    this.console = console;
  }

  public Outcome execute(List<Step> steps) throws Exception {
    return execute(steps, r -> {});
  }

  /** Runs the steps; {@code check} sees each result and may stop the pipeline by throwing. */
  public Outcome execute(List<Step> steps, java.util.function.Consumer<StageResult> check)
      throws Exception {
    List<StageResult> results = new ArrayList<>();
    Map<String, Double> seconds = new LinkedHashMap<>();
    Map<String, JobCounter.Work> work = new LinkedHashMap<>();
    int i = 0;
    try (JobCounter counter = JobCounter.attach(spark)) {
      for (Step step : steps) {
        i++;
        String name = step.stage().name();
        console.printf(Locale.ROOT, "[stage %d of %d] %s …%n", i, steps.size(), name);
        counter.mark();
        long t0 = System.nanoTime();
        StageResult r = step.stage().execute(new StageContext(spark, run, step.params(), console));
        double s = (System.nanoTime() - t0) / 1e9;
        JobCounter.Work w = counter.mark();
        seconds.put(name, s);
        work.put(name, w);
        results.add(r);
        check.accept(r);
        console.printf(
            Locale.ROOT,
            "[stage %d of %d] %s done in %.1f s (%s)%n",
            i,
            steps.size(),
            name,
            s,
            w.describe());
      }
    }
    return new Outcome(results, seconds, work);
  }
}
