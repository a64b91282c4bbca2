package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunManifest;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.MethodologyLoader;

/**
 * The work of {@code zoneassess sensitivity}: Monte Carlo rank intervals and leave-one-out of a
 * finished run's assessment in one period, written as research marts (rank_intervals,
 * leave_one_out) with this study's rows of research_parameters. The command parses, resolves the
 * run and prints; this class computes and writes.
 */
public final class SensitivityStudy {
  /** The research_parameters keys this study owns. */
  public static final Set<String> OWN_KEYS =
      Set.of(
          "replications",
          "weight_scheme",
          "spread",
          "concentration",
          "normalisations",
          "aggregations",
          "seed",
          "elapsed_seconds_monte_carlo",
          "sensitivity_run_id",
          "sensitivity_period",
          "sensitivity_methodology");

  private SensitivityStudy() {}

  /**
   * What the study wrote.
   *
   * @param methodology the methodology scored
   * @param period the period studied
   * @param folder the folder of the marts
   * @param monteCarloSeconds wall time of the replications
   * @param totalSeconds wall time including leave-one-out
   */
  public record Outcome(
      Methodology methodology,
      String period,
      String folder,
      double monteCarloSeconds,
      double totalSeconds) {}

  /**
   * Runs the study on {@code run}.
   *
   * @param methodology methodology file, or null for the one the run's manifest records
   * @param period the period, or null for the newest assessed one
   * @param research research folder name, or null for {@code
   *     ROOT/sensitivity/<id>-<period>-s<seed>}
   */
  public static Outcome run(
      SparkSession spark,
      Publisher publisher,
      RunLayout run,
      String methodology,
      String period,
      String research,
      RankSensitivity.Design design) {
    String id = run.runId();
    RunManifest manifest = RunManifest.fromJson(publisher.readText(run.manifest()));
    String method = methodology != null ? methodology : manifest.parameters().get("methodology");
    Methodology m = MethodologyLoader.load(method).methodology();
    Dataset<Row> all =
        ParquetRead.of(spark, run.mart(AssessmentMarts.ASSESSMENT_INDICATORS.name()));
    String p = period != null ? period : all.agg(max("period")).first().getString(0);
    Dataset<Row> indicators =
        all.where(col("period").equalTo(p))
            .select(
                col("zone_code"),
                col("indicator_code").as("node_code"),
                col("treated_value"),
                col("normalised_value"),
                col("direction"));
    Dataset<Row> zoneNames =
        spark
            .read()
            .parquet(run.mart(AssessmentMarts.ASSESSMENT.name()))
            .where(col("period").equalTo(p))
            .select("zone_code", "zone_name");
    Dataset<Row> tree = MethodologyTree.of(spark, m);
    String target =
        research != null
            ? zoneassess.schema.marts.ResearchMarts.folder(run.root(), research)
            : run.root() + "/sensitivity/" + id + "-" + p + "-s" + design.seed();

    long t0 = System.nanoTime();
    Dataset<Row> nominal = RankSensitivity.nominalRanks(indicators, tree);
    Dataset<Row> intervals =
        RankSensitivity.rankIntervals(
            RankSensitivity.replicationRanks(indicators, tree, design), nominal, zoneNames);
    publisher.writeParquet(intervals.coalesce(1), target + "/rank_intervals");
    double mc = (System.nanoTime() - t0) / 1e9;
    publisher.writeParquet(
        RankSensitivity.leaveOneOut(indicators, tree, MethodologyTree.names(spark, m)).coalesce(1),
        target + "/leave_one_out");
    double total = (System.nanoTime() - t0) / 1e9;

    ResearchParameterMerge.merge(
        spark,
        publisher,
        target,
        OWN_KEYS,
        parameters(design, id, p, m, mc),
        Map.of("run_id", id, "focus_period", p));
    return new Outcome(m, p, target, mc, total);
  }

  static Map<String, String> parameters(
      RankSensitivity.Design d, String id, String period, Methodology m, double mc) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("replications", String.valueOf(d.replications()));
    p.put("weight_scheme", d.weights().label());
    if (d.weights() instanceof WeightScheme.Uniform u) {
      p.put("spread", plain(u.spread()));
    } else if (d.weights() instanceof WeightScheme.Dirichlet dir) {
      p.put("concentration", plain(dir.concentration()));
    }
    p.put("normalisations", keys(d.normalisations()));
    p.put("aggregations", keys(d.aggregations()));
    p.put("seed", String.valueOf(d.seed()));
    // The one value that is not a function of the inputs: it depends on the machine and its load.
    p.put("elapsed_seconds_monte_carlo", String.format(Locale.ROOT, "%.1f", mc));
    p.put("sensitivity_run_id", id);
    p.put("sensitivity_period", period);
    p.put("sensitivity_methodology", m.id() + " " + m.version());
    return p;
  }

  static String plain(double x) {
    return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
  }

  static String keys(List<? extends Enum<?>> xs) {
    return xs.stream().map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(","));
  }
}
