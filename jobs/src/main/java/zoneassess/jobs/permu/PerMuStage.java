package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.permu.PerMuScheme;
import zoneassess.schema.permu.PerMuSchemeLoader;

/**
 * The per-mu stage: evaluates every staged year up to {@code year} under {@code scheme} and
 * publishes permu_enterprise and permu_enterprise_items (partitioned by year), permu_zone,
 * permu_area and permu_zone_indicators (one small file each).
 *
 * <p>Parameters: {@code year} — the evaluated year, or {@code latest} (default) for the newest
 * staged year; {@code scheme} — scheme file, default {@value PerMuSchemeLoader#HUAIAN_2024}.
 *
 * <p>Large inputs: the item scores are published first and read back for the totals, and the
 * enterprise mart is published before the aggregates read it, so no result is computed twice or
 * cached; only the class mix per city (a city-sized table) reaches the driver.
 */
public final class PerMuStage implements Stage {
  public static final String NAME = "per-mu";
  public static final String PARAM_YEAR = "year";
  public static final String PARAM_SCHEME = "scheme";

  /** The stage's parameters, typed; an unknown key is an error. */
  public record Params(String year, String scheme) {
    public static Params of(StageContext context) {
      StageParams p = StageParams.of(NAME, context.params(), List.of(PARAM_YEAR, PARAM_SCHEME));
      return new Params(
          p.text(PARAM_YEAR, "latest"), p.text(PARAM_SCHEME, PerMuSchemeLoader.HUAIAN_2024));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult execute(StageContext context) {
    long started = System.nanoTime();
    SparkSession spark = context.spark();
    RunLayout run = context.run();
    Publisher publisher = context.publisher();
    PerMuScheme scheme = PerMuSchemeLoader.load(Params.of(context).scheme());

    Dataset<Row> staged = ParquetRead.of(spark, run.staging("enterprises"));
    String yearParam = Params.of(context).year();
    // The staged years are the year=… folders: the newest costs a listing, not a Spark job.
    java.util.SortedSet<Integer> stagedYears = stagedYears(publisher, run.staging("enterprises"));
    int year =
        stagedYears.isEmpty()
            ? resolveYear(yearParam, staged)
            : resolveYear(yearParam, stagedYears);
    Dataset<Row> enterprises = staged.filter(col("year").leq(year));
    Dataset<Row> areas = read(spark, publisher, run, Datasets.AREAS);
    Dataset<Row> prepared = PerMuScope.prepare(enterprises, areas, scheme);

    Map<String, String> outputs = new LinkedHashMap<>();
    String itemsUri = run.mart(PerMuMarts.ENTERPRISE_ITEMS.name());
    Dataset<Row> items = PerMuEvaluation.itemsMart(PerMuItems.score(prepared, scheme));
    MartWriter marts = new MartWriter(spark);
    // The writer counts the rows it checks: the counts come from there, not from new passes.
    Map<String, Long> counts = new LinkedHashMap<>();
    long itemRows =
        marts.write(
            PerMuMarts.ENTERPRISE_ITEMS,
            byYear(items, "credit_code", "item_order"),
            itemsUri,
            "year");
    outputs.put(PerMuMarts.ENTERPRISE_ITEMS.name(), itemsUri);

    String enterpriseUri = run.mart(PerMuMarts.ENTERPRISE.name());
    Dataset<Row> totals = PerMuItems.totals(marts.read(PerMuMarts.ENTERPRISE_ITEMS, itemsUri));
    Dataset<Row> evaluated = PerMuEvaluation.enterpriseMart(prepared, totals, scheme);
    long enterpriseRows =
        marts.write(PerMuMarts.ENTERPRISE, byYear(evaluated, "credit_code"), enterpriseUri, "year");
    counts.put(PerMuMarts.ENTERPRISE.name(), enterpriseRows);
    counts.put(PerMuMarts.ENTERPRISE_ITEMS.name(), itemRows);
    outputs.put(PerMuMarts.ENTERPRISE.name(), enterpriseUri);

    Dataset<Row> published = marts.read(PerMuMarts.ENTERPRISE, enterpriseUri);
    Dataset<Row> zones =
        PerMuAggregates.zones(
            published,
            read(spark, publisher, run, Datasets.ZONES),
            read(spark, publisher, run, Datasets.ZONE_STATS));
    String zoneUri = run.mart(PerMuMarts.ZONE.name());
    counts.put(
        PerMuMarts.ZONE.name(),
        marts.write(
            PerMuMarts.ZONE, zones.coalesce(1).sortWithinPartitions("zone_code", "year"), zoneUri));
    outputs.put(PerMuMarts.ZONE.name(), zoneUri);

    String areaUri = run.mart(PerMuMarts.AREA.name());
    counts.put(
        PerMuMarts.AREA.name(),
        marts.write(
            PerMuMarts.AREA,
            PerMuAggregates.areas(published, areas)
                .coalesce(1)
                .sortWithinPartitions("area_level", "area_code", "year"),
            areaUri));
    outputs.put(PerMuMarts.AREA.name(), areaUri);

    String indicatorsUri = run.mart(PerMuMarts.ZONE_INDICATORS.name());
    marts.write(
        PerMuMarts.ZONE_INDICATORS,
        PerMuZoneIndicators.fromZones(marts.read(PerMuMarts.ZONE, zoneUri))
            .coalesce(1)
            .sortWithinPartitions("zone_code", "period", "indicator_code"),
        indicatorsUri);
    outputs.put(PerMuMarts.ZONE_INDICATORS.name(), indicatorsUri);

    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            Locale.ROOT,
            "per-mu: scheme %s (%s), years up to %d",
            scheme.id(),
            scheme.version(),
            year));
    summary.addAll(classMixPerCity(published, year));
    double seconds = (System.nanoTime() - started) / 1e9;
    summary.add(
        String.format(
            Locale.ROOT,
            "per-mu: %d enterprise-years in %.1f s (%.0f rows/s)",
            enterpriseRows,
            seconds,
            enterpriseRows / Math.max(seconds, 1e-3)));
    summary.forEach(context.console()::println);
    return new StageResult(NAME, outputs, counts, summary);
  }

