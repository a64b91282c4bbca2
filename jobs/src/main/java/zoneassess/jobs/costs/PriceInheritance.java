package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The locations that are benchmarked (cities, counties, zones) and the price each one faces: its
 * own if it reports one, else its county's (zones only), else its city's. {@code value_source} says
 * which.
 */
public final class PriceInheritance {
  /** Columns of the location table. */
  public static final String[] LOCATION_COLUMNS = {
    "location_code", "location_name", "location_level", "city_code", "city", "county_code"
  };

  private PriceInheritance() {}

  /**
   * @param areas staged {@code areas} (area_code, area_name, area_level, parent_code)
   * @param zones staged {@code zones} (zone_code, zone_name, city, city_code, county_code)
   */
  public static Dataset<Row> locations(Dataset<Row> areas, Dataset<Row> zones) {
    Dataset<Row> cities =
        areas
            .filter(col("area_level").equalTo("city"))
            .select(
                col("area_code").as("location_code"),
                col("area_name").as("location_name"),
                lit("city").as("location_level"),
                col("area_code").as("city_code"),
                col("area_name").as("city"),
                lit(null).cast("string").as("county_code"));
    Dataset<Row> cityNames =
        cities.select(col("location_code").as("p_code"), col("location_name").as("p_name"));
    Dataset<Row> counties =
        areas
            .filter(col("area_level").equalTo("county"))
            .join(cityNames, col("parent_code").equalTo(col("p_code")), "left")
            .select(
                col("area_code").as("location_code"),
                col("area_name").as("location_name"),
                lit("county").as("location_level"),
                col("parent_code").as("city_code"),
                col("p_name").as("city"),
                col("area_code").as("county_code"));
    Dataset<Row> zoneRows =
        zones.select(
            col("zone_code").as("location_code"),
            col("zone_name").as("location_name"),
            lit("zone").as("location_level"),
            col("city_code"),
            col("city"),
            col("county_code"));
    return cities.unionByName(counties).unionByName(zoneRows);
  }

  /**
   * Every location's value per factor, sub-category and period, with {@code value_source}.
   *
   * @param values carried values ({@link PeriodCarryForward#VALUE_COLUMNS}) keyed by the reporting
   *     location
   * @param locations {@link #locations}
   */
  public static Dataset<Row> inherit(Dataset<Row> values, Dataset<Row> locations) {
    // Each location's sources in order of preference: itself, its county (zones), its city
    // (counties and zones). A location-sized table, broadcast; the values are shuffled once by
    // series and period, so the pick below finds each location's candidates in one partition.
    Dataset<Row> own =
        locations
            .withColumn("v_code", col("location_code"))
            .withColumn("v_level", col("location_level"))
            .withColumn("value_source", lit("own"))
            .withColumn("priority", lit(0));
    Dataset<Row> county =
        locations
            .filter(col("location_level").equalTo("zone"))
            .withColumn("v_code", col("county_code"))
            .withColumn("v_level", lit("county"))
            .withColumn("value_source", lit("county"))
            .withColumn("priority", lit(1));
    Dataset<Row> city =
        locations
            .filter(col("location_level").isin("county", "zone"))
            .withColumn("v_code", col("city_code"))
            .withColumn("v_level", lit("city"))
            .withColumn("value_source", lit("city"))
            .withColumn("priority", lit(2));
    Dataset<Row> sources = own.unionByName(county).unionByName(city);
    Dataset<Row> v =
        values
            .withColumnRenamed("location_code", "v_code")
            .withColumnRenamed("location_level", "v_level")
            .repartition(col("factor_code"), col("subcategory"), col("period"));
    // The columns in the order the location table, the values and the source give them.
    List<Column> columns = new ArrayList<>();
    for (String c : LOCATION_COLUMNS) {
      columns.add(col(c));
    }
    for (String c : v.columns()) {
      if (!c.equals("v_code") && !c.equals("v_level")) {
        columns.add(col(c));
      }
    }
    columns.add(col("value_source"));
    return broadcast(sources)
        .join(
            v,
            sources
                .col("v_code")
                .equalTo(v.col("v_code"))
                .and(sources.col("v_level").equalTo(v.col("v_level"))))
        .drop(sources.col("v_code"))
        .drop(sources.col("v_level"))
        .withColumn(
            "pick",
            row_number()
                .over(
                    Window.partitionBy(
                            col("location_level"),
                            col("location_code"),
                            col("factor_code"),
                            col("subcategory"),
                            col("period"))
                        .orderBy(col("priority"))))
        .filter(col("pick").equalTo(1))
        .select(columns.toArray(new Column[0]));
  }
}
