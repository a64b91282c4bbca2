package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The lines a leader reads first: one city's position on each factor (value, index against the
 * provincial median, rank of n), the typical firms' cost there and its composite index. Factors
 * benchmarked below city level are summarised over the city's counties. Collects only rows of one
 * city and one period (catalogue-sized).
 */
public final class FocusCitySummary {
  private FocusCitySummary() {}

  /** The city whose code equals {@code wanted}, or whose name equals or starts with it. */
  public static Optional<Row> findCity(Dataset<Row> locations, String wanted) {
    List<Row> cities =
        locations
            .filter(col("location_level").equalTo("city"))
            .filter(
                col("location_code")
                    .equalTo(wanted)
                    .or(col("location_name").equalTo(wanted))
                    .or(col("location_name").startsWith(wanted)))
            .orderBy("location_code")
            .select("location_code", "location_name")
            .collectAsList();
    return cities.isEmpty() ? Optional.empty() : Optional.of(cities.get(0));
  }

  public static List<String> lines(
      Dataset<Row> benchmark,
      Dataset<Row> profiles,
      Dataset<Row> index,
      String cityCode,
      String cityName,
      CostPeriod period) {
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%s (%s), period %s — position on each factor (1 = cheapest):",
            cityName,
            cityCode,
            period.label()));
    List<Row> own =
        benchmark
            .filter(col("period").equalTo(period.label()))
            .filter(
                col("location_level").equalTo("city").and(col("location_code").equalTo(cityCode)))
            .orderBy("factor_code", "subcategory")
            .select(
                "factor_code",
                "subcategory",
                "value",
                "unit",
                "index_vs_median",
                "rank",
                "n_locations",
                "change_yoy_pct")
            .collectAsList();
    for (Row r : own) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %-16s %-26s %12.4f %-6s index %6.1f  rank %3d of %-3d  yoy %s",
              r.getString(0),
              r.getString(1),
              r.getDouble(2),
              r.getString(3),
              r.isNullAt(4) ? Double.NaN : r.getDouble(4),
              r.getInt(5),
              r.getInt(6),
              r.isNullAt(7) ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", r.getDouble(7))));
    }
    List<Row> counties =
        benchmark
            .filter(col("period").equalTo(period.label()))
            .filter(col("location_level").equalTo("county").and(col("city").equalTo(cityName)))
            .groupBy("factor_code", "subcategory")
            .agg(
                first("unit").as("unit"),
                min("index_vs_median").as("lo"),
                max("index_vs_median").as("hi"),
                min("rank").as("best"),
                max("rank").as("worst"),
                max("n_locations").as("n"))
            .orderBy("factor_code", "subcategory")
            .collectAsList();
    List<String> cityFactors = own.stream().map(r -> r.getString(0)).distinct().toList();
    for (Row r : counties) {
      if (cityFactors.contains(r.getString(0))) {
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "  %-16s %-26s counties of the city: index %.1f–%.1f, ranks %d–%d of %d",
              r.getString(0),
              r.getString(1),
              r.getDouble(3),
              r.getDouble(4),
              r.getInt(5),
              r.getInt(6),
              r.getInt(7)));
    }
    for (Row r :
        profiles
            .filter(
                col("location_level").equalTo("city").and(col("location_code").equalTo(cityCode)))
            .filter(col("year").equalTo(period.lastCompleteYear()))
            .orderBy("profile_id")
            .select("profile_id", "total_cost_10k", "rank", "index_vs_median", "year")
            .collectAsList()) {
      out.add(
          String.format(
              Locale.ROOT,
              "  profile %-20s %d: %10.1f 万元/年, index %.1f, rank %d",
              r.getString(0),
              r.getInt(4),
              r.getDouble(1),
              r.getDouble(3),
              r.getInt(2)));
    }
    for (Row r :
        index
            .filter(
                col("location_level").equalTo("city").and(col("location_code").equalTo(cityCode)))
            .filter(col("year").equalTo(period.lastCompleteYear()))
            .select("year", "composite_index", "rank")
            .collectAsList()) {
      out.add(
          String.format(
              Locale.ROOT,
              "  composite cost index %d: %.1f (median city = 100), rank %d",
              r.getInt(0),
              r.getDouble(1),
              r.getInt(2)));
    }
    return out;
  }
}
