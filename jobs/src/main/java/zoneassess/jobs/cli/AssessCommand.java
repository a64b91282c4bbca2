package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.assess.ZoneScoring;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;

/**
 * {@code zoneassess assess}: runs the assess stage on a finished run into a new derived run (the
 * finished run is never changed; see {@link DerivedRun}). Zones are scored by the composite-index
 * engine ({@link EngineZoneScoring}) unless a test gives another {@link ZoneScoring}.
 */
@Command(
    name = "assess",
    mixinStandardHelpOptions = true,
    description = {
      "Assess the zones of a run: composite index, veto/deductions/bonuses, competition ranks (all,"
          + " by level, by city), rank progress (进位), tiers and salary coefficients, multi-year"
          + " warnings. Writes the marts assessment, assessment_dimensions, assessment_indicators,"
          + " assessment_warnings and project_funnel into a new derived run (the run given by --run"
          + " is never changed; its other outputs are shared) and prints the top movers."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess assess --out out --methodology classpath:methodologies/jiangsu-2021.yaml",
      "  zoneassess assess --run latest --out out --period 2025 --methodology my-method.yaml \\",
      "      --rules classpath:rules/jiangsu-2021-rules.yaml",
      "  zoneassess assess --run 20260301-0900 --out out --period 2025Q3 --methodology my-method.yaml"
    })
public final class AssessCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--run",
      defaultValue = "latest",
      paramLabel = "ID|latest",
      description = "Run id under --out (default: ${DEFAULT-VALUE}).")
  String run;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Output root holding runs/ and LATEST (path or URI).")
  String out;

  @Option(
      names = "--period",
      defaultValue = "latest",
      paramLabel = "P",
      description =
          "yyyy (annual, final figures), yyyyQn or yyyy-MM (year to date vs the same period a year earlier), or latest (default).")
  String period;

  @Option(
      names = "--methodology",
      required = true,
      paramLabel = "FILE",
      description = "Methodology file (path or classpath:…).")
  String methodology;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rules file; default: the methodology's 'rules:' reference.")
  String rules;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  private final Supplier<ZoneScoring> scoring;

  public AssessCommand() {
    this(EngineZoneScoring::new);
  }

  public AssessCommand(ZoneScoring scoring) {
    this(() -> scoring);
  }

  private AssessCommand(Supplier<ZoneScoring> scoring) {
    this.scoring = scoring;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!period.equalsIgnoreCase("latest") && !period.matches(Datasets.PERIOD_PATTERN)) {
      err.println("assess: --period '" + period + "' is not yyyy, yyyyQn, yyyy-MM or latest");
      return ExitCodes.USAGE;
    }
    String rulesLocation;
    try {
      Arguments.runId("--run", run, true);
      rulesLocation = Arguments.methodologyAndRules(methodology, rules);
    } catch (RuntimeException e) {
      return ExitCodes.report("assess", e, err);
    }
    ZoneScoring scorer = scoring.get();
    if (scorer == null) {
      err.println("assess: no index engine is wired in (no ZoneScoring registered)");
      return ExitCodes.FAILURE;
    }
    String root = Publisher.toUri(out);
    Publisher files = new Publisher(new Configuration());
    RunLayout layout;
    try {
      layout = RunRef.resolve(files, root, run);
    } catch (RunRef.NotFound e) {
      return ExitCodes.report("assess", e, err);
    }
    String runId = layout.runId();
    Map<String, String> params = new LinkedHashMap<>();
    params.put(AssessmentStage.PERIOD, period);
    params.put(AssessmentStage.METHODOLOGY, methodology);
    params.put(AssessmentStage.RULES, rulesLocation);
    SparkSession spark = SparkSessions.create(master, "zoneassess assess");
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      DerivedRun.Result derived =
          new DerivedRun(spark)
              .execute(
                  root,
                  runId,
                  "assess",
                  List.of(new Pipeline.Step(new AssessmentStage(scorer), params)),
                  List.of(methodology, rulesLocation),
                  console);
      StageResult result = derived.stages().get(0);
      result
          .outputs()
          .forEach(
              (mart, uri) ->
                  console.println(
                      "  "
                          + mart
                          + ": "
                          + result.counts().get(mart)
                          + " rows → "
                          + derived.run().mart(mart)));
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("assess", e, err);
    }
  }
}
