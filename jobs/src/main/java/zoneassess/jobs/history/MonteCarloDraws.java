package zoneassess.jobs.history;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The random part of the uncertainty analysis, drawn on the driver: the weights of every tree node
 * in every replication, and each replication's normalisation and aggregation.
 *
 * <p>Why on the driver: a Dirichlet weight needs Gamma variates, and Gamma sampling needs rejection
 * (Marsaglia–Tsang), which Spark's built-in SQL functions cannot express. The tables are
 * methodology-sized (replications × tree nodes, e.g. 1,000 × 30 rows), so they are drawn in plain
 * Java and handed to Spark with {@code createDataFrame}; the heavy part (scores of every zone in
 * every replication, ranks, percentiles) stays in Spark.
 *
 * <p>Reproducibility: every draw comes from its own {@link SplittableRandom} seeded with a hash of
 * (seed, replication, key), the key being the node code (weights) or {@value #METHOD_STREAM}
 * (normalisation and aggregation). A draw therefore does not depend on the order of the tree, the
 * number of replications or where the job runs.
 */
public final class MonteCarloDraws {
  /** The stream a replication draws its normalisation and aggregation from. */
  static final String METHOD_STREAM = "#methods";

  private MonteCarloDraws() {}

  /** The seeded random stream of (seed, replication, key). */
  public static RandomGenerator stream(long seed, long replication, String key) {
    long h = splitMix(seed);
    h = splitMix(h ^ replication);
    h = splitMix(h ^ key.hashCode());
    return new SplittableRandom(h);
  }

  /**
   * Every node's weight in every replication: {@code rep INT, node_code, parent_code, weight},
   * sibling-normalised, from the tree {@code (node_code, parent_code, weight)} (collected: it is
   * methodology-sized).
   */
  public static Dataset<Row> weights(
      Dataset<Row> tree, long seed, int replications, WeightScheme scheme) {
    // sibling groups by parent ("" for the root's children), each in node-code order
    Map<String, List<Row>> groups = new TreeMap<>();
    for (Row r : tree.select("node_code", "parent_code", "weight").collectAsList()) {
      groups.computeIfAbsent(r.isNullAt(1) ? "" : r.getString(1), k -> new ArrayList<>()).add(r);
    }
    groups.values().forEach(g -> g.sort(Comparator.comparing(r -> r.getString(0))));
    List<Row> rows = new ArrayList<>();
    for (int rep = 0; rep < replications; rep++) {
      for (List<Row> group : groups.values()) {
        double[] nominal = new double[group.size()];
        RandomGenerator[] streams = new RandomGenerator[group.size()];
        for (int i = 0; i < nominal.length; i++) {
          nominal[i] = group.get(i).getDouble(2);
          streams[i] = stream(seed, rep, group.get(i).getString(0));
        }
        double[] w = scheme.draw(nominal, streams);
        for (int i = 0; i < w.length; i++) {
          rows.add(RowFactory.create(rep, group.get(i).getString(0), group.get(i).get(1), w[i]));
        }
      }
    }
    StructType schema =
        new StructType()
            .add("rep", DataTypes.IntegerType, false)
            .add("node_code", DataTypes.StringType, false)
            .add("parent_code", DataTypes.StringType, true)
            .add("weight", DataTypes.DoubleType, false);
    return tree.sparkSession().createDataFrame(rows, schema);
  }

  /**
   * Each replication's normalisation and aggregation, drawn uniformly from the given sets: {@code
   * rep INT, normalisation, aggregation} (lower-case keys).
   */
  public static Dataset<Row> methods(
      SparkSession spark,
      long seed,
      int replications,
      List<ScoreNormalisation> normalisations,
      List<ScoreAggregation> aggregations) {
    List<Row> rows = new ArrayList<>();
    for (int rep = 0; rep < replications; rep++) {
      RandomGenerator r = stream(seed, rep, METHOD_STREAM);
      ScoreNormalisation n = normalisations.get(r.nextInt(normalisations.size()));
      ScoreAggregation a = aggregations.get(r.nextInt(aggregations.size()));
      rows.add(RowFactory.create(rep, n.key(), a.key()));
    }
    StructType schema =
        new StructType()
            .add("rep", DataTypes.IntegerType, false)
            .add("normalisation", DataTypes.StringType, false)
            .add("aggregation", DataTypes.StringType, false);
    return spark.createDataFrame(rows, schema);
  }

  /** A number as written in parameters: 0.2, 50 (no exponent, no trailing zeros). */
  static String plain(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }

  /** SplitMix64's finaliser: a bijective 64-bit mix. */
  private static long splitMix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
