package zoneassess.jobs.allocation;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.layout.RunLayout;

/**
 * A what-if allocation ({@code zoneassess allocate}): the allocation stage under another policy or
 * quota, run on a published run into a new {@link DerivedRun} (the parent is only read, its other
 * outputs are shared, {@code LATEST} is left alone), and the difference of the derived run's
 * allocation from the parent's.
 */
public final class DerivedAllocationRun {
  /** The command name recorded in the derived run's manifest ({@code derivedFrom.command}). */
  public static final String COMMAND = "allocate";

  /**
   * @param derived the derived run and what the allocation stage reported
   * @param diff the difference from the parent's allocation marts
   */
  public record Outcome(DerivedRun.Result derived, AllocationDiff.Report diff) {}

  /**
   * Two policies on the same parent run, in one call.
   *
   * @param a the derived run under policy A, with its difference from the parent
   * @param b the derived run under policy B, with its difference from the parent
   * @param diff the difference from A's allocation to B's
   */
  public record PolicyComparison(Outcome a, Outcome b, AllocationDiff.Report diff) {}

  private final SparkSession spark;

  public DerivedAllocationRun(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * @param rootUri the output root holding {@code runs/}
   * @param parentRunId the published parent run
   * @param params allocation stage parameters (policy, year, land_quota, energy_quota)
   */
  public Outcome execute(
      String rootUri, String parentRunId, Map<String, String> params, PrintStream console) {
    String location =
        params.getOrDefault(AllocationStage.PARAM_POLICY, AllocationPolicyLoader.HUAIAN_2024);
    AllocationPolicy policy = AllocationPolicyLoader.load(location);
    DerivedRun.Result derived =
        new DerivedRun(spark)
            .execute(
                rootUri,
                parentRunId,
                COMMAND,
                List.of(new Pipeline.Step(new AllocationStage(), params)),
                List.of(location),
                console);
    AllocationDiff.Report diff =
        AllocationDiff.compare(
            spark,
            new Publisher(spark),
            RunLayout.published(rootUri, parentRunId),
            derived.run(),
            policy.id());
    return new Outcome(derived, diff);
  }

  /**
   * Allocates the parent run under {@code paramsA} and under {@code paramsB}, each into its own
   * derived run, and compares the two: what a researcher asks when weighing one policy against
   * another. The parent is never changed and LATEST is not moved.
   */
  public PolicyComparison comparePolicies(
      String rootUri,
      String parentRunId,
      Map<String, String> paramsA,
      Map<String, String> paramsB,
      PrintStream console) {
    Outcome a = execute(rootUri, parentRunId, paramsA, console);
    Outcome b = execute(rootUri, parentRunId, paramsB, console);
    AllocationPolicy policyB =
        AllocationPolicyLoader.load(
            paramsB.getOrDefault(AllocationStage.PARAM_POLICY, AllocationPolicyLoader.HUAIAN_2024));
    AllocationDiff.Report diff =
        AllocationDiff.compare(
            spark, new Publisher(spark), a.derived().run(), b.derived().run(), policyB.id());
    return new PolicyComparison(a, b, diff);
  }
}
