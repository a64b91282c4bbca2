package zoneassess.jobs.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.allocation.AllocationStage;
import zoneassess.jobs.allocation.DerivedAllocationRun;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.yaml.SpecException;

/**
 * {@code zoneassess allocate}: the resource allocation of a finished run under another policy or
 * quota, written into a new run derived from it, with the difference printed.
 */
@Command(
    name = "allocate",
    mixinStandardHelpOptions = true,
    description = {
      "Resource allocation by per-mu class (资源要素配置) under a policy file, as a what-if:",
      "copies the run into a new derived run (the published run is not changed, LATEST is not",
      "moved), writes allocation_enterprise, allocation_zone and land_recovery there and prints",
      "the difference from the run's published allocation: surcharge revenue, firms per class,",
      "quota shares that move."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess allocate --out out --run latest --policy classpath:allocation/zhejiang-2022.yaml",
      "  zoneassess allocate --out out --run 20261128T010000Z-1a2b3c4d --land-quota 8000 --energy-quota 30",
      "  zoneassess allocate --out out --run latest --policy my-city-2026.yaml --year 2024",
      "",
      "Exit codes: 0 ok, 2 usage error, 3 policy file invalid, 1 other failure."
    })
public final class AllocateCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, description = "Output root holding runs/ and LATEST.")
  String out;

  @Option(names = "--run", defaultValue = "latest", description = "Parent run id, or 'latest'.")
  String run;

  @Option(
      names = "--policy",
      defaultValue = AllocationPolicyLoader.HUAIAN_2024,
      description =
          "Allocation policy file (path or classpath:allocation/…); default ${DEFAULT-VALUE}.")
  String policy;

  @Option(
      names = "--land-quota",
      description = "New construction-land quota, 亩 (overrides the file).")
  Double landQuota;

  @Option(
      names = "--energy-quota",
      description = "New energy-use quota, 万吨标煤 (overrides the file).")
  Double energyQuota;

  @Option(
      names = "--year",
      defaultValue = "latest",
      description = "Year to allocate for, or 'latest' per-mu year.")
  String year;

  @Option(names = "--master", description = "Spark master URL (default local[*]).")
  String master;

  @Override
  public Integer call() {
    if (!year.equals("latest") && !year.matches("^[0-9]{4}$")) {
      System.err.println(
          "allocate: --year must be a four-digit year or 'latest', found '" + year + "'");
      return 2;
    }
    if (landQuota != null && !(landQuota >= 0) || energyQuota != null && !(energyQuota >= 0)) {
      System.err.println("allocate: quotas cannot be negative");
      return 2;
    }
    try {
      AllocationPolicyLoader.load(policy);
    } catch (SpecException e) {
      System.err.println(e.getMessage());
      return 3;
    }
    RunLayout parent;
    try {
      parent = resolve(out, run);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
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
    try {
      DerivedAllocationRun.Outcome o =
          new DerivedAllocationRun(spark).execute(parent, params, System.out);
      System.out.println("derived run " + o.run().runId() + " (parent " + parent.runId() + ")");
      System.out.println("  " + o.run().runDir());
      o.diff().lines().forEach(System.out::println);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    } catch (RuntimeException e) {
      System.err.println("allocate failed: " + e);
      return 1;
    } finally {
      spark.stop();
    }
  }

  /** {@code <out>/runs/<id>}, with {@code latest} read from {@code <out>/LATEST}. */
  static RunLayout resolve(String out, String run) {
    Path root = Path.of(out).toAbsolutePath().normalize();
    String id = run;
    if (run.equals("latest")) {
      Path latest = root.resolve("LATEST");
      if (!Files.isRegularFile(latest)) {
        throw new IllegalArgumentException(
            "allocate: no finished run under " + root + " (no LATEST file)");
      }
      try {
        id = Files.readString(latest, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "allocate: cannot read " + latest + ": " + e.getMessage());
      }
    }
    if (!Files.isDirectory(root.resolve("runs").resolve(id).resolve("marts"))) {
      throw new IllegalArgumentException(
          "allocate: run " + id + " has no marts folder under " + root.resolve("runs"));
    }
    return RunLayout.published(Publisher.toUri(root.toString()), id);
  }
}
