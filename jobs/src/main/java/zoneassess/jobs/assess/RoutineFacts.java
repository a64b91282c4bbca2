package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.schema.routine.RoutineSpec;

/**
 * The zone facts of a routine (平时) run, quarterly or monthly. {@link ZoneFacts} selects every
 * period of the kind of the assessed one from January of the year before up to it (2025Q3 → 2024Q1
 * … 2025Q3), so each period has the same period a year earlier and the previous routine period.
 * Here the stock columns the methodology's {@code routine:} section lists as carried are replaced
 * by the latest value reported up to the period's last month — an annual final row, or a
 * year-to-date row of an earlier or the same period — and the source period is kept. A period slot
 * column (Q1…Q4, -01…-12) makes the engine compare {@code growth(x, previous)} with the same period
 * a year earlier.
 */
public final class RoutineFacts {
  /** The engine partition column of routine facts (see {@link EngineZoneScoring}). */
  public static final String SLOT = "period_slot";

  private RoutineFacts() {}

  /** Facts with carried stocks, and the carried values with their source periods. */
  public record Carried(Dataset<Row> facts, Dataset<Row> sources) {}

  /** Periods of the kind of {@code period} from January of the year before up to it. */
  static Column routinePeriods(Column p, String period) {
    int year = Integer.parseInt(period.substring(0, 4));
    return length(p)
        .equalTo(period.length())
        .and(substring(p, 5, 1).equalTo(period.substring(4, 5)))
        .and(p.geq(lit(String.valueOf(year - 1))))
        .and(p.leq(lit(period)));
  }

  /** The routine period before: 2025Q3 → 2025Q2, 2025Q1 → 2024Q4, 2025-01 → 2024-12. */
  public static String previousRoutine(String period) {
    int year = Integer.parseInt(period.substring(0, 4));
    if (period.charAt(4) == 'Q') {
      int q = period.charAt(5) - '0';
      return q == 1 ? (year - 1) + "Q4" : year + "Q" + (q - 1);
    }
    int m = Integer.parseInt(period.substring(5, 7));
    return m == 1 ? (year - 1) + "-12" : String.format("%d-%02d", year, m - 1);
  }

  /** year × 12 + last month: orders annual and sub-annual periods on one time axis. */
  static Column monthIndex(Column period) {
    return Periods.year(period).multiply(12).plus(Periods.endMonth(period));
  }

  /**
   * Candidate values for carried columns, long: {@code zone_code, indicator_code, source_period,
   * value}, from annual final rows and year-to-date rows of {@code zone_stats} and from the per-mu
   * zone aggregates (annual; may be null).
   *
   * @param stats staged zone_stats
   * @param perMu {@code zone_code, period, indicator_code, value} or null
   */
  static Dataset<Row> sources(Dataset<Row> stats, Dataset<Row> perMu, List<String> carried) {
    Column annual = Periods.isAnnual(col("period"));
    Column basis =
        when(annual, coalesce(col("basis"), lit("final")).equalTo("final"))
            .otherwise(coalesce(col("basis"), lit("ytd")).equalTo("ytd"));
    Dataset<Row> fromStats =
        stats
            .filter(basis.and(col("indicator_code").isin(carried.toArray())))
            .groupBy(col("zone_code"), col("indicator_code"), col("period").as("source_period"))
            .agg(max(col("value")).cast("double").as("value"));
    if (perMu == null) {
      return fromStats;
    }
    return fromStats.unionByName(
        perMu
            .filter(col("indicator_code").isin(carried.toArray()))
            .select(
                col("zone_code"),
                col("indicator_code"),
                col("period").as("source_period"),
                col("value").cast("double").as("value")));
  }

  /**
   * Replaces every carried column of {@code facts} by the latest source value whose period ends no
   * later than the fact's period (at equal ends an annual row wins over the Q4/-12 year-to-date
   * row), and adds {@link #SLOT}.
   */
  static Carried carry(Dataset<Row> facts, Dataset<Row> sources, RoutineSpec spec) {
    List<String> carried = spec.carried();
    List<String> order = new ArrayList<>(Arrays.asList(facts.columns()));
    Dataset<Row> codes =
        facts.sparkSession().createDataset(carried, Encoders.STRING()).toDF("indicator_code");
    Dataset<Row> wanted =
        facts
            .select(col("zone_code"), col("period"))
            .withColumn("_end", monthIndex(col("period")))
            .crossJoin(codes);
    Dataset<Row> src =
        sources
            .withColumnRenamed("zone_code", "_zone")
            .withColumnRenamed("indicator_code", "_ind")
            .withColumn("_src_end", monthIndex(col("source_period")))
            .withColumn("_src_annual", Periods.isAnnual(col("source_period")));
    var latest =
        Window.partitionBy("zone_code", "period", "indicator_code")
            .orderBy(
                col("_src_end").desc(), col("_src_annual").desc(), col("source_period").desc());
    Dataset<Row> picked =
        wanted
            .join(
                src,
                col("zone_code")
                    .equalTo(col("_zone"))
                    .and(col("indicator_code").equalTo(col("_ind")))
                    .and(col("_src_end").leq(col("_end"))))
            .withColumn("_n", row_number().over(latest))
            .filter(col("_n").equalTo(1))
            .select(
                col("zone_code"),
                col("period"),
                col("indicator_code"),
                col("value"),
                col("source_period"));
    Dataset<Row> wide =
        picked
            .groupBy("zone_code", "period")
            .pivot("indicator_code", new ArrayList<Object>(carried))
            .agg(first(col("value")));
    Dataset<Row> out =
        facts
            .drop(carried.toArray(String[]::new))
            .join(wide, new String[] {"zone_code", "period"}, "left");
    for (String c : carried) {
      if (!order.contains(c)) {
        order.add(c);
      }
    }
    List<Column> cols = new ArrayList<>();
    order.forEach(c -> cols.add(col(c)));
    cols.add(Periods.slot(col("period")).as(SLOT));
    return new Carried(out.select(cols.toArray(Column[]::new)), picked);
  }
}
