package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.marts.AssessmentMarts;

/**
 * The {@code project_funnel} mart: per zone, year and investment tier, how many projects were
 * signed, started, in production and meeting targets in that year (each stage counted in the year
 * of its own date), and the investment of the projects started. A project counts in its highest
 * tier only (a ¥60亿 project in "50亿以上"); projects under 1 亿元 are outside every tier and the total.
 * Every zone and year with any activity gets all four tiers and "合计" (zeros included).
 */
public final class ProjectFunnel {
  private static final List<String> STAGES =
      List.of("signed", "started", "producing", "target_met");

  private ProjectFunnel() {}

  /** Highest tier of an investment in 亿元, or null under 1 亿元. */
  static Column tier(Column investment100m) {
    return when(investment100m.geq(100.0), lit("100亿以上"))
        .when(investment100m.geq(50.0), lit("50亿以上"))
        .when(investment100m.geq(10.0), lit("10亿以上"))
        .when(investment100m.geq(1.0), lit("1亿以上"));
  }

  public static Dataset<Row> build(Dataset<Row> projects) {
    Column inv = col("investment_100m_cny");
    Dataset<Row> stageEvents =
        projects
            .withColumn("tier", tier(inv))
            .filter(col("tier").isNotNull())
            .withColumn(
                "_e",
                explode(
                    array(
                        struct(lit("signed").as("stage"), col("signed_date").as("d")),
                        struct(lit("started").as("stage"), col("construction_start_date").as("d")),
                        struct(lit("producing").as("stage"), col("production_date").as("d")),
                        struct(lit("target_met").as("stage"), col("target_met_date").as("d")))))
            .filter(col("_e.d").isNotNull())
            .select(
                col("zone_code"),
                year(col("_e.d")).as("year"),
                col("tier"),
                col("_e.stage").as("stage"),
                inv);
    Column[] measures = measures();
    Dataset<Row> byTier =
        stageEvents.groupBy("zone_code", "year", "tier").agg(measures[0], tail(measures));
    Dataset<Row> grid =
        stageEvents
            .select("zone_code", "year")
            .distinct()
            .withColumn(
                "tier",
                explode(
                    array(
                        AssessmentMarts.FUNNEL_TIERS.stream()
                            .map(t -> lit(t))
                            .toArray(Column[]::new))));
    Dataset<Row> tiers =
        grid.join(byTier, new String[] {"zone_code", "year", "tier"}, "left")
            .select(
                col("zone_code"),
                col("year"),
                col("tier"),
                coalesce(col("signed"), lit(0L)).as("signed"),
                coalesce(col("started"), lit(0L)).as("started"),
                coalesce(col("producing"), lit(0L)).as("producing"),
                coalesce(col("target_met"), lit(0L)).as("target_met"),
                coalesce(col("investment_started_100m"), lit(0.0)).as("investment_started_100m"));
    Dataset<Row> total =
        stageEvents
            .groupBy("zone_code", "year")
            .agg(measures[0], tail(measures))
            .select(
                col("zone_code"),
                col("year"),
                lit(AssessmentMarts.TIER_TOTAL).as("tier"),
                col("signed"),
                col("started"),
                col("producing"),
                col("target_met"),
                coalesce(col("investment_started_100m"), lit(0.0)).as("investment_started_100m"));
    return tiers.unionByName(total);
  }

  private static Column[] measures() {
    Column[] m = new Column[STAGES.size() + 1];
    for (int i = 0; i < STAGES.size(); i++) {
      m[i] = count(when(col("stage").equalTo(STAGES.get(i)), true)).as(STAGES.get(i));
    }
    m[STAGES.size()] =
        sum(when(col("stage").equalTo("started"), col("investment_100m_cny")))
            .as("investment_started_100m");
    return m;
  }

  private static Column[] tail(Column[] c) {
    return java.util.Arrays.copyOfRange(c, 1, c.length);
  }

  /** Sort order for publishing: zone, year, tiers from the lowest threshold, total last. */
  public static Column[] publishOrder() {
    Column tierOrder =
        when(col("tier").equalTo("1亿以上"), 1)
            .when(col("tier").equalTo("10亿以上"), 2)
            .when(col("tier").equalTo("50亿以上"), 3)
            .when(col("tier").equalTo("100亿以上"), 4)
            .otherwise(5);
    return new Column[] {col("zone_code"), col("year"), tierOrder};
  }
}
