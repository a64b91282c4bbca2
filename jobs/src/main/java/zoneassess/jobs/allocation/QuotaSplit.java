package zoneassess.jobs.allocation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zoneassess.schema.allocation.ProjectGuarantee;
import zoneassess.schema.allocation.QuotaRule;

/**
 * Splits a city's new land (亩) and energy (万吨标煤) quota between its zones or counties: first the
 * guaranteed (重特大) projects are served in order of investment (largest first, then project id),
 * each with the land and energy the policy estimates for it, as long as the quota lasts; then the
 * rest is shared by {@link BoundedShares} in proportion to each unit's per-mu performance.
 *
 * <p>Plain Java over a city-sized table (tens of units), so the arithmetic is exact and easy to
 * follow; the Spark edge collects the units and projects and turns the result back into rows.
 */
public final class QuotaSplit {
  /** A quota unit with its performance value (null = not reported, counts as zero). */
  public record Unit(
      String code, String name, String city, Double basisValue, int guaranteedFirms) {}

  /** A 重特大 project waiting for land and energy. */
  public record Project(String projectId, String unitCode, double investment100m) {}

  /** What a unit gets. */
  public record Quota(
      Unit unit,
      double rawShare,
      double share,
      BoundedShares.Rule shareRule,
      List<String> projectIds,
      double guaranteedLandMu,
      double shareLandMu,
      double guaranteedEnergy10kTce,
      double shareEnergy10kTce) {
    public double landQuotaMu() {
      return guaranteedLandMu + shareLandMu;
    }

    public double energyQuota10kTce() {
      return guaranteedEnergy10kTce + shareEnergy10kTce;
    }
  }

  private QuotaSplit() {}

  public static List<Quota> split(
      List<Unit> units, List<Project> projects, QuotaRule rule, ProjectGuarantee guarantee) {
    Map<String, List<String>> ids = new LinkedHashMap<>();
    Map<String, double[]> reserved = new LinkedHashMap<>();
    for (Unit u : units) {
      ids.put(u.code(), new ArrayList<>());
      reserved.put(u.code(), new double[2]);
    }
    double landLeft = rule.landMu();
    double energyLeft = rule.energy10kTce();
    if (rule.guaranteedFirst()) {
      List<Project> queue = new ArrayList<>(projects);
      queue.sort(
          Comparator.comparingDouble(Project::investment100m)
              .reversed()
              .thenComparing(Project::projectId));
      for (Project p : queue) {
        double[] r = reserved.get(p.unitCode());
        if (r == null) {
          continue;
        }
        double land = Math.min(guarantee.landMu(p.investment100m()), landLeft);
        double energy = Math.min(guarantee.energy10kTce(p.investment100m()), energyLeft);
        r[0] += land;
        r[1] += energy;
        landLeft -= land;
        energyLeft -= energy;
        ids.get(p.unitCode()).add(p.projectId());
      }
    }
    double[] weights = new double[units.size()];
    double sum = 0;
    for (int i = 0; i < units.size(); i++) {
      Double v = units.get(i).basisValue();
      weights[i] = v == null || v < 0 ? 0.0 : v;
      sum += weights[i];
    }
    BoundedShares.Result shares = BoundedShares.split(weights, rule.floor(), rule.cap());
    List<Quota> out = new ArrayList<>();
    for (int i = 0; i < units.size(); i++) {
      Unit u = units.get(i);
      double[] r = reserved.get(u.code());
      double share = shares.shares()[i];
      out.add(
          new Quota(
              u,
              sum > 0 ? weights[i] / sum : Double.NaN,
              share,
              shares.rules()[i],
              List.copyOf(ids.get(u.code())),
              r[0],
              share * landLeft,
              r[1],
              share * energyLeft));
    }
    return out;
  }

  /** The rule in words, for the mart. */
  static String ruleZh(Quota q, QuotaRule rule, String basisZh) {
    String share =
        switch (q.shareRule()) {
          case FLOOR -> String.format(Locale.ROOT, "按保底比例%s", pct(rule.floor()));
          case CAP -> String.format(Locale.ROOT, "按封顶比例%s", pct(rule.cap()));
          case EQUAL -> "平均分配";
          case PROPORTIONAL -> "按" + basisZh + "占比";
        };
    String projects =
        q.projectIds().isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                "重特大项目%d个优先保障用地%.2f亩、用能%.4f万吨标煤；",
                q.projectIds().size(),
                q.guaranteedLandMu(),
                q.guaranteedEnergy10kTce());
    return projects + "剩余指标" + share + "（" + pct(q.share()) + "）";
  }

  private static String pct(double share) {
    return String.format(Locale.ROOT, "%.2f%%", share * 100);
  }
}
