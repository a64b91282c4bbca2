package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.permu.ClassBand;
import zoneassess.schema.permu.ClassRules;

/**
 * Ranks evaluated firms within their group and year and gives each its class, mirroring {@link
 * ClassRules#classOf} as column expressions: competition rank by total score compared at the
 * scheme's significant digits (best first, firms without a score last), band k ends at {@code
 * rounding(to_k × n)} (one less for an exclusive bound that falls on a whole number), tied firms
 * share the better class.
 */
public final class PerMuClasses {
  public static final String NOT_EVALUATED = "T";

  private PerMuClasses() {}

  /**
   * @param prepared output of {@link PerMuScope#prepare}
   * @param totals output of {@link PerMuItems#totals}
   * @return prepared rows with total_score, group_size, rank_in_group, per_mu_class
   */
  public static Dataset<Row> classify(
      Dataset<Row> prepared, Dataset<Row> totals, ClassRules rules) {
    Column evaluated = col("t_reason").isNull();
    WindowSpec group = Window.partitionBy(col("year"), col("group_code"), evaluated);
    Column n = count(lit(1)).over(group);
    Column score = RankComparison.key(col("total_score"), rules.significantDigits());
    Column r = rank().over(group.orderBy(score.desc_nulls_last()));
    Dataset<Row> ranked =
        prepared
            .join(totals, PerMuItems.scalaSeq(List.of("credit_code", "year")), "left")
            .withColumn("group_size", when(evaluated, n.cast("int")))
            .withColumn("rank_in_group", when(evaluated, r.cast("int")));
    return ranked.withColumn(
        "per_mu_class",
        when(col("t_reason").isNotNull(), lit(NOT_EVALUATED))
            .otherwise(classColumn(rules, col("rank_in_group"), col("group_size").cast("long"))));
  }

  /** The class for a rank in a group of n, as {@link ClassRules#classOf} defines it. */
  static Column classColumn(ClassRules rules, Column rank, Column n) {
    List<ClassBand> bands = rules.bands();
    Column out = null;
    for (int i = 0; i < bands.size() - 1; i++) {
      Column test = rank.leq(cumulativeCount(rules, bands.get(i), n));
      Column label = lit(bands.get(i).label());
      out = out == null ? when(test, label) : out.when(test, label);
    }
    return out.otherwise(lit(bands.get(bands.size() - 1).label()));
  }

  private static Column cumulativeCount(ClassRules rules, ClassBand band, Column n) {
    // Integer arithmetic in ten-thousandths: exact = to (basis points) × n.
    Column exact = n.multiply(band.toBasisPoints());
    Column rounded =
        switch (rules.rounding()) {
          case HALF_UP -> floor(exact.plus(5000).divide(10000));
          case FLOOR -> floor(exact.divide(10000));
          case CEIL -> floor(exact.plus(9999).divide(10000));
        };
    if (band.inclusive()) {
      return rounded;
    }
    return when(exact.mod(10000).equalTo(0), exact.divide(10000).minus(1)).otherwise(rounded);
  }
}
