package zoneassess.jobs.allocation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AllocationMarts;

/**
 * What another policy or quota changes against a run's published allocation: the surcharge revenue,
 * the firms affected per class (paying a surcharge, guaranteed, with land-use tax relief) and the
 * quota units whose share or quota moved. Only aggregates reach the driver.
 */
public final class AllocationDiff {
  private static final double MOVE = 1e-6;

  /** Per class: firms paying a surcharge, guaranteed firms, firms with tax relief. */
  public record ClassCounts(long surcharged, long guaranteed, long taxRelief) {
    static final ClassCounts NONE = new ClassCounts(0, 0, 0);
  }

  /** A quota unit before and after (null = absent on that side). */
  public record UnitMove(
      String unitCode,
      String unitName,
      Double shareBefore,
      Double shareAfter,
      Double landBefore,
      Double landAfter,
      Double energyBefore,
      Double energyAfter) {}

  /**
   * @param policyBefore the parent's allocation policy id, null when the parent has no allocation
   * @param policyAfter the derived run's policy id
   */
  public record Report(
      String policyBefore,
      String policyAfter,
      double surchargeBefore,
      double surchargeAfter,
      Map<String, ClassCounts> before,
      Map<String, ClassCounts> after,
      List<UnitMove> moved) {

    /** The lines the command prints. */
    public List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(
          "allocation: "
              + (policyBefore == null ? "(parent has no allocation)" : policyBefore)
              + " → "
              + policyAfter);
      out.add(
          String.format(
              Locale.ROOT,
              "  surcharge revenue: %.2f → %.2f 万元 (%+.2f)",
              surchargeBefore,
              surchargeAfter,
              surchargeAfter - surchargeBefore));
      out.add("  firms per class (surcharged / guaranteed / land-use tax relief), before → after:");
      TreeSet<String> classes = new TreeSet<>(before.keySet());
      classes.addAll(after.keySet());
      for (String c : classes) {
        ClassCounts b = before.getOrDefault(c, ClassCounts.NONE);
        ClassCounts a = after.getOrDefault(c, ClassCounts.NONE);
        out.add(
            String.format(
                Locale.ROOT,
                "    %s: %d / %d / %d → %d / %d / %d",
                c,
                b.surcharged(),
                b.guaranteed(),
                b.taxRelief(),
                a.surcharged(),
                a.guaranteed(),
                a.taxRelief()));
      }
      if (moved.isEmpty()) {
        out.add("  quota shares: no unit moved");
      } else {
        out.add("  quota units that moved (share; land 亩; energy 万吨标煤), before → after:");
        for (UnitMove m : moved) {
          out.add(
              String.format(
                  Locale.ROOT,
                  "    %s %s: %s → %s; %s → %s; %s → %s",
                  m.unitCode(),
                  m.unitName() == null ? "" : m.unitName(),
                  pct(m.shareBefore()),
                  pct(m.shareAfter()),
                  num(m.landBefore(), "%.1f"),
                  num(m.landAfter(), "%.1f"),
                  num(m.energyBefore(), "%.3f"),
                  num(m.energyAfter(), "%.3f")));
        }
      }
      return out;
    }

    private static String pct(Double v) {
      return v == null ? "—" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    private static String num(Double v, String format) {
      return v == null ? "—" : String.format(Locale.ROOT, format, v);
    }
  }

  private AllocationDiff() {}

  public static Report compare(
      SparkSession spark, Publisher publisher, RunLayout parent, RunLayout derived, String policy) {
    String parentEnterprise = parent.mart(AllocationMarts.ENTERPRISE.name());
    boolean hadAllocation = publisher.exists(parentEnterprise);
    Dataset<Row> after = ParquetRead.of(spark, derived.mart(AllocationMarts.ENTERPRISE.name()));
    Dataset<Row> afterZones = ParquetRead.of(spark, derived.mart(AllocationMarts.ZONE.name()));
    String policyBefore = null;
    double surchargeBefore = 0;
    Map<String, ClassCounts> countsBefore = new TreeMap<>();
    Map<String, double[]> unitsBefore = new TreeMap<>();
    if (hadAllocation) {
      Dataset<Row> before = ParquetRead.of(spark, parentEnterprise);
      Row first =
          before.select("policy_id").limit(1).collectAsList().stream().findFirst().orElse(null);
      policyBefore = first == null ? null : first.getString(0);
      surchargeBefore = surcharge(before);
      countsBefore = counts(before);
      String parentZones = parent.mart(AllocationMarts.ZONE.name());
      if (publisher.exists(parentZones)) {
        unitsBefore = units(ParquetRead.of(spark, parentZones));
      }
    }
    Map<String, double[]> unitsAfter = units(afterZones);
    Map<String, String> names = new TreeMap<>();
    for (Row r : afterZones.select("unit_code", "unit_name").collectAsList()) {
      names.put(r.getString(0), r.getString(1));
    }
    TreeSet<String> codes = new TreeSet<>(unitsBefore.keySet());
    codes.addAll(unitsAfter.keySet());
    List<UnitMove> moved = new ArrayList<>();
    for (String c : codes) {
      double[] b = unitsBefore.get(c);
      double[] a = unitsAfter.get(c);
      boolean same =
          a != null
              && b != null
              && Math.abs(a[0] - b[0]) < MOVE
              && Math.abs(a[1] - b[1]) < MOVE
              && Math.abs(a[2] - b[2]) < MOVE;
      if (!same) {
        moved.add(
            new UnitMove(
                c,
                names.get(c),
                b == null ? null : b[0],
                a == null ? null : a[0],
                b == null ? null : b[1],
                a == null ? null : a[1],
                b == null ? null : b[2],
                a == null ? null : a[2]));
      }
    }
    return new Report(
        policyBefore,
        policy,
        surchargeBefore,
        surcharge(after),
        countsBefore,
        counts(after),
        moved);
  }

  private static double surcharge(Dataset<Row> enterprises) {
    Row r = enterprises.agg(sum(coalesce(col("surcharge_total_10k"), lit(0.0)))).first();
    return r.isNullAt(0) ? 0.0 : r.getDouble(0);
  }

  private static Map<String, ClassCounts> counts(Dataset<Row> enterprises) {
    Map<String, ClassCounts> out = new TreeMap<>();
    for (Row r :
        enterprises
            .groupBy("per_mu_class")
            .agg(
                sum(when(col("surcharge_total_10k").gt(0), 1L).otherwise(0L)),
                sum(when(col("guaranteed"), 1L).otherwise(0L)),
                sum(when(col("land_use_tax_relief_10k").gt(0), 1L).otherwise(0L)))
            .collectAsList()) {
      out.put(r.getString(0), new ClassCounts(r.getLong(1), r.getLong(2), r.getLong(3)));
    }
    return out;
  }

  /** unit_code → {share, land quota, energy quota}. */
  private static Map<String, double[]> units(Dataset<Row> zones) {
    Map<String, double[]> out = new TreeMap<>();
    for (Row r :
        zones
            .select("unit_code", "share", "land_quota_mu", "energy_quota_10k_tce")
            .collectAsList()) {
      out.put(r.getString(0), new double[] {r.getDouble(1), r.getDouble(2), r.getDouble(3)});
    }
    return out;
  }
}
