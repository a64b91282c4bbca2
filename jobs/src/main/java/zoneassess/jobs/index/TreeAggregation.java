package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.log;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.schema.methodology.Aggregation;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;

/**
 * Aggregates normalised scores up the tree, one height at a time (an aggregate is computed once all
 * its children are), on a long table of (key, node, score). Weights are the children's weights,
 * chosen by the unit's value of the parent's {@code weights_by} column when they vary.
 *
 * <p>With missing children re-weighted, a mean uses the weights of the children present; a weighted
 * sum is scaled by total weight ÷ present weight. A geometric or harmonic mean with a zero child is
 * 0; with a negative child it is missing.
 */
final class TreeAggregation {
  private TreeAggregation() {}

  static Dataset<Row> apply(Dataset<Row> leafScores, Methodology m, List<String> key) {
    Column[] keyCols = key.stream().map(functions::col).toArray(Column[]::new);
    Dataset<Row> scores = leafScores;
    Dataset<Row> aggregates = null;
    Map<Integer, List<IndicatorNode>> byHeight = new TreeMap<>();
    for (IndicatorNode a : m.aggregates()) {
      byHeight.computeIfAbsent(Methodology.height(a), h -> new ArrayList<>()).add(a);
    }
    for (List<IndicatorNode> level : byHeight.values()) {
      Column parent = null;
      Column weight = null;
      List<String> children = new ArrayList<>();
      for (IndicatorNode p : level) {
        for (IndicatorNode c : p.children()) {
          Column isChild = col(LongTable.NODE).equalTo(c.code());
          parent =
              parent == null ? when(isChild, lit(p.code())) : parent.when(isChild, lit(p.code()));
          Column w = weightOf(p, c);
          weight = weight == null ? when(isChild, w) : weight.when(isChild, w);
          children.add(c.code());
        }
      }
      Dataset<Row> edges =
          scores
              .filter(col(LongTable.NODE).isin(children.toArray()))
              .withColumn("a_parent", parent)
              .withColumn("a_w", weight.cast("double"));
      Dataset<Row> level1 = combine(edges, level, keyCols);
      scores = scores.unionByName(level1);
      aggregates = aggregates == null ? level1 : aggregates.unionByName(level1);
    }
    return aggregates;
  }

  private static Column weightOf(IndicatorNode parent, IndicatorNode child) {
    if (parent.weightsBy() == null) {
      return lit(child.weight());
    }
    Column w = null;
    for (Map.Entry<String, Double> e : child.weightsByGroup().entrySet()) {
      Column is = col(parent.weightsBy()).cast("string").equalTo(e.getKey());
      w = w == null ? when(is, lit(e.getValue())) : w.when(is, lit(e.getValue()));
    }
    return w;
  }

  private static Dataset<Row> combine(
      Dataset<Row> edges, List<IndicatorNode> level, Column[] keyCols) {
    Column s = col(Normaliser.SCORE);
    Column w = col("a_w");
    Column present = s.isNotNull();
    List<Column> groupCols = new ArrayList<>(List.of(keyCols));
    groupCols.add(col("a_parent"));
    Dataset<Row> g =
        edges
            .groupBy(groupCols.toArray(Column[]::new))
            .agg(
                // sums in sorted order (OrderedSum): the same bits whatever the partitioning
                OrderedSum.of(when(present, w)).as("a_wp"),
                OrderedSum.of(w).as("a_wt"),
                count(when(functions.not(present), 1)).as("a_missing"),
                count(when(present, 1)).as("a_present"),
                count(when(present.and(s.equalTo(0)), 1)).as("a_zero"),
                count(when(present.and(s.lt(0)), 1)).as("a_negative"),
                OrderedSum.of(when(present, w.multiply(s))).as("a_ws"),
                OrderedSum.of(when(present.and(s.gt(0)), w.multiply(log(s)))).as("a_wlog"),
                OrderedSum.of(when(present.and(s.gt(0)), functions.try_divide(w, s))).as("a_winv"));
    Column wp = col("a_wp");
    Column arithmetic = functions.try_divide(col("a_ws"), wp);
    Column geometric =
        when(col("a_negative").gt(0), lit(null).cast("double"))
            .when(col("a_zero").gt(0), lit(0.0))
            .otherwise(exp(functions.try_divide(col("a_wlog"), wp)));
    Column harmonic =
        when(col("a_negative").gt(0), lit(null).cast("double"))
            .when(col("a_zero").gt(0), lit(0.0))
            .otherwise(functions.try_divide(wp, col("a_winv")));
    Column weightedSum = functions.try_divide(col("a_ws").multiply(col("a_wt")), wp);
    Column value = null;
    for (IndicatorNode p : level) {
      Aggregation agg = p.aggregation();
      Column v =
          switch (agg.method()) {
            case ARITHMETIC -> arithmetic;
            case GEOMETRIC -> geometric;
            case HARMONIC -> harmonic;
            case WEIGHTED_SUM -> weightedSum;
          };
      if (agg.missing() == Aggregation.MissingChildren.MISSING) {
        v = when(col("a_missing").gt(0), lit(null).cast("double")).otherwise(v);
      }
      Column is = col("a_parent").equalTo(p.code());
      value = value == null ? when(is, v) : value.when(is, v);
    }
    value =
        when(
                col("a_present").equalTo(0).or(wp.isNull()).or(wp.equalTo(0)),
                lit(null).cast("double"))
            .otherwise(value);
    List<Column> out = new ArrayList<>(List.of(keyCols));
    out.add(col("a_parent").as(LongTable.NODE));
    out.add(value.cast("double").as(Normaliser.SCORE));
    return g.select(out.toArray(Column[]::new));
  }
}
