package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.rules.TierRules;

/**
 * Tiers (档次) and salary coefficients: a ranked zone falls in the band of its final rank (or final
 * score); a project drought moves it down {@code demotion_tiers} bands, never below the last; an
 * unranked zone gets the ineligible tier. Adds {@code tier}, {@code salary_coefficient}, {@code
 * demoted} and {@code tier_before_demotion}.
 */
public final class TierAssignment {
  private TierAssignment() {}

  /**
   * @param demotionTiers bands to move down where {@code droughtColumn} is not null
   */
  public static Dataset<Row> assign(
      Dataset<Row> df, TierRules rules, String droughtColumn, int demotionTiers) {
    return assign(df, rules, droughtColumn, demotionTiers, false);
  }

  /**
   * @param markAtLowestTier a zone the drought hits while already in the last band is marked {@code
   *     demoted} (降级 marked; its band and coefficient cannot move further)
   */
  public static Dataset<Row> assign(
      Dataset<Row> df,
      TierRules rules,
      String droughtColumn,
      int demotionTiers,
      boolean markAtLowestTier) {
    List<TierRules.Band> bands = rules.bands();
    int last = bands.size() - 1;
    Column index = null;
    for (int i = 0; i < bands.size(); i++) {
      TierRules.Band b = bands.get(i);
      Column in =
          rules.byRank()
              ? col("rank_all")
                  .geq(b.fromRank())
                  .and(b.toRank() == null ? lit(true) : col("rank_all").leq(b.toRank()))
              : b.minScore() == null ? lit(true) : col("final_score").geq(b.minScore());
      index = index == null ? when(in, lit(i)) : index.when(in, lit(i));
    }
    Column ranked = col("rank_all").isNotNull();
    Column demoted =
        when(
                col(droughtColumn).isNotNull(),
                least(col("_tier_index").plus(demotionTiers), lit(last)))
            .otherwise(col("_tier_index"));
    Map<Integer, String> names = new LinkedHashMap<>();
    Map<Integer, Double> coefficients = new LinkedHashMap<>();
    for (int i = 0; i < bands.size(); i++) {
      names.put(i, bands.get(i).name());
      coefficients.put(i, bands.get(i).salaryCoefficient());
    }
    return df.withColumn("_tier_index", when(ranked, index))
        .withColumn("_final_index", demoted)
        .withColumn(
            "tier_before_demotion",
            when(ranked, RuleExpressions.lookup(col("_tier_index"), names))
                .otherwise(lit(rules.ineligible().name())))
        .withColumn(
            "tier",
            when(ranked, RuleExpressions.lookup(col("_final_index"), names))
                .otherwise(lit(rules.ineligible().name())))
        .withColumn(
            "salary_coefficient",
            when(ranked, RuleExpressions.lookup(col("_final_index"), coefficients).cast("double"))
                .otherwise(lit(rules.ineligible().salaryCoefficient())))
        .withColumn(
            "demoted",
            ranked.and(
                col("_final_index")
                    .gt(col("_tier_index"))
                    .or(
                        lit(markAtLowestTier && demotionTiers > 0)
                            .and(col(droughtColumn).isNotNull()))))
        .drop("_tier_index", "_final_index");
  }
}
