package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.methodology.Ranking;

/**
 * Competition ranking ("1224") of a score brought to the methodology's significant digits ({@link
 * zoneassess.schema.ranking.RankPrecision}) and then rounded half-up to the stated decimals, within
 * each ranking group and partition. Tie-break scores are compared at the same significant digits.
 * Units still tied after the tie-break columns share the best place; a unit without a score gets no
 * rank.
 */
public final class CompetitionRanking {
  private CompetitionRanking() {}

  /**
   * @param scores a table with {@code scoreColumn}, the tie-break columns and the group columns
   * @param key columns copied to the output
   * @return key, the score (named {@code scoreColumn}; rounded when the methodology states
   *     decimals, as computed otherwise) and one {@code rank_<group>} per group
   */
  public static Dataset<Row> apply(
      Dataset<Row> scores,
      String scoreColumn,
      Ranking ranking,
      List<String> partitions,
      List<String> key) {
    int digits = ranking.significantDigits();
    Column comparable = RankComparison.key(col(scoreColumn), digits);
    Column rounded = ranking.decimals() < 0 ? comparable : round(comparable, ranking.decimals());
    Dataset<Row> d = scores.withColumn("__rounded", rounded);
    List<Column> order = new ArrayList<>();
    order.add(direction(col("__rounded"), ranking.descending()));
    for (String b : ranking.breakBy()) {
      order.add(direction(RankComparison.key(col(b), digits), ranking.descending()));
    }
    List<Column> out = new ArrayList<>();
    key.forEach(k -> out.add(col(k)));
    out.add((ranking.decimals() < 0 ? col(scoreColumn) : col("__rounded")).as(scoreColumn));
    for (Ranking.RankingGroup g : ranking.groups()) {
      List<String> by = new ArrayList<>(partitions);
      by.addAll(g.by());
      var w =
          Window.partitionBy(by.stream().map(functions::col).toArray(Column[]::new))
              .orderBy(order.toArray(Column[]::new));
      out.add(when(col("__rounded").isNotNull(), rank().over(w)).as(g.rankColumn()));
    }
    return d.select(out.toArray(Column[]::new));
  }

  private static Column direction(Column c, boolean descending) {
    return descending ? c.desc_nulls_last() : c.asc_nulls_last();
  }
}
