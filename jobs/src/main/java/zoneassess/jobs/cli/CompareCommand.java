package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import zoneassess.jobs.assess.RulesReference;
import zoneassess.jobs.history.MethodologyComparison;
import zoneassess.jobs.history.MethodologyComparisonRun;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.ResearchMarts;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.MethodologyLoader;
import zoneassess.schema.rules.RulesLoader;
import zoneassess.schema.yaml.SpecException;

/**
 * {@code zoneassess compare}: one run's staged inputs assessed under two methodologies (each with
 * its own rules, exactly as {@code assess} would), compared period by period.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Assess a run's zones under two methodologies (each with its own rules, as 'assess' does) and",
      "compare every annual period: score and rank per zone under A and B, rank shift (+ = up under",
      "B), Spearman and Kendall tau-b of the ranks, rank trajectories. Writes research_parameters,",
      "method_comparison, method_correlation and rank_trajectory to ROOT/research/<NAME> and prints",
      "the correlations and the zones that move most in the newest period."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess compare --out out --methodology-b classpath:methodologies/national-2021.yaml",
      "  zoneassess compare 20250918T020000Z-1a2b3c4d --out out \\",
      "      --methodology-a classpath:methodologies/jiangsu-2021.yaml \\",
      "      --methodology-b classpath:methodologies/national-2021.yaml --periods 2018-2025 --name js-vs-nat"
    })
public final class CompareCommand implements Callable<Integer> {
  static final int TOP_MOVERS = 10;
  private static final Pattern PERIOD_RANGE =
      Pattern.compile("^(\\d{4})(?:\\s*[-–]\\s*(\\d{4}))?$");
  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RUN_ID",
      description = "Run to assess (default: ROOT/LATEST).")
  String runId;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Output root holding runs/ and LATEST (path or URI).")
  String out;

  @Option(
      names = "--methodology-a",
      paramLabel = "FILE",
      description = "Methodology A (default: the run's methodology).")
  String methodologyA;

  @Option(
      names = "--methodology-b",
      required = true,
      paramLabel = "FILE",
      description = "Methodology B (path or classpath:…).")
  String methodologyB;

  @Option(
      names = "--periods",
      paramLabel = "YYYY-YYYY",
      description = "Annual periods to compare, e.g. 2018-2025 or 2024 (default: all).")
  String periods;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "Research folder name (default: <run-id>-<a-id>-vs-<b-id>).")
  String name;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    String from = "0000";
    String to = "9999";
    if (periods != null) {
      Matcher m = PERIOD_RANGE.matcher(periods.strip());
      if (!m.matches() || (m.group(2) != null && m.group(2).compareTo(m.group(1)) < 0)) {
        err.println("compare: --periods '" + periods + "' is not yyyy or yyyy-yyyy (first ≤ last)");
        return ExitCodes.USAGE;
      }
      from = m.group(1);
      to = m.group(2) != null ? m.group(2) : m.group(1);
    }
    if (name != null && !NAME.matcher(name).matches()) {
      err.println("compare: --name '" + name + "' must be letters, digits, '.', '_' or '-'");
      return ExitCodes.USAGE;
    }
    try {
      Arguments.methodologyAndRules(methodologyB, null);
    } catch (RuntimeException e) {
      return ExitCodes.report("compare", e, err);
    }
    String root = Publisher.toUri(out);
    Publisher files = new Publisher(new Configuration());
    RunLayout run;
    try {
      run = RunRef.resolve(files, root, runId);
    } catch (RunRef.NotFound e) {
      return ExitCodes.report("compare", e, err);
    }
    String id = run.runId();
    String locationA = methodologyA;
    if (locationA == null) {
      locationA =
          files.exists(run.manifest())
              ? RunManifest.fromJson(files.readText(run.manifest())).parameters().get("methodology")
              : null;
      if (locationA == null) {
        err.println("compare: run " + id + " records no methodology; give --methodology-a");
        return ExitCodes.USAGE;
      }
    }
    Methodology a;
    Methodology b;
    String rulesA;
    String rulesB;
    try {
      a = MethodologyLoader.load(locationA).methodology();
      b = MethodologyLoader.load(methodologyB).methodology();
      rulesA = RulesReference.fromMethodology(locationA);
      rulesB = RulesReference.fromMethodology(methodologyB);
      RulesLoader.load(rulesA);
      RulesLoader.load(rulesB);
    } catch (SpecException e) {
      return ExitCodes.report("compare", e, err);
    }
    String folder =
        ResearchMarts.folder(root, name != null ? name : id + "-" + a.id() + "-vs-" + b.id());

    SparkSession spark = SparkSessions.create(master, "zoneassess compare");
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    long t0 = System.nanoTime();
    try {
      List<String> compared =
          MethodologyComparisonRun.run(
              spark,
              run,
              new MethodologyComparisonRun.Side(locationA, rulesA, a),
              new MethodologyComparisonRun.Side(methodologyB, rulesB, b),
              from,
              to,
              folder);
      if (compared.isEmpty()) {
        err.println("compare: run " + id + " has no assessed annual period in " + from + "–" + to);
        return ExitCodes.USAGE;
      }
      String newest = compared.get(compared.size() - 1);
      summary(spark, console, folder, a, b, newest);
      ResearchPackCommand.render(folder, console);
      console.printf(
          Locale.ROOT,
          "compare: %s vs %s over %s in %.1f s%n→ %s%n",
          a.id(),
          b.id(),
          MethodologyComparisonRun.range(compared),
          (System.nanoTime() - t0) / 1e9,
          folder);
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("compare", e, err);
    }
  }

  /** Spearman/Kendall per period and the zones that move most in the newest period, read back. */
  private static void summary(
      SparkSession spark,
      PrintStream console,
      String folder,
      Methodology a,
      Methodology b,
      String newest) {
    console.printf(Locale.ROOT, "rank correlation, %s (A) vs %s (B):%n", a.id(), b.id());
    console.printf(
        Locale.ROOT,
        "  %-8s %6s %9s %9s %9s %7s%n",
        "period",
        "zones",
        "spearman",
        "kendall",
        "mean|Δ|",
        "moved");
    Dataset<Row> corr =
        ParquetRead.of(spark, folder + "/" + ResearchMarts.METHOD_CORRELATION.name());
    for (Row r : corr.orderBy("period").collectAsList()) {
      console.printf(
          Locale.ROOT,
          "  %-8s %6d %9s %9s %9s %7d%n",
          r.getAs("period"),
          (int) r.getAs("zones"),
          number(r.getAs("spearman"), 3),
          number(r.getAs("kendall_tau_b"), 3),
          number(r.getAs("mean_abs_shift"), 1),
          (int) r.getAs("zones_moved"));
      int aOnly = r.getAs(MethodologyComparison.RANKED_A_ONLY);
      int bOnly = r.getAs(MethodologyComparison.RANKED_B_ONLY);
      if (aOnly + bOnly > 0) {
        console.printf(
            Locale.ROOT,
            "           ranked under A only: %d, under B only: %d (left out)%n",
            aOnly,
            bOnly);
      }
    }
    Dataset<Row> comparison =
        ParquetRead.of(spark, folder + "/" + ResearchMarts.METHOD_COMPARISON.name());
    List<Row> movers =
        MethodologyComparison.topMovers(comparison, newest, TOP_MOVERS).collectAsList();
    console.println(
        "zones that move most in "
            + newest
            + (movers.isEmpty() ? ": none" : " (rank A → rank B):"));
    int i = 1;
    for (Row r : movers) {
      int shift = r.getAs("rank_shift");
      console.printf(
          Locale.ROOT,
          "  %2d. %s (%s) %d → %d (%s%d)%n",
          i++,
          r.getAs("zone_name"),
          r.getAs("zone_code"),
          (int) r.getAs("rank_a"),
          (int) r.getAs("rank_b"),
          shift > 0 ? "+" : "",
          shift);
    }
  }

  private static String number(Double v, int decimals) {
    return v == null ? "—" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
