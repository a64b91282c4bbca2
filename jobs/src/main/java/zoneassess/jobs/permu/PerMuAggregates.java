package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.marts.PerMuMarts;

/**
 * Zone, county and city totals of the evaluated enterprises (permu_zone, permu_area). Totals cover
 * every firm located in the unit, class T included; ratios are pooled: Σ numerator ÷ Σ land of the
 * firms that report the numerator. Class shares are of the evaluated (non-T) firms.
 */
public final class PerMuAggregates {
  /** 1 km² = 1500 mu. */
  public static final double MU_PER_KM2 = 1500.0;

  private static final List<String> CLASSES = List.of("A", "B", "C", "D");

  private PerMuAggregates() {}

  /**
   * @param enterprises the permu_enterprise rows
   * @param zones staged zones (zone_code, zone_name, city, county)
   * @param zoneStats staged zone statistics (zone_code, period, indicator_code, value); gdp in 亿元
   *     and developed_land in km² give the statistics' 单位面积产出率
   */
  public static Dataset<Row> zones(
      Dataset<Row> enterprises, Dataset<Row> zones, Dataset<Row> zoneStats) {
    Dataset<Row> measured =
        measures(enterprises.filter(col("zone_code").isNotNull()).groupBy("zone_code", "year"));
    Dataset<Row> stats =
        zoneStats
            .filter(
                col("indicator_code")
                    .isin("gdp", "developed_land")
                    .and(col("period").rlike("^[0-9]{4}$")))
            .groupBy(col("zone_code"), col("period").cast("int").as("year"))
            .agg(
                max(when(col("indicator_code").equalTo("gdp"), col("value"))).as("_gdp"),
                max(when(col("indicator_code").equalTo("developed_land"), col("value")))
                    .as("_land_km2"))
            .select(
                col("zone_code"),
                col("year"),
                when(col("_land_km2").gt(0), col("_gdp").divide(col("_land_km2")))
                    .as("output_per_km2_zone_stats"));
    Dataset<Row> names = zones.select("zone_code", "zone_name", "city", "county");
    Dataset<Row> out =
        withPrevious(measured, "zone_code")
            .join(broadcast(names), PerMuItems.scalaSeq(List.of("zone_code")), "left")
            .join(broadcast(stats), PerMuItems.scalaSeq(List.of("zone_code", "year")), "left");
    return select(out, PerMuMarts.ZONE).orderBy("zone_code", "year");
  }

  /**
   * @param enterprises the permu_enterprise rows
   * @param areas staged areas (area_code, area_name, area_level, parent_code)
   */
  public static Dataset<Row> areas(Dataset<Row> enterprises, Dataset<Row> areas) {
    Dataset<Row> counties =
        withPrevious(
                measures(
                    enterprises
                        .withColumn("area_code", col("county_code"))
                        .groupBy("area_code", "year")),
                "area_code")
            .withColumn("area_level", lit("county"));
    Dataset<Row> cities =
        withPrevious(
                measures(
                    enterprises
                        .filter(col("city_code").isNotNull())
                        .withColumn("area_code", col("city_code"))
                        .groupBy("area_code", "year")),
                "area_code")
            .withColumn("area_level", lit("city"));
    Dataset<Row> names =
        areas
            .as("a")
            .join(areas.as("p"), col("a.parent_code").equalTo(col("p.area_code")), "left")
            .select(
                col("a.area_code").as("area_code"),
                col("a.area_name").as("area_name"),
                when(col("a.area_level").equalTo("city"), col("a.area_name"))
                    .otherwise(col("p.area_name"))
                    .as("city"));
    Dataset<Row> out =
        counties
            .unionByName(cities)
            .join(broadcast(names), PerMuItems.scalaSeq(List.of("area_code")), "left");
    return select(out, PerMuMarts.AREA).orderBy("area_level", "area_code", "year");
  }

  private static Dataset<Row> measures(org.apache.spark.sql.RelationalGroupedDataset grouped) {
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)).as("enterprises"));
    aggs.add(
        sum(when(col("per_mu_class").notEqual(PerMuClasses.NOT_EVALUATED), 1).otherwise(0))
            .cast("long")
            .as("evaluated"));
    aggs.add(sum("land_area_mu").as("land_mu"));
    for (String c : List.of("tax_paid_10k", "revenue_10k", "value_added_10k")) {
      aggs.add(sum(c).as("_sum_" + c));
      aggs.add(sum(when(col(c).isNotNull(), col("land_area_mu"))).as("_land_" + c));
    }
    for (String k : CLASSES) {
      aggs.add(classCount(k));
    }
    aggs.add(classCount(PerMuClasses.NOT_EVALUATED));
    aggs.add(
        coalesce(sum(when(col("per_mu_class").equalTo("D"), col("land_area_mu"))), lit(0.0))
            .as("d_land_mu"));
    aggs.add(coalesce(sum("surcharge_estimate_10k"), lit(0.0)).as("surcharge_revenue_10k"));
    Dataset<Row> agg =
        grouped.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0]));
    agg =
        agg.withColumn("tax_per_mu", pooled("tax_paid_10k"))
            .withColumn("value_added_per_mu", pooled("value_added_10k"))
            .withColumn("revenue_per_mu", pooled("revenue_10k"))
            // 单位面积产出率: value added (万元 → 亿元 ÷ 10 000) per km² of the firms' land (mu ÷ 1500).
            .withColumn(
                "output_per_km2_100m",
                when(
                    col("_land_value_added_10k").gt(0),
                    col("_sum_value_added_10k")
                        .divide(10000.0)
                        .divide(col("_land_value_added_10k").divide(MU_PER_KM2))));
    for (String k : CLASSES) {
      String lower = k.toLowerCase(java.util.Locale.ROOT);
      agg =
          agg.withColumn(
              "share_" + lower,
              when(col("evaluated").gt(0), col("count_" + lower).divide(col("evaluated"))));
    }
    return agg;
  }

  private static Column classCount(String label) {
    return sum(when(col("per_mu_class").equalTo(label), 1).otherwise(0))
        .cast("long")
        .as("count_" + label.toLowerCase(java.util.Locale.ROOT));
  }

  private static Column pooled(String column) {
    return when(col("_land_" + column).gt(0), col("_sum_" + column).divide(col("_land_" + column)));
  }

  /** Adds last year's 亩均税收 and the change in percent. */
  private static Dataset<Row> withPrevious(Dataset<Row> measured, String key) {
    Dataset<Row> prev =
        measured.select(
            col(key), col("year").plus(1).as("year"), col("tax_per_mu").as("tax_per_mu_prev"));
    return measured
        .join(prev, PerMuItems.scalaSeq(List.of(key, "year")), "left")
        .withColumn(
            "tax_per_mu_change_pct",
            when(
                col("tax_per_mu_prev").gt(0),
                col("tax_per_mu")
                    .minus(col("tax_per_mu_prev"))
                    .divide(col("tax_per_mu_prev"))
                    .multiply(100.0)));
  }

  private static Dataset<Row> select(
      Dataset<Row> data, zoneassess.schema.dataset.DatasetContract mart) {
    return data.select(PerMuMarts.columns(mart).stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
