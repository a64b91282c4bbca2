package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.percent_rank;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.spark.OrderedSum;
import zoneassess.jobs.spark.RankComparison;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.rules.AssessmentRules;
import zoneassess.schema.rules.MarkRule;
import zoneassess.schema.rules.TieBreak;

/**
 * The assessment around the composite index, in this order (docs/assessment-rules.md):
 *
 * <ol>
 *   <li>index_score (from the engine) − deductions + bonuses, rounded → provisional score; veto →
 *       ineligible;
 *   <li>provisional ranks of the eligible zones;
 *   <li>progress against the previous period's provisional rank → progress points;
 *   <li>final_score = provisional score + progress points, rounded → final ranks in all lists;
 *   <li>previous final rank, Δrank and progress class for display;
 *   <li>multi-year consequences, then tiers with demotion, warnings, marks.
 * </ol>
 */
public final class ZoneAssessment {
  /** The four assessment marts (not yet sorted for publishing). */
  public record AssessmentResult(
      Dataset<Row> assessment,
      Dataset<Row> dimensions,
      Dataset<Row> indicators,
      Dataset<Row> warnings) {}

  private ZoneAssessment() {}

  /**
   * @param facts the {@link ZoneFacts} table the engine scored
   * @param scored the engine's output for those facts
   * @param events staged {@code zone_events}
   * @param rules the rules of the round
   */
  public static AssessmentResult assess(
      Dataset<Row> facts, ScoredZones scored, Dataset<Row> events, AssessmentRules rules) {
    List<Column> factColumns = new ArrayList<>();
    factColumns.add(col("zone_code"));
    factColumns.add(col("period"));
    ZoneFacts.ZONE_ATTRIBUTES.forEach(a -> factColumns.add(col(a)));
    ZoneFacts.PROJECT_COLUMNS.forEach(p -> factColumns.add(col(p)));
    var growth = rules.consequences().projectDrought();
    if (growth != null && growth.slowGrowth() != null) {
      factColumns.add(col(growth.slowGrowth().indicator()));
    }
    Dataset<Row> base =
        scored
            .indexScores()
            .select(
                col("zone_code"),
                col("period"),
                col("index_score").cast("double").as("index_score"))
            .join(
                facts.select(factColumns.toArray(Column[]::new)),
                new String[] {"zone_code", "period"},
                "left");

    ZoneEventsByPeriod.EventEffects effects =
        ZoneEventsByPeriod.apply(events, base.select("zone_code", "period"), rules);
    base =
        base.join(effects.byZone(), new String[] {"zone_code", "period"}, "left")
            .withColumn("eligible", coalesce(col("eligible"), lit(true)))
            .withColumn("deductions", coalesce(col("deductions"), lit(0.0)))
            .withColumn("bonuses", coalesce(col("bonuses"), lit(0.0)));

    List<String> ties = new ArrayList<>();
    List<TieBreak> tieBreaks = rules.ranking().tieBreak();
    for (int i = 0; i < tieBreaks.size(); i++) {
      TieBreak t = tieBreaks.get(i);
      if (!t.isDimension()) {
        ties.add(t.column());
        continue;
      }
      String c = "_tie_" + i;
      Dataset<Row> dim =
          scored
              .dimensions()
              .filter(col("dimension_code").equalTo(t.dimension()))
              .select(col("zone_code"), col("period"), col("score").cast("double").as(c));
      base = base.join(dim, new String[] {"zone_code", "period"}, "left");
      ties.add(c);
    }

    // The zone-count-sized base rows feed two rankings and their look-backs: cut the lineage here
    // so the ranking plan does not carry the scoring and event plans once per self-join.
    base = base.localCheckpoint();

    int decimals = rules.ranking().decimals();
    int digits = rules.ranking().significantDigits();
    // Significant digits first, then the published decimals: a score of 2.945 reached as
    // 2.9449999999999994 along another path still rounds to 2.95.
    Dataset<Row> df =
        base.withColumn(
            "_provisional_score",
            round(
                RankComparison.key(
                    col("index_score").minus(col("deductions")).plus(col("bonuses")), digits),
                decimals));
    df = ZoneRankings.rank(df, "_provisional_score", ties, "provisional_", digits);
    df = RankProgress.previousRank(df, "provisional_rank_all", "_prev_provisional");
    df =
        df.withColumn(
            "progress_points",
            RankProgress.points(
                col("_prev_provisional"), col("provisional_rank_all"), rules.progress()));
    df =
        df.withColumn(
            "final_score",
            round(
                RankComparison.key(col("_provisional_score").plus(col("progress_points")), digits),
                decimals));
    df = ZoneRankings.rank(df, "final_score", ties, "", digits);
    df = RankProgress.previousRank(df, "rank_all", "prev_rank_all");
    df =
        df.withColumn("delta_rank", RankProgress.delta(col("prev_rank_all"), col("rank_all")))
            .withColumn(
                "progress_class",
                RankProgress.progressClass(col("prev_rank_all"), col("rank_all")));
    df = MultiYearConsequences.flag(df, rules.consequences());
    var drought = rules.consequences().projectDrought();
    df =
        TierAssignment.assign(
            df,
            rules.tiers(),
            "drought_years",
            drought == null ? 0 : drought.demotionTiers(),
            drought != null && drought.markAtLowestTier());
    // The warnings and the mart both read this zone-count-sized result: materialise it once and cut
    // the lineage (two rankings, two look-backs, several windows) so it is neither planned nor
    // computed twice.
    df = df.localCheckpoint();

    Dataset<Row> warnings = warnings(df, effects.warnings(), rules);
    Dataset<Row> counted =
        warnings
            .filter(col("severity").isin("red", "yellow"))
            .groupBy("zone_code", "period")
            .agg(count(lit(1)).cast("int").as("warning_count"));
    df =
        df.join(counted, new String[] {"zone_code", "period"}, "left")
            .withColumn("warning_count", coalesce(col("warning_count"), lit(0)))
            .withColumn("mark", mark(rules.marks()))
            .withColumn("methodology_id", lit(scored.methodologyId()))
            .withColumn("methodology_version", lit(scored.methodologyVersion()))
            .withColumn("rules_id", lit(rules.id()));
    Dataset<Row> assessment =
        df.select(
            AssessmentMarts.ASSESSMENT.columnNames().stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
    return new AssessmentResult(
        assessment,
        dimensions(scored.dimensions(), digits),
        indicators(scored.indicators(), digits),
        warnings);
  }

  private static Dataset<Row> warnings(
      Dataset<Row> df, Dataset<Row> eventWarnings, AssessmentRules rules) {
    Dataset<Row> names = df.select(col("zone_code"), col("period"), col("zone_name"));
    Dataset<Row> out =
        eventWarnings
            .join(names, new String[] {"zone_code", "period"}, "left")
            .withColumn(
                "message_zh",
                concat(coalesce(col("zone_name"), col("zone_code")), lit("："), col("message_zh")))
            .drop("zone_name");
    Dataset<Row> consequences = MultiYearConsequences.warnings(df, rules.consequences());
    if (consequences != null) {
      out = out.unionByName(consequences);
    }
    Column year = Periods.year(col("period")).cast("string");
    Dataset<Row> progress =
        df.filter(col("progress_points").gt(0))
            .select(
                col("zone_code"),
                col("period"),
                lit("progress.rank_gain").as("rule_id"),
                lit("进位奖励").as("rule_name_zh"),
                lit("progress").as("kind"),
                lit("info").as("severity"),
                col("progress_points").as("points"),
                year.as("triggered_years"),
                concat(
                        col("zone_name"),
                        format_string(
                            "：预排名由上期第%d名升至第%d名，前进%d位，获进位加分%.2f分",
                            col("_prev_provisional"),
                            col("provisional_rank_all"),
                            col("_prev_provisional").minus(col("provisional_rank_all")),
                            col("progress_points")))
                    .as("message_zh"));
    Dataset<Row> demotions =
        df.filter(col("demoted"))
            .select(
                col("zone_code"),
                col("period"),
                lit("tier.demotion").as("rule_id"),
                lit("降档").as("rule_name_zh"),
                lit("tier").as("kind"),
                lit("info").as("severity"),
                lit(null).cast("double").as("points"),
                col("drought_years").as("triggered_years"),
                concat(
                        col("zone_name"),
                        when(
                                col("tier").equalTo(col("tier_before_demotion")),
                                concat(lit("：已处于最低档"), col("tier"), lit("，标记降级（档次无法再降）")))
                            .otherwise(
                                concat(
                                    lit("：档次由"),
                                    col("tier_before_demotion"),
                                    lit("降为"),
                                    col("tier"))),
                        format_string("，薪酬系数为%.2f", col("salary_coefficient")))
                    .as("message_zh"));
    return out.unionByName(progress).unionByName(demotions);
  }

  /** red / yellow / blue / none, first match wins (see {@link MarkRule}). */
  static Column mark(MarkRule rule) {
    Column bottom = col("rank_all").gt(col("zones_all").minus(rule.redBottom()));
    Column warned =
        col("delisting_years")
            .isNotNull()
            .or(col("national_exit_years").isNotNull())
            .or(col("drought_years").isNotNull())
            .or(col("deductions").gt(0));
    Column top =
        col("rank_all").leq(rule.blueTop()).or(col("delta_rank").geq(rule.blueDeltaRank()));
    return when(col("eligible").unary_$bang().or(coalesce(bottom, lit(false))), lit("red"))
        .when(warned, lit("yellow"))
        .when(coalesce(top, lit(false)), lit("blue"))
        .otherwise(lit("none"));
  }

  /** Dimension scores with the zone's rank on that dimension and the province mean and best. */
  static Dataset<Row> dimensions(Dataset<Row> dims, int digits) {
    var byDimension = Window.partitionBy("period", "dimension_code");
    var scoredOnly =
        Window.partitionBy(col("period"), col("dimension_code"), col("score").isNotNull());
    return dims.withColumn("score", col("score").cast("double"))
        .withColumn("weight", col("weight").cast("double"))
        .withColumn(
            "rank_all",
            when(
                    col("score").isNotNull(),
                    org.apache
                        .spark
                        .sql
                        .functions
                        .rank()
                        .over(scoredOnly.orderBy(RankComparison.key(col("score"), digits).desc())))
                .cast("int"))
        .withColumn(
            "province_mean", avg(col("score")).over(OrderedSum.window(byDimension, col("score"))))
        .withColumn("province_best", max(col("score")).over(byDimension))
        .withColumn("sort_order", col("sort_order").cast("int"))
        .select(
            AssessmentMarts.ASSESSMENT_DIMENSIONS.columnNames().stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }

  /**
   * Indicator values with a direction-aware percentile within the province and period: {@code
   * percent_rank × 100} over the raw values ordered worst to best (for "lower" indicators the
   * smallest value is best), so the best zone gets 100, the worst 0, values equal at {@code digits}
   * significant digits share; null without a raw value.
   */
  static Dataset<Row> indicators(Dataset<Row> ind, int digits) {
    Column raw = col("raw_value").cast("double");
    Column worstToBest = when(col("direction").equalTo("lower"), raw.unary_$minus()).otherwise(raw);
    var w =
        Window.partitionBy(col("period"), col("indicator_code"), raw.isNotNull())
            .orderBy(RankComparison.key(worstToBest, digits));
    return ind.withColumn(
            "percentile", when(raw.isNotNull(), percent_rank().over(w).multiply(100.0)))
        .withColumn("raw_value", raw)
        .withColumn("treated_value", col("treated_value").cast("double"))
        .withColumn("normalised_value", col("normalised_value").cast("double"))
        .withColumn("imputed", col("imputed").cast("boolean"))
        .select(
            AssessmentMarts.ASSESSMENT_INDICATORS.columnNames().stream()
                .map(org.apache.spark.sql.functions::col)
                .toArray(Column[]::new));
  }
}
