package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.sqrt;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.spark.RankComparison;

/**
 * Rank correlation of two orderings of the same items, per group (e.g. per period), with Spark
 * built-ins:
 *
 * <ul>
 *   <li>Spearman's rho = the Pearson correlation of the average-tie ranks (items tied on a value
 *       share the mean of the positions they occupy); without ties it equals 1 − 6Σd²/(n(n²−1)).
 *   <li>Kendall's tau-b = (C − D) / √((n0 − n1)(n0 − n2)) over all n0 = n(n−1)/2 pairs, C/D the
 *       concordant/discordant pairs, n1/n2 the pairs tied on x/on y. The pairs come from a
 *       self-join per group, fine for a few hundred items per group.
 * </ul>
 *
 * <p>Both are null with fewer than two items or when one ordering is all ties. Rows with a null x
 * or y are left out. Sums are of half-integer ranks and integer pair signs, so they are exact in
 * double and the result does not depend on row order or partitioning.
 */
public final class RankCorrelation {
  public static final String N = "n";
  public static final String SPEARMAN = "spearman";
  public static final String KENDALL_TAU_B = "kendall_tau_b";

  private RankCorrelation() {}

  /**
   * @param data one row per item and group
   * @param group grouping column (one correlation per value)
   * @param key item identifier, unique within a group (orders the pairs for Kendall)
   * @param x first ordering (any numeric column, e.g. a rank)
   * @param y second ordering
   * @return {@code group, n (INT), spearman (DOUBLE), kendall_tau_b (DOUBLE)}, one row per group
   *     that has at least one item with both x and y
   */
  public static Dataset<Row> byGroup(
      Dataset<Row> data, String group, String key, String x, String y) {
    Dataset<Row> d =
        data.select(
                col(group).as("_g"),
                col(key).as("_k"),
                col(x).cast("double").as("_x"),
                col(y).cast("double").as("_y"))
            .where(col("_x").isNotNull().and(col("_y").isNotNull()));
    return spearman(d)
        .join(kendallTauB(d), new String[] {"_g"}, "left")
        .select(col("_g").as(group), col(N), col(SPEARMAN), col(KENDALL_TAU_B));
  }

  /**
   * Position of the value in ascending order within its group; values equal at the default rank
   * precision share their mean position.
   */
  static Column averageRank(String value) {
    Column compared = RankComparison.key(col(value));
    Column first = rank().over(Window.partitionBy("_g").orderBy(compared));
    Column tied = count(lit(1)).over(Window.partitionBy(col("_g"), compared));
    return first.plus(tied.minus(1).divide(2.0));
  }

  private static Dataset<Row> spearman(Dataset<Row> d) {
    Dataset<Row> ranked =
        d.withColumn("_rx", averageRank("_x")).withColumn("_ry", averageRank("_y"));
    Dataset<Row> sums =
        ranked
            .groupBy("_g")
            .agg(
                count(lit(1)).cast("int").as(N),
                sum("_rx").as("_sx"),
                sum("_ry").as("_sy"),
                sum(col("_rx").multiply(col("_rx"))).as("_sxx"),
                sum(col("_ry").multiply(col("_ry"))).as("_syy"),
                sum(col("_rx").multiply(col("_ry"))).as("_sxy"));
    Column n = col(N).cast("double");
    Column cov = n.multiply(col("_sxy")).minus(col("_sx").multiply(col("_sy")));
    Column varX = n.multiply(col("_sxx")).minus(col("_sx").multiply(col("_sx")));
    Column varY = n.multiply(col("_syy")).minus(col("_sy").multiply(col("_sy")));
    return sums.select(
        col("_g"),
        col(N),
        when(varX.gt(0).and(varY.gt(0)), cov.divide(sqrt(varX.multiply(varY)))).as(SPEARMAN));
  }

  private static Dataset<Row> kendallTauB(Dataset<Row> d) {
    Dataset<Row> i =
        d.select(col("_g"), col("_k").as("_ki"), col("_x").as("_xi"), col("_y").as("_yi"));
    Dataset<Row> j =
        d.select(
            col("_g").as("_gj"), col("_k").as("_kj"), col("_x").as("_xj"), col("_y").as("_yj"));
    Dataset<Row> pairs =
        i.join(j, col("_g").equalTo(col("_gj")).and(col("_ki").lt(col("_kj"))))
            .select(
                col("_g"),
                sign(col("_xi"), col("_xj")).as("_sx"),
                sign(col("_yi"), col("_yj")).as("_sy"));
    Dataset<Row> counts =
        pairs
            .groupBy("_g")
            .agg(
                count(lit(1)).as("_n0"),
                sum(when(col("_sx").equalTo(0), 1).otherwise(0)).as("_n1"),
                sum(when(col("_sy").equalTo(0), 1).otherwise(0)).as("_n2"),
                sum(col("_sx").multiply(col("_sy"))).as("_s"));
    Column untiedX = col("_n0").minus(col("_n1")).cast("double");
    Column untiedY = col("_n0").minus(col("_n2")).cast("double");
    return counts.select(
        col("_g"),
        when(
                untiedX.gt(0).and(untiedY.gt(0)),
                col("_s").cast("double").divide(sqrt(untiedX.multiply(untiedY))))
            .as(KENDALL_TAU_B));
  }

  /** +1, 0 or −1 as a compares to b. */
  private static Column sign(Column a, Column b) {
    return when(a.gt(b), 1).when(a.lt(b), -1).otherwise(0);
  }
}
