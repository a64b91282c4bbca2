package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.substring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.factor.FactorCatalogue;
import zoneassess.schema.factor.FactorCatalogueLoader;
import zoneassess.schema.factor.TypicalFirmProfile;
import zoneassess.schema.factor.TypicalFirmProfileLoader;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.CostMarts;

/**
 * Factor-cost benchmarks: reads staged {@code factor_costs}, {@code areas} and {@code zones} and
 * publishes the marts {@code cost_benchmark}, {@code cost_gaps}, {@code cost_profile}, {@code
 * cost_profile_breakdown} and {@code cost_index}.
 *
 * <p>Parameters (all optional):
 *
 * <ul>
 *   <li>{@code period}: yyyy, yyyyQn, yyyy-MM or {@code latest} (default). Periods ending after it
 *       are not published; profiles and the composite index are priced for complete years.
 *   <li>{@code history_years}: years published, ending with the period's year (default 3). Changes
 *       of the first year use earlier data when it exists.
 *   <li>{@code profiles}: comma-separated profile ids of the shipped profiles or profile files
 *       (default: all shipped profiles).
 *   <li>{@code catalogue}: a factor catalogue file (default: the shipped catalogue).
 *   <li>{@code focus_city}: city code or name for the summary (default 320800 = 淮安).
 * </ul>
 */
public final class CostsStage implements Stage {
  public static final String DEFAULT_FOCUS_CITY = "320800";

  /** The stage's parameters, typed (see the class comment); an unknown key is an error. */
  public record Params(
      String period, int historyYears, String profiles, String catalogue, String focusCity) {
    public static final List<String> NAMES =
        List.of("period", "history_years", "profiles", "catalogue", "focus_city");

    public static Params of(StageContext context) {
      StageParams p = StageParams.of("costs", context.params(), NAMES);
      return new Params(
          p.text("period", CostPeriod.LATEST),
          p.integer("history_years", 3),
          p.text("profiles", ""),
          p.text("catalogue", FactorCatalogue.DEFAULT_LOCATION),
          p.text("focus_city", DEFAULT_FOCUS_CITY));
    }
  }

  @Override
  public String name() {
    return "costs";
  }