  /** "latest" or a year; the year must be staged. */
  static int resolveYear(String param, Dataset<Row> staged) {
    // A handful of years: the distinct values come to the driver.
    java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
    for (Row r : staged.select("year").distinct().collectAsList()) {
      if (!r.isNullAt(0)) {
        years.add(r.getInt(0));
      }
    }
    if (years.isEmpty()) {
      throw new IllegalArgumentException("per-mu: the staged enterprises are empty");
    }
    return resolveYear(param, years);
  }

  /** "latest" or a year, among the staged years (not empty). */
  static int resolveYear(String param, java.util.SortedSet<Integer> staged) {
    int latest = staged.last();
    if (param == null || param.equals("latest")) {
      return latest;
    }
    int year;
    try {
      year = Integer.parseInt(param.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "per-mu: year must be a year or 'latest', found '" + param + "'");
    }
    if (!staged.contains(year)) {
      throw new IllegalArgumentException(
          "per-mu: no staged enterprises for year "
              + year
              + " (newest staged year: "
              + latest
              + ")");
    }
    return year;
  }

  /**
   * The years of the {@code year=YYYY} folders of a staged dataset that hold a data file; empty
   * when the dataset is not partitioned by year (then the data is asked).
   */
  static java.util.SortedSet<Integer> stagedYears(Publisher publisher, String uri) {
    java.util.SortedSet<Integer> years = new java.util.TreeSet<>();
    try {
      org.apache.hadoop.fs.Path dir = new org.apache.hadoop.fs.Path(uri);
      org.apache.hadoop.fs.FileSystem fs = dir.getFileSystem(publisher.conf());
      if (!fs.exists(dir)) {
        return years;
      }
      for (org.apache.hadoop.fs.FileStatus d : fs.listStatus(dir)) {
        String name = d.getPath().getName();
        if (d.isDirectory() && name.matches("year=[0-9]{4}") && holdsData(fs, d.getPath())) {
          years.add(Integer.parseInt(name.substring(5)));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("per-mu: cannot list " + uri, e);
    }
    return years;
  }

  private static boolean holdsData(
      org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path dir)
      throws java.io.IOException {
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir)) {
      String n = f.getPath().getName();
      if (f.isFile() && f.getLen() > 0 && !n.startsWith(".") && !n.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  /** One summary line per city: counts and shares of A/B/C/D (of evaluated) and T (of all). */
  static List<String> classMixPerCity(Dataset<Row> enterprises, int year) {
    List<org.apache.spark.sql.Column> aggs = new ArrayList<>();
    for (String k : List.of("A", "B", "C", "D", "T")) {
      aggs.add(sum(when(col("per_mu_class").equalTo(k), 1).otherwise(0)).as(k));
    }
    List<Row> rows =
        enterprises
            .filter(col("year").equalTo(year))
            .groupBy(col("city"))
            .agg(count(lit(1)).as("n"), aggs.toArray(new org.apache.spark.sql.Column[0]))
            .orderBy(col("city").asc_nulls_last())
            .collectAsList();
    List<String> lines = new ArrayList<>();
    for (Row r : rows) {
      long n = r.getLong(1);
      long t = r.getLong(6);
      long evaluated = n - t;
      StringBuilder line =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "per-mu %d %s:",
                  year,
                  r.isNullAt(0) ? "(no city)" : r.getString(0)));
      for (int i = 0; i < 4; i++) {
        long c = r.getLong(2 + i);
        line.append(
            String.format(
                Locale.ROOT,
                " %s %d (%.1f%%)",
                "ABCD".charAt(i),
                c,
                evaluated == 0 ? 0.0 : 100.0 * c / evaluated));
      }
      line.append(String.format(Locale.ROOT, " | T %d of %d firms", t, n));
      lines.add(line.toString());
    }
    return lines;
  }

  private static Dataset<Row> byYear(Dataset<Row> data, String... keys) {
    String[] order = new String[keys.length + 1];
    order[0] = "year";
    System.arraycopy(keys, 0, order, 1, keys.length);
    return data.repartition(col("year"))
        .sortWithinPartitions(order[0], java.util.Arrays.copyOfRange(order, 1, order.length));
  }

  /** A staged dataset, or an empty one with the declared columns when it was not staged. */
  private static Dataset<Row> read(
      SparkSession spark, Publisher publisher, RunLayout run, DatasetContract contract) {
    String uri = run.staging(contract.name());
    if (publisher.exists(uri)) {
      return ParquetRead.of(spark, uri);
    }
    return spark.createDataFrame(List.of(), ContractSchemas.of(contract));
  }
}
