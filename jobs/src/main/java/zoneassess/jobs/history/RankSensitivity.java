package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.product;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.try_divide;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.spark.RankComparison;

/**
 * How stable are the ranks? Monte Carlo over the weights, the normalisation and the aggregation of
 * the indicator tree (the JRC/COINr uncertainty analysis), and leave-one-indicator-out.
 *
 * <p>Inputs: {@code indicators (zone_code, node_code, treated_value, normalised_value, direction)}
 * — one period of the run's {@code assessment_indicators}, node_code = indicator_code — and {@code
 * tree (node_code, parent_code, weight)}: every node below the root with its nominal weight;
 * top-level nodes have a null parent ({@link MethodologyTree}).
 *
 * <p>Replication r uses the weights {@link MonteCarloDraws#weights} drew for it
 * (sibling-normalised) and the normalisation and aggregation {@link MonteCarloDraws#methods} drew.
 * A leaf's effective weight is the product of the weights on its path to the root; a zone's
 * composite is Σ w·x (arithmetic) or exp(Σ w·ln x) (geometric) over the leaves with x from {@link
 * ScoreVariants}. Ranks are competition ranks on the composite (ties share the better rank), per
 * replication.
 *
 * <p>The nominal rank is the rank under the nominal weights, the run's own normalised values and
 * the arithmetic mean — the index before rules, not necessarily the published rank.
 */
public final class RankSensitivity {
  private RankSensitivity() {}

  /** What the Monte Carlo varies, and its seed. */
  public record Design(
      long seed,
      int replications,
      WeightScheme weights,
      List<ScoreNormalisation> normalisations,
      List<ScoreAggregation> aggregations) {
    public Design {
      if (replications < 1) {
        throw new IllegalArgumentException("replications must be ≥ 1, got " + replications);
      }
      if (normalisations.isEmpty() || aggregations.isEmpty()) {
        throw new IllegalArgumentException(
            "at least one normalisation and one aggregation are needed");
      }
      normalisations = List.copyOf(normalisations);
      aggregations = List.copyOf(aggregations);
    }
  }

  /**
   * Rank of every zone in every replication: {@code rep, zone_code, normalisation, aggregation,
   * score, rank}.
   */
  public static Dataset<Row> replicationRanks(
      Dataset<Row> indicators, Dataset<Row> tree, Design design) {
    Dataset<Row> variants = ScoreVariants.of(indicators, leaves(tree), design.normalisations());
    Dataset<Row> weights =
        MonteCarloDraws.weights(tree, design.seed(), design.replications(), design.weights());
    Dataset<Row> methods =
        MonteCarloDraws.methods(
            tree.sparkSession(),
            design.seed(),
            design.replications(),
            design.normalisations(),
            design.aggregations());
    // replications × leaves: small, joined to the zones × leaves values on (normalisation, leaf)
    Dataset<Row> plan =
        leafWeights(tree, weights.withColumnRenamed("rep", "scenario"))
            .withColumnRenamed("scenario", "rep")
            .join(methods, "rep");
    Column geometric = col("aggregation").equalTo(ScoreAggregation.GEOMETRIC.key());
    Dataset<Row> scores =
        plan.join(variants, new String[] {"normalisation", "node_code"})
            .groupBy("rep", "normalisation", "aggregation", "zone_code")
            .agg(
                sum(when(geometric, log(col("geo_value")))
                        .otherwise(col("value"))
                        .multiply(col("leaf_weight")))
                    .as("s"))
            // A sum's last bits depend on the order rows arrive in; ranks must not.
            .withColumn("s", round(col("s"), 12))
            .withColumn("score", round(when(geometric, exp(col("s"))).otherwise(col("s")), 12))
            .drop("s");
    return scores
        .withColumn(
            "rank",
            rank().over(Window.partitionBy("rep").orderBy(RankComparison.key(col("score")).desc())))
        .select("rep", "zone_code", "normalisation", "aggregation", "score", "rank");
  }

  /**
   * Rank under the nominal weights and normalised values, arithmetic mean: {@code zone_code,
   * nominal_rank}.
   */
  public static Dataset<Row> nominalRanks(Dataset<Row> indicators, Dataset<Row> tree) {
    return ranks(nominalValues(indicators, tree), tree, tree.withColumn("scenario", lit("nominal")))
        .select(col("zone_code"), col("rank").as("nominal_rank"));
  }

