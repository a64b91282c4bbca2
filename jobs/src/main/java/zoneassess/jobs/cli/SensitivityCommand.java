package zoneassess.jobs.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.history.MethodologyTree;
import zoneassess.jobs.history.RankSensitivity;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.methodology.MethodologyLoader;
import zoneassess.schema.yaml.SpecException;

/** {@code zoneassess sensitivity}: how stable a run's ranks are when the weights move. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Monte Carlo over the methodology's weights (each node's weight × (1 ± spread), uniform,",
      "renormalised among siblings, seeded) on a run's normalised indicator values, and",
      "leave-one-indicator-out. Writes ROOT/sensitivity/<run-id>-<period>-s<seed>/rank_intervals",
      "(zone_code, median_rank, p05_rank, p95_rank, best_rank, worst_rank) and leave_one_out",
      "(dropped_indicator, zone_code, nominal_rank, rank_without, rank_shift)."
    },
    footer = {
      "",
      "Exit codes: 0 done, 2 usage error, 1 failure.",
      "",
      "Examples:",
      "  zoneassess sensitivity --out out --replications 1000 --spread 0.2 --seed 42",
      "  zoneassess sensitivity 20250918T020000Z-1a2b3c4d --out out --period 2024"
    })
public final class SensitivityCommand implements Callable<Integer> {
  @Parameters(index = "0", arity = "0..1", paramLabel = "RUN_ID", description = "Run to analyse (default: LATEST).")
  String runId;

  @Option(names = "--out", defaultValue = "out", paramLabel = "ROOT", description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(names = "--period", paramLabel = "P", description = "Period of the assessment mart (default: the newest).")
  String period;

  @Option(names = "--methodology", paramLabel = "FILE", description = "Methodology (default: the run's).")
  String methodology;

  @Option(names = "--replications", defaultValue = "1000", paramLabel = "N", description = "Replications (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(names = "--spread", defaultValue = "0.2", paramLabel = "X", description = "Relative weight spread, 0.2 = ±20 % (default: ${DEFAULT-VALUE}).")
  double spread;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    if (replications < 1 || spread < 0 || spread >= 1) {
      System.err.println("sensitivity: need --replications ≥ 1 and 0 ≤ --spread < 1");
      return 2;
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess sensitivity");
    try {
      Publisher publisher = new Publisher(spark);
      String root = Publisher.toUri(out);
      String id = runId != null ? runId : publisher.readText(root + "/LATEST").strip();
      RunLayout run = RunLayout.published(root, id);
      RunManifest manifest = RunManifest.fromJson(publisher.readText(run.manifest()));
      String method = methodology != null ? methodology : manifest.parameters().get("methodology");
      Dataset<Row> indicators = spark.read().parquet(run.mart(AssessmentMarts.ASSESSMENT_INDICATORS.name()));
      String p = period != null ? period : indicators.agg(max("period")).first().getString(0);
      // Missing normalised values count as 0 (the engine reweights them instead).
      Dataset<Row> values =
          indicators.where(col("period").equalTo(p))
              .select(col("zone_code"), col("indicator_code").as("node_code"), col("normalised_value").as("value"))
              .na().fill(0.0, new String[] {"value"});
      Dataset<Row> tree = MethodologyTree.of(spark, MethodologyLoader.load(method).methodology());
      String target = root + "/sensitivity/" + id + "-" + p + "-s" + seed;
      long t0 = System.nanoTime();
      Dataset<Row> intervals =
          RankSensitivity.rankIntervals(RankSensitivity.replicationRanks(values, tree, seed, replications, spread));
      publisher.writeParquet(intervals.coalesce(1), target + "/rank_intervals");
      double mc = (System.nanoTime() - t0) / 1e9;
      publisher.writeParquet(RankSensitivity.leaveOneOut(values, tree).coalesce(1), target + "/leave_one_out");
      double total = (System.nanoTime() - t0) / 1e9;
      System.out.printf(Locale.ROOT, "%d replications (±%.0f %%, seed %d) of %s in %.1f s; leave-one-out done at %.1f s%n",
          replications, 100 * spread, seed, method, mc, total);
      System.out.println("→ " + target);
      System.out.printf(Locale.ROOT, "%-14s %8s %8s %8s%n", "zone", "median", "p05", "p95");
      for (Row r : spark.read().parquet(target + "/rank_intervals").orderBy("median_rank", "zone_code").limit(15).collectAsList()) {
        System.out.printf(Locale.ROOT, "%-14s %8.1f %8.1f %8.1f%n", r.getAs("zone_code"),
            (double) r.getAs("median_rank"), (double) r.getAs("p05_rank"), (double) r.getAs("p95_rank"));
      }
      return 0;
    } catch (SpecException e) {
      System.err.println("sensitivity: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("sensitivity: failed: " + e);
      e.printStackTrace(System.err);
      return 1;
    }
  }
}
