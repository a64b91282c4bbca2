package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.ranking.RankPrecision;

/**
 * Competition ranks ("1224": tied zones share the better rank, the next rank skips) within the
 * ranking lists: all zones, the zones of the same level (national / provincial), the zones of the
 * same city — each per period. Only eligible zones with a score are ranked; the others get a null
 * rank and are listed after the ranked zones. Equal scores are ordered by the tie-break columns
 * (higher first, null last); zones equal on all of them share the rank. The zone code never breaks
 * a tie. Scores and tie-break values are compared at the rules' significant digits ({@link
 * zoneassess.schema.ranking.RankPrecision}).
 */
public final class ZoneRankings {
  private ZoneRankings() {}

  /** True for rows that take part in the ranking. */
  static Column rankable(String scoreColumn) {
    return col("eligible").and(col(scoreColumn).isNotNull());
  }

  /**
   * Adds {@code <prefix>rank_all}, {@code <prefix>rank_level}, {@code <prefix>rank_city}, and
   * without a prefix also {@code zones_all} and {@code zones_level} (the number of zones ranked in
   * the list).
   *
   * @param scoreColumn the (already rounded) score, higher is better
   * @param tieBreakColumns columns ordering equal scores, higher first
   * @param prefix column-name prefix, e.g. {@code provisional_}
   */
  public static Dataset<Row> rank(
      Dataset<Row> df, String scoreColumn, List<String> tieBreakColumns, String prefix) {
    return rank(df, scoreColumn, tieBreakColumns, prefix, RankPrecision.DEFAULT_SIGNIFICANT_DIGITS);
  }

  /** As {@link #rank(Dataset, String, List, String)}, comparing at {@code digits}. */
  public static Dataset<Row> rank(
      Dataset<Row> df,
      String scoreColumn,
      List<String> tieBreakColumns,
      String prefix,
      int digits) {
    Dataset<Row> out =
        df.withColumn(
                prefix + "rank_all", rankWithin(scoreColumn, tieBreakColumns, digits, "period"))
            .withColumn(
                prefix + "rank_level",
                rankWithin(scoreColumn, tieBreakColumns, digits, "period", "level"))
            .withColumn(
                prefix + "rank_city",
                rankWithin(scoreColumn, tieBreakColumns, digits, "period", "city"));
    if (prefix.isEmpty()) {
      Column ranked = when(rankable(scoreColumn), lit(1));
      out =
          out.withColumn("zones_all", count(ranked).over(Window.partitionBy("period")).cast("int"))
              .withColumn(
                  "zones_level",
                  count(ranked).over(Window.partitionBy("period", "level")).cast("int"));
    }
    return out;
  }

  static Column rankWithin(
      String scoreColumn, List<String> tieBreakColumns, int digits, String... groups) {
    Column eligible = rankable(scoreColumn);
    List<Column> partition = new ArrayList<>();
    for (String g : groups) {
      partition.add(col(g));
    }
    partition.add(eligible);
    List<Column> order = new ArrayList<>();
    order.add(RankComparison.key(col(scoreColumn), digits).desc_nulls_last());
    tieBreakColumns.forEach(t -> order.add(RankComparison.key(col(t), digits).desc_nulls_last()));
    Column r =
        org.apache
            .spark
            .sql
            .functions
            .rank()
            .over(
                Window.partitionBy(partition.toArray(Column[]::new))
                    .orderBy(order.toArray(Column[]::new)));
    return when(eligible, r).cast("int");
  }
}
