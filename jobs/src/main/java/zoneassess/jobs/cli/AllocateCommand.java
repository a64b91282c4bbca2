package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.allocation.AllocationStage;
import zoneassess.jobs.allocation.DerivedAllocationRun;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.layout.RunLayout;

/**
 * {@code zoneassess allocate}: the resource allocation of a finished run under another policy or
 * quota, written into a new run derived from it ({@link DerivedRun}), with the difference printed.
 */
@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    description = {
      "Resource allocation by per-mu class (资源要素配置) under a policy file, as a what-if: runs",
      "the allocation stage on the run given by --run into a new derived run (the run itself is",
      "never changed, its other outputs are shared, LATEST is not moved), writes",
      "allocation_enterprise, allocation_zone and land_recovery there and prints the difference",
      "from the run's own allocation: surcharge revenue, firms per class, quota shares that move.",
      "With --policy-b, policy B is allocated too, into a second derived run, and the difference",
      "from A to B is printed: two policies compared in one command."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess allocate --out out --run latest --policy classpath:allocation/zhejiang-2022.yaml",
      "  zoneassess allocate --out out --run 20261128T010000Z-1a2b3c4d --land-quota 8000 --energy-quota 30",
      "  zoneassess allocate --out out --run latest --policy my-city-2026.yaml --year 2024",
      "  zoneassess allocate --out out --run latest --policy classpath:allocation/huaian-2024.yaml \\",
      "      --policy-b classpath:allocation/zhejiang-2022.yaml"
    })
public final class AllocateCommand implements Callable<Integer> {
  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Output root holding runs/ and LATEST.")
  String out;

  @Option(
      names = "--run",
      defaultValue = "latest",
      paramLabel = "ID|latest",
      description = "Parent run id under --out (default: ${DEFAULT-VALUE}).")
  String run;

  @Option(
      names = "--policy",
      defaultValue = AllocationPolicyLoader.HUAIAN_2024,
      paramLabel = "FILE",
      description =
          "Allocation policy file (path or classpath:allocation/…); default ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--policy-b",
      paramLabel = "FILE",
      description =
          "A second policy file: allocated too (same year and quotas), and the difference from"
              + " --policy to this one is printed.")
  String policyB;

  @Option(
      names = "--land-quota",
      paramLabel = "亩",
      description = "New construction-land quota, 亩 (overrides the file).")
  Double landQuota;

  @Option(
      names = "--energy-quota",
      paramLabel = "万吨标煤",
      description = "New energy-use quota, 万吨标煤 (overrides the file).")
  Double energyQuota;

  @Option(
      names = "--year",
      defaultValue = "latest",
      paramLabel = "YEAR",
      description = "Year to allocate for, or 'latest' per-mu year (default: ${DEFAULT-VALUE}).")
  String year;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    RunLayout parent;
    try {
      if (!year.equals("latest") && !year.matches("^[0-9]{4}$")) {
        throw new UsageException(
            "--year must be a four-digit year or 'latest', not '" + year + "'");
      }
      if (landQuota != null && !(landQuota >= 0 && Double.isFinite(landQuota))) {
        throw new UsageException("--land-quota must be a non-negative number, not " + landQuota);
      }
      if (energyQuota != null && !(energyQuota >= 0 && Double.isFinite(energyQuota))) {
        throw new UsageException(
            "--energy-quota must be a non-negative number, not " + energyQuota);
      }
      Arguments.runId("--run", run, true);
      Arguments.allocationPolicy(policy); // a broken policy file: exit 3 before Spark starts
      if (policyB != null) {
        Arguments.allocationPolicy(policyB);
      }
      parent = resolve(out, run);
    } catch (RuntimeException e) {
      return ExitCodes.report("allocate", e, System.err);
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put(AllocationStage.PARAM_POLICY, policy);
    params.put(AllocationStage.PARAM_YEAR, year);
    if (landQuota != null) {
      params.put(AllocationStage.PARAM_LAND_QUOTA, String.valueOf(landQuota));
    }
    if (energyQuota != null) {
      params.put(AllocationStage.PARAM_ENERGY_QUOTA, String.valueOf(energyQuota));
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess allocate");
    PrintStream console = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try {
      if (policyB != null) {
        Map<String, String> paramsB = new LinkedHashMap<>(params);
        paramsB.put(AllocationStage.PARAM_POLICY, policyB);
        DerivedAllocationRun.PolicyComparison c =
            new DerivedAllocationRun(spark)
                .comparePolicies(parent.root(), parent.runId(), params, paramsB, console);
        console.println(
            "derived runs "
                + c.a().derived().runId()
                + " (policy A) and "
                + c.b().derived().runId()
                + " (policy B), parent "
                + parent.runId());
        console.println("policy A → policy B:");
        c.diff().lines().forEach(console::println);
        return ExitCodes.OK;
      }
      DerivedAllocationRun.Outcome o =
          new DerivedAllocationRun(spark).execute(parent.root(), parent.runId(), params, console);
      console.println("derived run " + o.derived().runId() + " (parent " + parent.runId() + ")");
      console.println("  " + o.derived().run().runDir());
      o.diff().lines().forEach(console::println);
      return ExitCodes.OK;
    } catch (RuntimeException e) {
      return ExitCodes.report("allocate", e, System.err);
    } finally {
      spark.stop();
    }
  }

  /** {@code <out>/runs/<id>}, with {@code latest} read from {@code <out>/LATEST}. */
  static RunLayout resolve(String out, String run) {
    LakeRoot root = new LakeRoot(out);
    String id = run;
    if (run.equals("latest")) {
      try {
        id =
            root.latest()
                .orElseThrow(
                    () ->
                        new UsageException(
                            "no finished run under " + root.shown("") + " (no LATEST file)"));
      } catch (java.io.UncheckedIOException e) {
        throw new UsageException(
            "cannot read " + root.shown("LATEST") + ": " + e.getCause().getMessage());
      }
    }
    if (!root.isDirectory("runs/" + id + "/marts")) {
      throw new UsageException("run " + id + " has no marts folder under " + root.shown("runs"));
    }
    return RunLayout.published(root.uri(), id);
  }
}
