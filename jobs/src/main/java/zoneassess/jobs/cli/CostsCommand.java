package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.costs.CostPeriod;
import zoneassess.jobs.costs.CostsStage;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.run.RunRef;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.factor.FactorCatalogue;
import zoneassess.schema.factor.FactorCatalogueLoader;
import zoneassess.schema.layout.RunLayout;

/** {@code zoneassess costs}: the factor-cost benchmark stage on an existing run. */
@Command(
    name = "costs",
    mixinStandardHelpOptions = true,
    description =
        "Benchmarks factor costs (electricity, water, gas, heat, land, labour, sewage, freight,"
            + " loans) of cities, counties and zones, prices the typical-firm profiles and computes"
            + " the composite cost index; writes the cost_* marts into a new derived run (the run"
            + " given by --run is never changed; its other outputs are shared).",
    footer = {
      "",
      "Examples:",
      "  zoneassess costs --run latest --out out --period 2025",
      "  zoneassess costs --run 20251128-0100 --out out --period 2025Q4 --focus-city 淮安",
      "  zoneassess costs --run latest --out out --period latest --profiles logistics,energy-intensive"
    })
public final class CostsCommand implements Callable<Integer> {
  @Option(names = "--run", defaultValue = "latest", description = "Run id, or 'latest' (default).")
  String runId;

  @Option(names = "--out", required = true, description = "Output root (folder or URI).")
  String out;

  @Option(
      names = "--period",
      defaultValue = "latest",
      description = "yyyy, yyyyQn, yyyy-MM or 'latest' (default).")
  String period;

  @Option(names = "--focus-city", description = "City (code or name) whose position is printed.")
  String focusCity;

  @Option(names = "--profiles", description = "Comma-separated profile ids or files.")
  String profiles;

  @Option(names = "--history-years", description = "Years published, ending with the period's.")
  Integer historyYears;

  @Option(names = "--catalogue", description = "Factor catalogue file (default: shipped).")
  String catalogue;

  @Option(names = "--master", description = "Spark master URL (default local[*]).")
  String master;

  @Override
  public Integer call() {
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      if (!CostPeriod.LATEST.equalsIgnoreCase(period)) {
        CostPeriod.parse(period, null);
      }
    } catch (IllegalArgumentException e) {
      System.err.println("costs: " + e.getMessage());
      return ExitCodes.USAGE;
    }
    try {
      Arguments.runId("--run", runId, true);
      if (historyYears != null && historyYears < 1) {
        throw new UsageException("--history-years must be at least 1, not " + historyYears);
      }
      FactorCatalogue loaded =
          FactorCatalogueLoader.load(
              catalogue != null ? catalogue : FactorCatalogue.DEFAULT_LOCATION);
      CostsStage.profiles(profiles, loaded);
    } catch (RuntimeException e) {
      return ExitCodes.report("costs", e, System.err);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("period", period);
    if (focusCity != null) {
      params.put("focus_city", focusCity);
    }
    if (profiles != null) {
      params.put("profiles", profiles);
    }
    if (historyYears != null) {
      params.put("history_years", String.valueOf(historyYears));
    }
    if (catalogue != null) {
      params.put("catalogue", catalogue);
    }
    try {
      SparkSession spark = SparkSessions.create(master, "zoneassess costs");
      String root = Publisher.toUri(out);
      Publisher publisher = new Publisher(spark);
      RunLayout run = RunRef.resolve(publisher, root, runId);
      String id = run.runId();
      if (!publisher.exists(run.staging("factor_costs"))) {
        System.err.println(
            "costs: run "
                + id
                + " has no staged factor_costs ("
                + run.staging("factor_costs")
                + ")");
        return ExitCodes.USAGE;
      }
      List<String> configs = new ArrayList<>();
      configs.add(catalogue != null ? catalogue : FactorCatalogue.DEFAULT_LOCATION);
      new DerivedRun(spark)
          .execute(
              root,
              id,
              "costs",
              List.of(new Pipeline.Step(new CostsStage(), params)),
              configs,
              console);
      return 0;
    } catch (RuntimeException e) {
      return ExitCodes.report("costs", e, System.err);
    }
  }
}
