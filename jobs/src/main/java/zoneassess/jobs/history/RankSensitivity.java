package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.product;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * How stable are the ranks? Monte Carlo over the weights of a weighted-mean tree, and
 * leave-one-indicator-out.
 *
 * <p>Inputs: {@code values (zone_code, node_code, value)} — the normalised value of each zone on each
 * leaf indicator, complete (imputed) — and {@code tree (node_code, parent_code, weight)} — every node
 * below the root with its nominal weight; top-level nodes have a null parent. A zone's composite is
 * Σ value × (product of the sibling-normalised weights on the path from the leaf to the root), the
 * weighted arithmetic mean at every level.
 *
 * <p>Replication r draws, for every node n, a uniform u(r, n) in [0, 1) from {@code
 * xxhash64(seed, r, n)} — a pure function of its arguments, so the result does not depend on
 * partitioning or the number of executors — and uses weight × (1 + spread × (2u − 1)), renormalised
 * among siblings. Ranks are competition ranks on the composite (ties share the better rank).
 */
public final class RankSensitivity {
  private static final double TWO_53 = 9007199254740992.0;

  private RankSensitivity() {}

  /** Rank of every zone in every replication: {@code rep, zone_code, score, rank}. */
  public static Dataset<Row> replicationRanks(
      Dataset<Row> values, Dataset<Row> tree, long seed, int replications, double spread) {
    SparkSession spark = values.sparkSession();
    Dataset<Row> reps = spark.range(replications).toDF("scenario");
    Dataset<Row> perturbed =
        reps.crossJoin(tree)
            .withColumn(
                "u",
                pmod(xxhash64(lit(seed), col("scenario"), col("node_code")), lit(1L << 53))
                    .cast("double")
                    .divide(lit(TWO_53)))
            .withColumn(
                "weight",
                col("weight").multiply(lit(1.0).plus(lit(spread).multiply(col("u").multiply(2).minus(1)))))
            .drop("u");
    return ranks(values, tree, perturbed).withColumnRenamed("scenario", "rep");
  }

  /**
   * Per zone: the median rank and the 5th and 95th percentiles (exact, interpolated) over the
   * replications, with the best and worst rank seen: {@code zone_code, median_rank, p05_rank,
   * p95_rank, best_rank, worst_rank}, ordered by median rank then zone code.
   */
  public static Dataset<Row> rankIntervals(Dataset<Row> replicationRanks) {
    return replicationRanks
        .groupBy("zone_code")
        .agg(
            expr("percentile(rank, 0.5)").as("median_rank"),
            expr("percentile(rank, 0.05)").as("p05_rank"),
            expr("percentile(rank, 0.95)").as("p95_rank"),
            expr("min(rank)").as("best_rank"),
            expr("max(rank)").as("worst_rank"))
        .orderBy(col("median_rank"), col("zone_code"));
  }

  /**
   * Leave one indicator out: for every leaf, its weight set to zero (siblings renormalised) and the
   * zones ranked again. {@code dropped_indicator, zone_code, nominal_rank, rank_without,
   * rank_shift} where rank_shift = rank_without − nominal_rank (positive: the zone falls).
   */
  public static Dataset<Row> leaveOneOut(Dataset<Row> values, Dataset<Row> tree) {
    Dataset<Row> nominal =
        ranks(values, tree, tree.withColumn("scenario", lit("nominal")))
            .select(col("zone_code"), col("rank").as("nominal_rank"));
    Dataset<Row> leaves =
        tree.select("node_code")
            .except(tree.where(col("parent_code").isNotNull()).select(col("parent_code").as("node_code")))
            .withColumnRenamed("node_code", "scenario");
    Dataset<Row> dropped =
        leaves.crossJoin(tree)
            .withColumn("weight", when(col("node_code").equalTo(col("scenario")), lit(0.0)).otherwise(col("weight")));
    return ranks(values, tree, dropped)
        .join(nominal, "zone_code")
        .select(
            col("scenario").as("dropped_indicator"), col("zone_code"), col("nominal_rank"),
            col("rank").as("rank_without"), col("rank").minus(col("nominal_rank")).as("rank_shift"))
        .orderBy(col("dropped_indicator"), col("rank_without"), col("zone_code"));
  }

  /** Ranks under each scenario's weights {@code (scenario, node_code, parent_code, weight)}. */
  private static Dataset<Row> ranks(Dataset<Row> values, Dataset<Row> tree, Dataset<Row> weights) {
    Dataset<Row> normalised =
        weights.withColumn(
            "w",
            coalesce(
                try_divide(col("weight"), sum("weight").over(Window.partitionBy(col("scenario"), col("parent_code")))),
                lit(0.0)));
    Dataset<Row> effective =
        paths(tree)
            .join(normalised.select("scenario", "node_code", "w"), col("ancestor_code").equalTo(col("node_code")))
            .groupBy("scenario", "leaf_code")
            .agg(product(col("w")).as("leaf_weight"));
    Dataset<Row> scores =
        values
            .join(effective, values.col("node_code").equalTo(effective.col("leaf_code")))
            .groupBy("scenario", "zone_code")
            .agg(sum(col("value").multiply(col("leaf_weight"))).as("score"))
            // A sum's last bits depend on the order rows arrive in; ranks must not.
            .withColumn("score", round(col("score"), 12));
    return scores.withColumn(
        "rank", rank().over(Window.partitionBy("scenario").orderBy(col("score").desc())));
  }

  /**
   * Every (leaf, ancestor) pair, the leaf itself included, from the tree: collected, since a tree is
   * methodology-sized.
   */
  static Dataset<Row> paths(Dataset<Row> tree) {
    Map<String, String> parent = new HashMap<>();
    for (Row r : tree.select("node_code", "parent_code").collectAsList()) {
      parent.put(r.getString(0), r.isNullAt(1) ? null : r.getString(1));
    }
    List<Row> rows = new ArrayList<>();
    for (String node : parent.keySet()) {
      if (parent.containsValue(node)) {
        continue;
      }
      for (String a = node; a != null; a = parent.get(a)) {
        rows.add(RowFactory.create(node, a));
      }
    }
    StructType schema =
        new StructType()
            .add("leaf_code", DataTypes.StringType, false)
            .add("ancestor_code", DataTypes.StringType, false);
    return tree.sparkSession().createDataFrame(rows, schema);
  }
}
