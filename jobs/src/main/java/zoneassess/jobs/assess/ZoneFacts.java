package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;

/**
 * The wide table the index engine scores: one row per zone and period, one column per catalogue
 * indicator code (null when the zone did not report it), the zone's attributes, and facts derived
 * from the major-project register. A zone with no statistics row for a period is absent from that
 * period: it appears or disappears with its data.
 *
 * <p>Two selections: an annual period {@code yyyy} takes every annual period up to it with final
 * figures (blank basis counts as final), so the history needed for progress and multi-year rules is
 * there; a sub-annual period ({@code 2025Q3}, {@code 2025-09}) takes every period of its kind from
 * January of the year before up to it, with year-to-date figures (blank basis counts as ytd), so
 * the same period a year earlier and the previous routine period are there ({@link RoutineFacts}).
 */
public final class ZoneFacts {
  /** Project-fact columns; methodologies reference these names. */
  public static final String STARTED_1E8 = "projects_started_1e8";

  public static final String STARTED_1E9 = "projects_started_1e9";
  public static final String STARTED_5E9 = "projects_started_5e9";
  public static final String STARTED_1E10 = "projects_started_1e10";
  public static final String INVESTMENT_STARTED = "investment_started_100m";
  public static final List<String> PROJECT_COLUMNS =
      List.of(STARTED_1E8, STARTED_1E9, STARTED_5E9, STARTED_1E10, INVESTMENT_STARTED);

  /** Zone attributes carried from {@code zones}. */
  public static final List<String> ZONE_ATTRIBUTES =
      List.of("zone_name", "city", "county", "region", "level", "zone_type");

  private ZoneFacts() {}

  /** The catalogue codes, in catalogue order: the fixed pivot values. */
  public static List<String> indicatorCodes() {
    return IndicatorCatalogue.all().stream().map(RawIndicator::code).toList();
  }

  /**
   * @param stats staged {@code zone_stats}
   * @param zones staged {@code zones}
   * @param projects staged {@code major_projects}
   * @param period the assessed period: {@code yyyy} or a sub-annual period
   */
  public static Dataset<Row> build(
      Dataset<Row> stats, Dataset<Row> zones, Dataset<Row> projects, String period) {
    List<Object> codes = new ArrayList<>(indicatorCodes());
    Dataset<Row> wide =
        select(stats, period)
            .groupBy("zone_code", "period")
            .pivot("indicator_code", codes)
            .agg(max(col("value")));
    Dataset<Row> attributes =
        zones.select(
            col("zone_code"),
            col("zone_name"),
            col("city"),
            col("county"),
            col("region"),
            col("level"),
            col("zone_type"));
    Dataset<Row> started = projectsStarted(projects, wide.select("zone_code", "period"));
    List<Column> out = new ArrayList<>();
    out.add(col("zone_code"));
    out.add(col("period"));
    ZONE_ATTRIBUTES.forEach(a -> out.add(col(a)));
    indicatorCodes().forEach(c -> out.add(col(c)));
    for (String p : PROJECT_COLUMNS) {
      out.add(
          coalesce(col(p), lit(p.equals(INVESTMENT_STARTED) ? (Object) 0.0 : (Object) 0L)).as(p));
    }
    return wide.join(attributes, "zone_code")
        .join(started, new String[] {"zone_code", "period"}, "left")
        .select(out.toArray(Column[]::new));
  }

  static Dataset<Row> select(Dataset<Row> stats, String period) {
    Column p = col("period");
    if (Periods.isAnnual(period)) {
      return stats.filter(
          Periods.isAnnual(p)
              .and(p.leq(lit(period)))
              .and(coalesce(col("basis"), lit("final")).equalTo("final")));
    }
    return stats.filter(
        RoutineFacts.routinePeriods(p, period)
            .and(coalesce(col("basis"), lit("ytd")).equalTo("ytd")));
  }

  /**
   * Projects whose construction started in each zone's period (its year, up to its last month),
   * counted at the thresholds 1, 10, 50 and 100 亿元 (a ¥60亿 project counts at 1, 10 and 50), and the
   * investment of the started projects of at least 1 亿元.
   */
  static Dataset<Row> projectsStarted(Dataset<Row> projects, Dataset<Row> zonePeriods) {
    Column inv = col("investment_100m_cny");
    Column start = col("construction_start_date");
    Dataset<Row> periods =
        zonePeriods
            .withColumnRenamed("zone_code", "_zone")
            .withColumn("_year", Periods.year(col("period")))
            .withColumn("_end", Periods.endMonth(col("period")));
    return projects
        .filter(start.isNotNull().and(inv.geq(1.0)))
        .join(
            periods,
            col("zone_code")
                .equalTo(col("_zone"))
                .and(org.apache.spark.sql.functions.year(start).equalTo(col("_year")))
                .and(month(start).leq(col("_end"))))
        .groupBy("zone_code", "period")
        .agg(
            count(lit(1)).as(STARTED_1E8),
            count(when(inv.geq(10.0), true)).as(STARTED_1E9),
            count(when(inv.geq(50.0), true)).as(STARTED_5E9),
            count(when(inv.geq(100.0), true)).as(STARTED_1E10),
            sum(inv).as(INVESTMENT_STARTED));
  }
}
