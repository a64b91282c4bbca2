package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.bool_or;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.rules.AssessmentRules;
import zoneassess.schema.rules.EventKind;
import zoneassess.schema.rules.EventRule;

/**
 * Applies the event rules: each {@code zone_events} row falls in the period of its zone that covers
 * its date (its year, up to the period's last month). Per zone and period: a veto event makes the
 * zone ineligible (reasons joined with "；"); deductions and bonuses are points × count (blank count
 * = 1) per event type, capped per type, then the period total is capped. Event types the rules do
 * not mention have no effect.
 */
public final class ZoneEventsByPeriod {
  /**
   * @param byZone {@code zone_code, period, eligible, veto_reason, deductions, bonuses} for zones
   *     with at least one scored event (others: eligible, 0, 0)
   * @param warnings rows of the {@code assessment_warnings} mart, one per zone, period and rule
   */
  public record EventEffects(Dataset<Row> byZone, Dataset<Row> warnings) {}

  private ZoneEventsByPeriod() {}

  /**
   * @param events staged {@code zone_events}
   * @param zonePeriods {@code zone_code, period} of the assessment
   */
  public static EventEffects apply(
      Dataset<Row> events, Dataset<Row> zonePeriods, AssessmentRules rules) {
    Map<String, String> kind = new LinkedHashMap<>();
    Map<String, String> name = new LinkedHashMap<>();
    Map<String, Double> points = new LinkedHashMap<>();
    Map<String, Double> cap = new LinkedHashMap<>();
    for (EventRule r : rules.events()) {
      kind.put(r.eventType(), r.kind().code());
      name.put(r.eventType(), r.nameZh());
      points.put(r.eventType(), r.points());
      cap.put(r.eventType(), r.cap());
    }
    Dataset<Row> periods =
        zonePeriods
            .select(col("zone_code").as("_zone"), col("period"))
            .withColumn("_year", Periods.year(col("period")))
            .withColumn("_end", Periods.endMonth(col("period")));
    Column type = col("event_type");
    Dataset<Row> perType =
        events
            .withColumn("_kind", RuleExpressions.lookup(type, kind))
            .filter(col("_kind").isNotNull())
            .join(
                periods,
                col("zone_code")
                    .equalTo(col("_zone"))
                    .and(year(col("event_date")).equalTo(col("_year")))
                    .and(month(col("event_date")).leq(col("_end"))))
            .groupBy(col("zone_code"), col("period"), type, col("_kind").as("kind"))
            .agg(sum(coalesce(col("count").cast("long"), lit(1L))).as("n"))
            .withColumn("rule_name_zh", RuleExpressions.lookup(type, name))
            .withColumn("_raw", col("n").multiply(RuleExpressions.lookup(type, points)))
            .withColumn("_cap", RuleExpressions.lookup(type, cap).cast("double"))
            .withColumn(
                "_points",
                when(col("_cap").isNotNull().and(col("_raw").gt(col("_cap"))), col("_cap"))
                    .otherwise(col("_raw")));
    return new EventEffects(byZone(perType, rules), warnings(perType));
  }

  private static Dataset<Row> byZone(Dataset<Row> perType, AssessmentRules rules) {
    Column isVeto = col("kind").equalTo(EventKind.VETO.code());
    Dataset<Row> agg =
        perType
            .groupBy("zone_code", "period")
            .agg(
                bool_or(isVeto).as("_vetoed"),
                array_sort(collect_set(when(isVeto, col("rule_name_zh")))).as("_reasons"),
                coalesce(sum(when(col("kind").equalTo("deduction"), col("_points"))), lit(0.0))
                    .as("_d"),
                coalesce(sum(when(col("kind").equalTo("bonus"), col("_points"))), lit(0.0))
                    .as("_b"));
    return agg.select(
        col("zone_code"),
        col("period"),
        col("_vetoed").unary_$bang().as("eligible"),
        when(col("_vetoed"), concat_ws("；", col("_reasons"))).as("veto_reason"),
        RuleExpressions.capped(col("_d"), rules.deductionsCap()).as("deductions"),
        RuleExpressions.capped(col("_b"), rules.bonusesCap()).as("bonuses"));
  }

  private static Dataset<Row> warnings(Dataset<Row> perType) {
    Column kind = col("kind");
    Column yearText = Periods.year(col("period")).cast("string");
    Column cappedNote = when(col("_points").lt(col("_raw")), lit("（已达单项上限）")).otherwise(lit(""));
    Column message =
        when(
                kind.equalTo("veto"),
                concat(col("period"), lit("期间"), col("rule_name_zh"), lit("，实行一票否决，取消当期考核排名资格")))
            .when(
                kind.equalTo("deduction"),
                concat(
                    col("period"),
                    lit("期间"),
                    col("rule_name_zh"),
                    format_string("%d项，扣%.2f分", col("n"), col("_points")),
                    cappedNote))
            .otherwise(
                concat(
                    col("period"),
                    lit("期间"),
                    col("rule_name_zh"),
                    format_string("%d项，加%.2f分", col("n"), col("_points")),
                    cappedNote));
    return perType.select(
        col("zone_code"),
        col("period"),
        concat(kind, lit("."), col("event_type")).as("rule_id"),
        col("rule_name_zh"),
        kind,
        when(kind.equalTo("veto"), lit("red"))
            .when(kind.equalTo("deduction"), lit("yellow"))
            .otherwise(lit("info"))
            .as("severity"),
        when(kind.equalTo("veto"), lit(null).cast("double"))
            .when(kind.equalTo("deduction"), col("_points").unary_$minus())
            .otherwise(col("_points"))
            .as("points"),
        yearText.as("triggered_years"),
        message.as("message_zh"));
  }
}