  @Override
  public StageResult execute(StageContext context) {
    SparkSession spark = context.spark();
    RunLayout run = context.run();
    Params params = Params.of(context);
    FactorCatalogue catalogue = FactorCatalogueLoader.load(params.catalogue());
    List<TypicalFirmProfile> profiles = profiles(params.profiles(), catalogue);
    FactorCatalogueTables tables = new FactorCatalogueTables(spark, catalogue);
    int historyYears = params.historyYears();

    Dataset<Row> staged = ParquetRead.of(spark, run.staging("factor_costs"));
    Dataset<Row> locations =
        PriceInheritance.locations(
                ParquetRead.of(spark, run.staging("areas")),
                ParquetRead.of(spark, run.staging("zones")))
            .localCheckpoint();

    FactorPriceConformer.Conformed conformed = FactorPriceConformer.conform(staged, tables);
    // Checkpoints cut the lineage where later steps reuse a result several times: without them
    // the analysed plans grow with every reuse and planning dominates the run.
    Dataset<Row> reported = conformed.reported().localCheckpoint();
    Dataset<Row> carried =
        PeriodCarryForward.carry(
                reported.unionByName(FactorPriceConformer.derived(reported, tables)),
                tables.factors())
            .localCheckpoint();
    CostPeriod period = CostPeriod.parse(params.period(), latestMonth(carried));
    int firstYear = period.year() - historyYears + 1;
    // The year before the window is kept so that the window's first periods have changes.
    Dataset<Row> located =
        PriceInheritance.inherit(inWindow(carried, period, firstYear - 1), locations)
            .localCheckpoint();
    // Published once and read back from the mart afterwards: no checkpoint (it would only
    // compute the rows a second time into memory before the write).
    Dataset<Row> benchmark =
        inWindow(FactorCostBenchmark.benchmark(located, tables), period, firstYear);
    Dataset<Row> gaps =
        inWindow(
                PeriodCarryForward.gaps(reported, tables.factors())
                    .withColumn("period_type", FactorPriceConformer.periodType(col("period"))),
                period,
                firstYear)
            .drop("period_type")
            .unionByName(conformed.issues());

    List<Integer> yearList =
        IntStream.rangeClosed(firstYear, period.lastCompleteYear()).boxed().toList();
    Dataset<Row> years = spark.createDataset(yearList, Encoders.INT()).toDF("year");
    Dataset<Row> lineCosts =
        ProfileCosting.price(
                located, locations, ProfileCosting.lines(spark, profiles), years, tables)
            .localCheckpoint();
    ProfileCosting.Priced priced = ProfileCosting.marts(lineCosts, locations);
    Dataset<Row> index = CompositeCostIndex.compute(priced.lineCosts(), locations);

    Publisher publisher = context.publisher();
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    publish(
        publisher,
        spark,
        run,
        outputs,
        counts,
        "cost_benchmark",
        benchmark,
        "factor_code",
        "subcategory",
        "period_type",
        "period",
        "location_level",
        "location_code");
    publish(
        publisher,
        spark,
        run,
        outputs,
        counts,
        "cost_gaps",
        gaps,
        "kind",
        "factor_code",
        "subcategory",
        "location_level",
        "location_code",
        "period",
        "source_file",
        "source_row");
    publish(
        publisher,
        spark,
        run,
        outputs,
        counts,
        "cost_profile",
        priced.profiles(),
        "profile_id",
        "year",
        "location_level",
        "rank",
        "location_code");
    publish(
        publisher,
        spark,
        run,
        outputs,
        counts,
        "cost_profile_breakdown",
        priced.breakdown(),
        "profile_id",
        "year",
        "location_level",
        "location_code",
        "factor_code");
    publish(
        publisher,
        spark,
        run,
        outputs,
        counts,
        "cost_index",
        index,
        "year",
        "location_level",
        "rank",
        "location_code");

    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            java.util.Locale.ROOT,
            "costs: period %s, %d benchmark rows, %d gaps/problems, %d profiles priced for %s",
            period.label(),
            counts.get("cost_benchmark"),
            counts.get("cost_gaps"),
            profiles.size(),
            yearList.isEmpty() ? "no complete year" : firstYear + "–" + period.lastCompleteYear()));
    String focus = params.focusCity();
    FocusCitySummary.findCity(locations, focus)
        .ifPresentOrElse(
            c ->
                summary.addAll(
                    FocusCitySummary.lines(
                        published(spark, run, "cost_benchmark"),
                        published(spark, run, "cost_profile"),
                        published(spark, run, "cost_index"),
                        c.getString(0),
                        c.getString(1),
                        period)),
            () -> summary.add("costs: focus city '" + focus + "' is not among the staged cities"));
    summary.forEach(context.console()::println);
    return new StageResult(name(), outputs, counts, summary);
  }

  /** A cost mart this stage published, read without inferring its schema again. */
  private static Dataset<Row> published(SparkSession spark, RunLayout run, String mart) {
    return new MartWriter(spark)
        .read(
            CostMarts.ALL.stream().filter(c -> c.name().equals(mart)).findFirst().orElseThrow(),
            run.mart(mart));
  }

  /** Latest month with a value, from the carried values' period ends. */
  static String latestMonth(Dataset<Row> carried) {
    Row r =
        carried
            .agg(max(PeriodCarryForward.periodEndMonth(col("period"), col("period_type"))))
            .first();
    return r.isNullAt(0) ? null : r.getString(0);
  }

  /** Periods that end no later than {@code period} and lie in years ≥ {@code firstYear}. */
  static Dataset<Row> inWindow(Dataset<Row> rows, CostPeriod period, int firstYear) {
    return rows.filter(
        PeriodCarryForward.periodEndMonth(col("period"), col("period_type"))
            .leq(period.endMonth())
            .and(substring(col("period"), 1, 4).try_cast("int").geq(firstYear)));
  }

  /** The profiles named by the {@code profiles} parameter (ids or files), loaded. */
  public static List<TypicalFirmProfile> profiles(String param, FactorCatalogue catalogue) {
    if (param == null || param.isBlank()) {
      return TypicalFirmProfileLoader.loadDefaults(catalogue);
    }
    List<TypicalFirmProfile> out = new ArrayList<>();
    for (String p :
        Arrays.stream(param.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      String location =
          p.endsWith(".yaml") || p.endsWith(".yml")
              ? p
              : "classpath:factors/profiles/" + p + ".yaml";
      out.add(TypicalFirmProfileLoader.load(location, catalogue));
    }
    return out;
  }

  private static void publish(
      Publisher publisher,
      SparkSession spark,
      RunLayout run,
      Map<String, String> outputs,
      Map<String, Long> counts,
      String mart,
      Dataset<Row> data,
      String... sortBy) {
    DatasetContract contract =
        CostMarts.ALL.stream().filter(c -> c.name().equals(mart)).findFirst().orElseThrow();
    List<String> declared = contract.columnNames();
    Dataset<Row> ordered =
        data.select(declared.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
            .repartition(1)
            .sortWithinPartitions(
                Arrays.stream(sortBy)
                    .map(c -> col(c).asc_nulls_first())
                    .toArray(org.apache.spark.sql.Column[]::new));
    String uri = run.mart(mart);
    long rows = new MartWriter(spark).write(contract, ordered, uri);
    outputs.put(mart, uri);
    counts.put(mart, rows);
  }
}
