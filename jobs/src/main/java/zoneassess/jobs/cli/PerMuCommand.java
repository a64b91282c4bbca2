package zoneassess.jobs.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuStage;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.permu.PerMuSchemeLoader;

/** {@code zoneassess per-mu}: the per-mu efficiency evaluation inside an existing run folder. */
@Command(
    name = "per-mu",
    mixinStandardHelpOptions = true,
    description = {
      "Per-mu efficiency (亩均效益) evaluation of enterprises, zones, counties and cities.",
      "Reads the run's staged enterprises, areas, zones and zone statistics; writes the marts",
      "permu_enterprise, permu_enterprise_items, permu_zone, permu_area, permu_zone_indicators",
      "into a new derived run: the run given by --run is never changed (its other outputs are",
      "shared; its assessment marts stay those computed from its own per-mu marts)."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess per-mu --out out --run latest",
      "  zoneassess per-mu --out out --run 20250301-1200 --year 2024 --scheme classpath:schemes/zhejiang-2022.yaml",
      "  zoneassess per-mu --out out --run latest --scheme my-county-2025.yaml --master spark://127.0.0.1:7077"
    })
public final class PerMuCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Output root holding runs/ and LATEST.")
  String out;

  @Option(names = "--run", defaultValue = "latest", description = "Run id, or 'latest' (default).")
  String run;

  @Option(
      names = "--year",
      defaultValue = "latest",
      description = "Evaluated year, or 'latest' staged year.")
  String year;

  @Option(
      names = "--scheme",
      defaultValue = PerMuSchemeLoader.HUAIAN_2024,
      description = "Scheme file (path or classpath:schemes/…); default ${DEFAULT-VALUE}.")
  String scheme;

  @Option(names = "--master", description = "Spark master URL (default local[*]).")
  String master;

  @Override
  public Integer call() {
    if (!year.equals("latest") && !year.matches("^[0-9]{4}$")) {
      System.err.println(
          "per-mu: --year must be a four-digit year or 'latest', found '" + year + "'");
      return ExitCodes.USAGE;
    }
    try {
      Arguments.runId("--run", run, true);
      PerMuSchemeLoader.load(scheme); // fail fast, before Spark starts
    } catch (RuntimeException e) {
      return ExitCodes.report("per-mu", e, System.err);
    }
    RunLayout layout;
    try {
      layout = resolveRun(out, run);
    } catch (RunRef.NotFound e) {
      return ExitCodes.report("per-mu", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess per-mu");
    try {
      Map<String, String> params = new LinkedHashMap<>();
      params.put(PerMuStage.PARAM_YEAR, year);
      params.put(PerMuStage.PARAM_SCHEME, scheme);
      new DerivedRun(spark)
          .execute(
              layout.root(),
              layout.runId(),
              "per-mu",
              List.of(new Pipeline.Step(new PerMuStage(), params)),
              List.of(scheme),
              System.out);
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("per-mu", e, System.err);
    } finally {
      spark.stop();
    }
  }

  /** {@code <out>/runs/<id>}, with {@code latest} read from {@code <out>/LATEST}. */
  static RunLayout resolveRun(String out, String run) {
    Publisher files = new Publisher(new Configuration());
    RunLayout layout = RunRef.resolve(files, out, run);
    if (!files.exists(layout.runDir() + "/staging")) {
      throw new RunRef.NotFound(
          "run " + layout.runId() + " has no staging folder (" + layout.runDir() + ")");
    }
    return layout;
  }
}