  /**
   * Per zone: the nominal rank, the median rank and the 5th and 95th percentiles (exact,
   * interpolated) over the replications, the best and worst rank seen: {@code zone_code, zone_name,
   * nominal_rank, median_rank, p05_rank, p95_rank, best_rank, worst_rank}, ordered by median rank
   * then zone code. {@code zoneNames (zone_code, zone_name)}; a zone without a name gets null.
   */
  public static Dataset<Row> rankIntervals(
      Dataset<Row> replicationRanks, Dataset<Row> nominalRanks, Dataset<Row> zoneNames) {
    return replicationRanks
        .groupBy("zone_code")
        .agg(
            expr("percentile(rank, 0.5)").as("median_rank"),
            expr("percentile(rank, 0.05)").as("p05_rank"),
            expr("percentile(rank, 0.95)").as("p95_rank"),
            expr("min(rank)").as("best_rank"),
            expr("max(rank)").as("worst_rank"))
        .join(nominalRanks, new String[] {"zone_code"}, "left")
        .join(zoneNames.select("zone_code", "zone_name"), new String[] {"zone_code"}, "left")
        .select(
            "zone_code",
            "zone_name",
            "nominal_rank",
            "median_rank",
            "p05_rank",
            "p95_rank",
            "best_rank",
            "worst_rank")
        .orderBy(col("median_rank"), col("zone_code"));
  }

  /**
   * Leave one indicator out: for every leaf, its weight set to zero (siblings renormalised) and the
   * zones ranked again on the nominal normalised values. {@code dropped_indicator,
   * dropped_indicator_name, zone_code, nominal_rank, rank_without, rank_shift} where rank_shift =
   * rank_without − nominal_rank (positive: the zone falls). {@code names (node_code, name_zh)}.
   */
  public static Dataset<Row> leaveOneOut(
      Dataset<Row> indicators, Dataset<Row> tree, Dataset<Row> names) {
    Dataset<Row> values = nominalValues(indicators, tree);
    Dataset<Row> nominal = nominalRanks(indicators, tree);
    Dataset<Row> leaves =
        tree.sparkSession().createDataset(leaves(tree), Encoders.STRING()).toDF("scenario");
    Dataset<Row> dropped =
        leaves
            .crossJoin(tree)
            .withColumn(
                "weight",
                when(col("node_code").equalTo(col("scenario")), lit(0.0)).otherwise(col("weight")));
    Dataset<Row> named =
        names.select(col("node_code").as("scenario"), col("name_zh").as("dropped_indicator_name"));
    return ranks(values, tree, dropped)
        .join(nominal, "zone_code")
        .join(named, new String[] {"scenario"}, "left")
        .select(
            col("scenario").as("dropped_indicator"),
            col("dropped_indicator_name"),
            col("zone_code"),
            col("nominal_rank"),
            col("rank").as("rank_without"),
            col("rank").minus(col("nominal_rank")).as("rank_shift"))
        .orderBy(col("dropped_indicator"), col("rank_without"), col("zone_code"));
  }

  private static Dataset<Row> nominalValues(Dataset<Row> indicators, Dataset<Row> tree) {
    return ScoreVariants.of(indicators, leaves(tree), List.of(ScoreNormalisation.METHODOLOGY))
        .select("zone_code", "node_code", "value");
  }

  /**
   * Ranks under each scenario's weights {@code (scenario, node_code, parent_code, weight)},
   * arithmetic mean.
   */
  private static Dataset<Row> ranks(Dataset<Row> values, Dataset<Row> tree, Dataset<Row> weights) {
    Dataset<Row> scores =
        values
            .join(leafWeights(tree, weights), "node_code")
            .groupBy("scenario", "zone_code")
            .agg(sum(col("value").multiply(col("leaf_weight"))).as("score"))
            .withColumn("score", round(col("score"), 12));
    return scores.withColumn(
        "rank",
        rank()
            .over(Window.partitionBy("scenario").orderBy(RankComparison.key(col("score")).desc())));
  }

  /**
   * Effective weight of every leaf in every scenario: {@code scenario, node_code (the leaf),
   * leaf_weight} = the product of the sibling-normalised weights from the leaf up to the root.
   */
  private static Dataset<Row> leafWeights(Dataset<Row> tree, Dataset<Row> weights) {
    Dataset<Row> normalised =
        weights.withColumn(
            "w",
            coalesce(
                try_divide(
                    col("weight"),
                    sum("weight").over(Window.partitionBy(col("scenario"), col("parent_code")))),
                lit(0.0)));
    return paths(tree)
        .join(
            normalised.select("scenario", "node_code", "w"),
            col("ancestor_code").equalTo(col("node_code")))
        .groupBy("scenario", "leaf_code")
        .agg(product(col("w")).as("leaf_weight"))
        .withColumnRenamed("leaf_code", "node_code");
  }

  /**
   * The leaves of the tree (nodes that are nobody's parent), in code order. Collected:
   * methodology-sized.
   */
  static List<String> leaves(Dataset<Row> tree) {
    Map<String, String> parent = parents(tree);
    return parent.keySet().stream().filter(n -> !parent.containsValue(n)).sorted().toList();
  }

  private static Map<String, String> parents(Dataset<Row> tree) {
    Map<String, String> parent = new HashMap<>();
    for (Row r : tree.select("node_code", "parent_code").collectAsList()) {
      parent.put(r.getString(0), r.isNullAt(1) ? null : r.getString(1));
    }
    return parent;
  }

  /**
   * Every (leaf, ancestor) pair, the leaf itself included, from the tree: collected, since a tree
   * is methodology-sized.
   */
  static Dataset<Row> paths(Dataset<Row> tree) {
    Map<String, String> parent = parents(tree);
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
