package zoneassess.jobs.cli;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.history.RankSensitivity;
import zoneassess.jobs.history.ScoreAggregation;
import zoneassess.jobs.history.ScoreNormalisation;
import zoneassess.jobs.history.SensitivityStudy;
import zoneassess.jobs.history.WeightScheme;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.MethodologyLoader;

/** {@code zoneassess sensitivity}: how stable a run's ranks are when weights and methods move. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description = {
      "Uncertainty analysis of a run's ranks: a seeded Monte Carlo over the methodology's weights",
      "(uniform ±spread, or Dirichlet around the nominal weights), over normalisations (methodology,",
      "minmax, zscore, rank) and aggregations (arithmetic, geometric), plus leave-one-indicator-out.",
      "Writes rank_intervals (zone_code, zone_name, nominal_rank, median_rank, p05_rank, p95_rank,",
      "best_rank, worst_rank), leave_one_out (dropped_indicator, dropped_indicator_name, zone_code,",
      "nominal_rank, rank_without, rank_shift) and research_parameters (key, value) into",
      "ROOT/research/NAME/ with --research NAME, else ROOT/sensitivity/<run-id>-<period>-s<seed>/."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess sensitivity --out out --replications 1000 --spread 0.2 --seed 42",
      "  zoneassess sensitivity --out out --weights dirichlet --concentration 50 \\",
      "      --normalisations minmax,zscore,rank --aggregations arithmetic,geometric --research jiangsu-2024",
      "  zoneassess sensitivity 20250918T020000Z-1a2b3c4d --out out --period 2024"
    })
public final class SensitivityCommand implements Callable<Integer> {
  /** research_parameters keys this command owns (replaced on every run). */
  static final Set<String> OWN_KEYS = SensitivityStudy.OWN_KEYS;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RUN_ID",
      description = "Run to analyse (default: LATEST).")
  String runId;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Period of the assessment mart (default: the newest).")
  String period;

  @Option(
      names = "--methodology",
      paramLabel = "FILE",
      description = "Methodology (default: the run's).")
  String methodology;

  @Option(
      names = "--replications",
      defaultValue = "1000",
      paramLabel = "N",
      description = "Replications (default: ${DEFAULT-VALUE}).")
  int replications;

  @Option(
      names = "--weights",
      defaultValue = "uniform",
      paramLabel = "SCHEME",
      description = "uniform or dirichlet (default: ${DEFAULT-VALUE}).")
  String weights;

  @Option(
      names = "--spread",
      defaultValue = "0.2",
      paramLabel = "X",
      description = "Uniform: relative weight spread, 0.2 = ±20 % (default: ${DEFAULT-VALUE}).")
  double spread;

  @Option(
      names = "--concentration",
      defaultValue = "50",
      paramLabel = "C",
      description =
          "Dirichlet: concentration α₀; larger = closer to nominal (default: ${DEFAULT-VALUE}).")
  double concentration;

  @Option(
      names = "--normalisations",
      defaultValue = "methodology",
      split = ",",
      paramLabel = "LIST",
      description =
          "Normalisations drawn from per replication: methodology, minmax, zscore, rank (default: ${DEFAULT-VALUE}).")
  List<String> normalisations;

  @Option(
      names = "--aggregations",
      defaultValue = "arithmetic",
      split = ",",
      paramLabel = "LIST",
      description =
          "Aggregations drawn from per replication: arithmetic, geometric (default: ${DEFAULT-VALUE}).")
  List<String> aggregations;

  @Option(
      names = "--research",
      paramLabel = "NAME",
      description = "Write into ROOT/research/NAME/ (shared with compare).")
  String research;

  @Option(
      names = "--seed",
      defaultValue = "42",
      paramLabel = "SEED",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    RankSensitivity.Design design;
    try {
      design = design();
      if (research != null && !research.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
        throw new IllegalArgumentException(
            "--research '" + research + "' must be a folder name (letters, digits, '.', '_', '-')");
      }
      if (runId != null) {
        Arguments.runId("RUN_ID", runId, false);
      }
      if (period != null) {
        Arguments.period("--period", period);
      }
      if (methodology != null) {
        MethodologyLoader.load(methodology);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("sensitivity: " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (RuntimeException e) {
      return ExitCodes.report("sensitivity", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess sensitivity");
    try {
      Publisher publisher = new Publisher(spark);
      String root = Publisher.toUri(out).replaceAll("/$", "");
      RunLayout run = RunRef.resolve(publisher, root, runId);
      SensitivityStudy.Outcome done =
          SensitivityStudy.run(spark, publisher, run, methodology, period, research, design);
      Methodology m = done.methodology();
      String target = done.folder();
      double mc = done.monteCarloSeconds();
      double total = done.totalSeconds();
      System.out.printf(
          Locale.ROOT,
          "%d replications (%s, normalisations %s, aggregations %s, seed %d) of %s %s in %.1f s;"
              + " leave-one-out done at %.1f s (load average %.2f)%n",
          replications,
          design.weights().label(),
          keys(design.normalisations()),
          keys(design.aggregations()),
          seed,
          m.id(),
          m.version(),
          mc,
          total,
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.println("→ " + target);
      if (research != null) {
        ResearchPackCommand.render(target, System.out);
      }
      System.out.printf(
          Locale.ROOT, "%-14s %8s %8s %8s %8s%n", "zone", "nominal", "median", "p05", "p95");
      for (Row r :
          spark
              .read()
              .parquet(target + "/rank_intervals")
              .orderBy("median_rank", "zone_code")
              .limit(15)
              .collectAsList()) {
        System.out.printf(
            Locale.ROOT,
            "%-14s %8s %8.1f %8.1f %8.1f%n",
            r.getAs("zone_code"),
            r.getAs("nominal_rank"),
            (double) r.getAs("median_rank"),
            (double) r.getAs("p05_rank"),
            (double) r.getAs("p95_rank"));
      }
      return 0;
    } catch (Exception e) {
      return ExitCodes.report("sensitivity", e, System.err);
    }
  }

  private RankSensitivity.Design design() {
    WeightScheme scheme =
        switch (weights.strip().toLowerCase(Locale.ROOT)) {
          case "uniform" -> new WeightScheme.Uniform(spread);
          case "dirichlet" -> new WeightScheme.Dirichlet(concentration);
          default ->
              throw new IllegalArgumentException(
                  "--weights '" + weights + "' is not one of uniform, dirichlet");
        };
    List<ScoreNormalisation> n = new ArrayList<>();
    normalisations.stream().map(ScoreNormalisation::parse).distinct().forEach(n::add);
    List<ScoreAggregation> a = new ArrayList<>();
    aggregations.stream().map(ScoreAggregation::parse).distinct().forEach(a::add);
    return new RankSensitivity.Design(seed, replications, scheme, n, a);
  }

  private static String keys(List<? extends Enum<?>> xs) {
    return xs.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
  }
}
