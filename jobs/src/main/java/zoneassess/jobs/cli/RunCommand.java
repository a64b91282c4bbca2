package zoneassess.jobs.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.allocation.AllocationStage;
import zoneassess.jobs.anomaly.AnomalyStage;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.assess.RulesReference;
import zoneassess.jobs.costs.CostsStage;
import zoneassess.jobs.history.SnapshotStore;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuStage;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.routine.RoutineStage;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.scoreboard.ScoreboardStage;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.anomaly.AnomalyChecksLoader;
import zoneassess.schema.factor.FactorCatalogue;
import zoneassess.schema.factor.TypicalFirmProfile;
import zoneassess.schema.permu.PerMuSchemeLoader;
import zoneassess.schema.scoreboard.ScoreboardLoader;

/** {@code zoneassess run}: every stage for one period, as one run. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the whole pipeline for a period: ingest → per-mu → allocation → assess → scoreboard",
      "(annual periods) → costs → packs, into one run folder ROOT/runs/<run-id> published",
      "atomically. Running it again on unchanged inputs, configuration and code reuses the",
      "earlier run (safe to call from cron)."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess run --input out/sample --out out",
      "  zoneassess run --input /data/2025-09 --out /srv/zoneassess --mode routine",
      "  zoneassess run --input out/sample --out out --methodology classpath:methodologies/national-2021.yaml",
      "  zoneassess run --as-of 2025-06-30 --out out --force",
      "  zoneassess run --input out/sample --out /tmp/c --master spark://127.0.0.1:7077"
    })
public final class RunCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      paramLabel = "DIR",
      description =
          "Input folder (path or URI); its files are kept as a new vintage in ROOT/snapshots.")
  String input;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      description = {
        "Instead of --input: the inputs as known on DATE (yyyy-MM-dd, UTC), or 'latest', rebuilt",
        "from ROOT/snapshots (per input file name, the newest vintage ingested on or before DATE)."
      })
  String asOf;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--period",
      defaultValue = "latest",
      paramLabel = "P",
      description =
          "Period: latest, a year (2025), a quarter (2025Q3) or a month (2025-09). Default: ${DEFAULT-VALUE}.")
  String period;

  @Option(
      names = "--mode",
      defaultValue = "annual",
      paramLabel = "MODE",
      description =
          "annual (final figures; latest = newest year) or routine (year-to-date; latest = newest quarter). Default: ${DEFAULT-VALUE}.")
  String mode;

  @Option(
      names = "--methodology",
      defaultValue = "classpath:methodologies/jiangsu-2021.yaml",
      paramLabel = "FILE",
      description = "Assessment methodology (default: ${DEFAULT-VALUE}).")
  String methodology;

  @Option(
      names = "--rules",
      paramLabel = "FILE",
      description = "Rules file (default: the methodology's rules).")
  String rules;

  @Option(
      names = "--scheme",
      defaultValue = PerMuSchemeLoader.HUAIAN_2024,
      paramLabel = "FILE",
      description = "Per-mu evaluation scheme (default: ${DEFAULT-VALUE}).")
  String scheme;

  @Option(
      names = "--policy",
      defaultValue = AllocationPolicyLoader.HUAIAN_2024,
      paramLabel = "FILE",
      description = "Resource-allocation policy (default: ${DEFAULT-VALUE}).")
  String policy;

  @Option(
      names = "--scoreboard",
      defaultValue = ScoreboardLoader.SEED_2021,
      paramLabel = "FILE",
      description = "两增强五提升 scoreboard (default: ${DEFAULT-VALUE}).")
  String scoreboard;

  @Option(
      names = "--anomalies",
      defaultValue = AnomalyChecksLoader.DEFAULT,
      paramLabel = "FILE",
      description = "Input anomaly checks (default: ${DEFAULT-VALUE}).")
  String anomalies;

  @Option(
      names = "--focus-city",
      defaultValue = "320800",
      paramLabel = "CODE",
      description = "City whose factor-cost position is printed (default: ${DEFAULT-VALUE}, 淮安).")
  String focusCity;

  @Option(
      names = "--packs",
      defaultValue = "province,city:淮安",
      paramLabel = "LIST",
      description = "Packs to render (default: ${DEFAULT-VALUE}).")
  String packs;

  @Option(
      names = "--skip-packs",
      description = "Do not render packs (e.g. on a cluster; render later with 'report').")
  boolean skipPacks;

  @Option(
      names = "--max-reject-share",
      defaultValue = "0.05",
      paramLabel = "SHARE",
      description =
          "Stop with exit code 3 when more than this share of rows is rejected (default: ${DEFAULT-VALUE}).")
  double maxRejectShare;

  @Option(names = "--force", description = "Run even when an identical run exists.")
  boolean force;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    if (!mode.equals("annual") && !mode.equals("routine")) {
      System.err.println("run: --mode must be annual or routine, not '" + mode + "'");
      return ExitCodes.USAGE;
    }
    if ((input == null) == (asOf == null)) {
      System.err.println("run: give exactly one of --input DIR or --as-of DATE|latest");
      return ExitCodes.USAGE;
    }
    LocalDate asOfDate = null;
    if (asOf != null && !asOf.equals("latest")) {
      try {
        asOfDate = LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        System.err.println(
            "run: --as-of must be a date like 2025-06-30 or 'latest', not '" + asOf + "'");
        return ExitCodes.USAGE;
      }
    }
    try {
      Arguments.period("--period", period);
      if (!(maxRejectShare >= 0 && maxRejectShare <= 1)) {
        throw new UsageException(
            "--max-reject-share must lie between 0 and 1, not " + maxRejectShare);
      }
      if (input != null) {
        Arguments.existing("--input", input);
      }
      if (!skipPacks) {
        Arguments.packs("--packs", packs);
      }
      Arguments.methodologyAndRules(methodology, rules);
      Arguments.scheme(scheme);
      Arguments.allocationPolicy(policy);
      Arguments.scoreboard(scoreboard);
      AnomalyChecksLoader.load(anomalies);
    } catch (RuntimeException e) {
      return ExitCodes.report("run", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess run");
    try {
      String rulesLocation = rules != null ? rules : RulesReference.fromMethodology(methodology);
      Map<String, String> params = new LinkedHashMap<>();
      params.put("period", period);
      params.put("mode", mode);
      params.put("methodology", methodology);
      params.put("rules", rulesLocation);
      params.put("scheme", scheme);
      params.put("packs", skipPacks ? "" : packs);
      params.put("focus_city", focusCity);
      params.put("allocation_policy", policy);
      params.put("scoreboard", scoreboard);
      params.put("anomalies", anomalies);
      List<String> configs =
          new ArrayList<>(
              List.of(
                  methodology,
                  rulesLocation,
                  scheme,
                  policy,
                  scoreboard,
                  anomalies,
                  FactorCatalogue.DEFAULT_LOCATION));
      configs.addAll(TypicalFirmProfile.DEFAULT_LOCATIONS);

      List<Pipeline.Step> stages = stagesFor(params);
      String root = Publisher.toUri(out);
      PipelineRun.Request req;
      if (asOf == null) {
        req =
            new PipelineRun.Request(
                Publisher.toUri(input), root, stages, params, configs, maxRejectShare, force);
      } else {
        SnapshotStore store = new SnapshotStore(new Publisher(spark), root);
        List<RunManifest.Snapshot> vintage = store.asOf(asOfDate);
        String rebuilt = store.rebuild(vintage);
        System.out.println(
            "as of " + asOf + ": " + vintage.size() + " snapshot files → " + rebuilt);
        req =
            new PipelineRun.Request(
                rebuilt, root, stages, params, configs, maxRejectShare, force, vintage);
      }
      new PipelineRun(spark).execute(req, System.out);
      return 0;
    } catch (Exception e) {
      return ExitCodes.report("run", e, System.err);
    }
  }

  /**
   * The stages of a run from its recorded parameters (period, mode, methodology, rules, scheme,
   * allocation_policy, scoreboard, packs, focus_city), so a rerun builds exactly what the original
   * run built.
   */
  static List<Pipeline.Step> stagesFor(Map<String, String> params) {
    String period = params.get("period");
    String assessPeriod =
        period.equals("latest") && "routine".equals(params.get("mode")) ? "latest_ytd" : period;
    List<Pipeline.Step> stages = new ArrayList<>();
    if (params.containsKey("anomalies")) { // runs recorded before the checks existed had none
      stages.add(
          step(new AnomalyStage(), Map.of(AnomalyStage.PARAM_CHECKS, params.get("anomalies"))));
    }
    stages.add(
        step(
            new PerMuStage(),
            Map.of(
                PerMuStage.PARAM_YEAR,
                yearOf(period),
                PerMuStage.PARAM_SCHEME,
                params.get("scheme"))));
    stages.add(
        step(
            new AllocationStage(),
            Map.of(
                AllocationStage.PARAM_YEAR,
                yearOf(period),
                AllocationStage.PARAM_POLICY,
                params.getOrDefault("allocation_policy", AllocationPolicyLoader.HUAIAN_2024))));
    stages.add(
        step(
            new AssessmentStage(new EngineZoneScoring()),
            Map.of(
                AssessmentStage.PERIOD,
                assessPeriod,
                AssessmentStage.METHODOLOGY,
                params.get("methodology"),
                AssessmentStage.RULES,
                params.get("rules"))));
    boolean annual =
        period.equals("latest")
            ? !"routine".equals(params.get("mode"))
            : period.matches("^\\d{4}$");
    if (!annual) {
      stages.add(
          step(
              new RoutineStage(),
              Map.of(
                  RoutineStage.PARAM_METHODOLOGY,
                  params.get("methodology"),
                  RoutineStage.PARAM_RULES,
                  params.getOrDefault("rules", ""))));
    }
    if (annual) {
      stages.add(
          step(
              new ScoreboardStage(),
              Map.of(
                  ScoreboardStage.PARAM_SCOREBOARD,
                  params.getOrDefault("scoreboard", ScoreboardLoader.SEED_2021))));
    }
    stages.add(
        step(new CostsStage(), Map.of("period", period, "focus_city", params.get("focus_city"))));
    String packs = params.getOrDefault("packs", "");
    Stages.addReport(stages, packs.isEmpty(), packs);
    return stages;
  }

  private static Pipeline.Step step(zoneassess.jobs.pipeline.Stage s, Map<String, String> p) {
    return new Pipeline.Step(s, p);
  }

  /** The per-mu year for a period: latest, or the year part of 2025, 2025Q3, 2025-09. */
  static String yearOf(String period) {
    return period.equals("latest") ? "latest" : period.substring(0, 4);
  }
}
