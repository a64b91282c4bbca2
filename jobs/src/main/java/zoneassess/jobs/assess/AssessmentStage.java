package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuZoneIndicators;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.routine.RoutineRules;
import zoneassess.schema.routine.RoutineRulesLoader;
import zoneassess.schema.routine.RoutineSpecLoader;
import zoneassess.schema.rules.AssessmentRules;
import zoneassess.schema.rules.TieBreak;
import zoneassess.schema.yaml.SpecException;

/**
 * The assess stage: reads the staged {@code zone_stats}, {@code zones}, {@code major_projects} and
 * {@code zone_events} of a run, builds {@link ZoneFacts}, has them scored by the {@link
 * ZoneScoring} it was built with, applies the rules ({@link ZoneAssessment}) and publishes the five
 * assessment marts, sorted.
 *
 * <p>Parameters: {@code period} ({@code yyyy}, a sub-annual period such as {@code 2025Q3}, or
 * {@code latest} = the newest annual period in zone_stats; default latest), {@code methodology}
 * (location, required), {@code rules} (location; default: the methodology's {@code rules:} key).
 */
public final class AssessmentStage implements Stage {
  public static final String NAME = "assess";
  public static final String PERIOD = "period";
  public static final String METHODOLOGY = "methodology";
  public static final String RULES = "rules";
  static final int TOP_MOVERS = 5;
  static final int MAX_WARNING_LINES = 20;

  private final ZoneScoring scoring;

  public AssessmentStage(ZoneScoring scoring) {
    this.scoring = Objects.requireNonNull(scoring, "scoring");
  }

  /** The stage's parameters, typed; an unknown key is an error. Rules are null when not given. */
  public record Params(String methodology, String rules, String period) {
    public static Params of(StageContext context) {
      StageParams p = StageParams.of(NAME, context.params(), List.of(METHODOLOGY, RULES, PERIOD));
      return new Params(p.required(METHODOLOGY), p.text(RULES, null), p.text(PERIOD, "latest"));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult execute(StageContext context) {
    SparkSession spark = context.spark();
    RunLayout run = context.run();
    Params params = Params.of(context);
    String methodology = params.methodology();
    RunAssessment assessed =
        RunAssessment.of(spark, run, scoring, methodology, params.rules(), params.period());
    String period = assessed.period();
    AssessmentRules rules = assessed.rules();
    ScoredZones scored = assessed.scored();
    ZoneAssessment.AssessmentResult result = assessed.result();
    Dataset<Row> projects = assessed.projects();
    context
        .console()
        .println(
            "assess: period "
                + period
                + ", methodology "
                + methodology
                + ", rules "
                + rules.source());

    Publisher publisher = context.publisher();
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    publish(
        publisher,
        run,
        AssessmentMarts.ASSESSMENT,
        result.assessment(),
        new Column[] {col("period"), col("rank_all").asc_nulls_last(), col("zone_code")},
        outputs,
        counts);
    publish(
        publisher,
        run,
        AssessmentMarts.ASSESSMENT_DIMENSIONS,
        result.dimensions(),
        new Column[] {col("period"), col("zone_code"), col("sort_order"), col("dimension_code")},
        outputs,
        counts);
    publish(
        publisher,
        run,
        AssessmentMarts.ASSESSMENT_INDICATORS,
        result.indicators(),
        new Column[] {
          col("period"), col("zone_code"), col("dimension_code"), col("indicator_code")
        },
        outputs,
        counts);
    publish(
        publisher,
        run,
        AssessmentMarts.ASSESSMENT_WARNINGS,
        result.warnings(),
        new Column[] {col("period"), col("zone_code"), col("rule_id")},
        outputs,
        counts);
    publish(
        publisher,
        run,
        AssessmentMarts.PROJECT_FUNNEL,
        ProjectFunnel.build(projects),
        ProjectFunnel.publishOrder(),
        outputs,
        counts);

    if (assessed.carried() != null) {
      publish(
          publisher,
          run,
          RoutineMarts.ROUTINE_INDICATORS,
          RoutineIndicators.build(
              assessed.facts(), assessed.carried(), RoutineSpecLoader.fromMethodology(methodology)),
          new Column[] {col("period"), col("zone_code"), col("basis"), col("indicator_code")},
          outputs,
          counts);
    }

    String rulesLocation =
        params.rules() != null ? params.rules() : RulesReference.fromMethodology(methodology);
    RoutineRules.AnnualWeighting weighting =
        RoutineRulesLoader.fromRules(rulesLocation).weighting();
    if (weighting != null && Periods.isAnnual(period)) {
      Dataset<Row> weighted = weighted(spark, run, methodology, rulesLocation, period, weighting);
      if (weighted != null) {
        publish(
            publisher,
            run,
            RoutineMarts.ASSESSMENT_WEIGHTED,
            weighted,
            new Column[] {
              col("period"), col("weighted_rank_all").asc_nulls_last(), col("zone_code")
            },
            outputs,
            counts);
      }
    }

    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            Locale.ROOT,
            "assessment %s: methodology %s %s, rules %s",
            period,
            scored.methodologyId(),
            scored.methodologyVersion(),
            rules.id()));
    MartWriter marts = new MartWriter(spark);
    Dataset<Row> published =
        marts.read(AssessmentMarts.ASSESSMENT, run.mart(AssessmentMarts.ASSESSMENT.name()));
    summary.addAll(topMovers(published, period));
    summary.addAll(
        warnedZones(
            marts.read(
                AssessmentMarts.ASSESSMENT_WARNINGS,
                run.mart(AssessmentMarts.ASSESSMENT_WARNINGS.name())),
            period));
    summary.forEach(context.console()::println);
    return new StageResult(NAME, outputs, counts, summary);
  }

  /**
   * 平时与年度相结合: the routine assessment of the year's quarters (or months) — the newest routine period
   * up to the end of {@code year} — weighed into each annual score ({@link RoutineWeighting}); null
   * when zone_stats has no routine period up to then.
   */
  private Dataset<Row> weighted(
      SparkSession spark,
      RunLayout run,
      String methodology,
      String rulesLocation,
      String year,
      RoutineRules.AnnualWeighting weighting) {
    Dataset<Row> stats = StagedInputs.read(spark, run, Datasets.ZONE_STATS, true);
    Row newest =
        stats
            .filter(
                functions
                    .not(Periods.isAnnual(col("period")))
                    .and(col("period").lt(lit(String.valueOf(Integer.parseInt(year) + 1)))))
            .agg(max(col("period")))
            .first();
    if (newest.isNullAt(0)) {
      return null;
    }
    RunAssessment routine =
        RunAssessment.of(spark, run, scoring, methodology, rulesLocation, newest.getString(0));
    Dataset<Row> annual = ParquetRead.of(spark, run.mart(AssessmentMarts.ASSESSMENT.name()));
    AssessmentRules rules = routine.rules();
    return RoutineWeighting.apply(
        annual,
        routine.result().assessment(),
        weighting,
        rules.ranking().decimals(),
        rules.ranking().significantDigits());
  }

  /**
   * Joins the per-mu zone aggregates (亩均税收, 亩均增加值, A and D shares) as indicator columns when the
   * run has a {@code permu_zone} mart; the columns are null otherwise, and the methodology's
   * missing-data rule decides what that means.
   */
  static Dataset<Row> withPerMuIndicators(Dataset<Row> facts, SparkSession spark, RunLayout run) {
    String mart = run.mart(PerMuMarts.ZONE.name());
    Dataset<Row> out = facts;
    if (new Publisher(spark).exists(mart)) {
      Dataset<Row> wide =
          PerMuZoneIndicators.fromZones(ParquetRead.of(spark, mart))
              .groupBy("zone_code", "period")
              .pivot("indicator_code", List.of((Object[]) PER_MU_INDICATORS))
              .agg(functions.first(col("value")));
      out = out.join(wide, new String[] {"zone_code", "period"}, "left");
    }
    for (String c : PER_MU_INDICATORS) {
      if (!List.of(out.columns()).contains(c)) {
        out = out.withColumn(c, lit(null).cast("double"));
      }
    }
    return out;
  }

  static final String[] PER_MU_INDICATORS = {
    "permu_tax_per_mu", "permu_value_added_per_mu", "permu_share_a", "permu_share_d"
  };

  /**
   * {@code latest} → the newest annual period with final figures; anything else must be a period.
   */
  static String resolvePeriod(String requested, Dataset<Row> stats) {
    if (requested.equalsIgnoreCase("latest_ytd")) {
      Row ytd =
          stats
              .filter(functions.not(Periods.isAnnual(col("period"))))
              .agg(max(col("period")))
              .first();
      if (ytd.isNullAt(0)) {
        throw new IllegalArgumentException(
            "zone_stats has no quarterly or monthly (year-to-date) period");
      }
      return ytd.getString(0);
    }
    if (!requested.equalsIgnoreCase("latest")) {
      if (!requested.matches(Datasets.PERIOD_PATTERN)) {
        throw new IllegalArgumentException(
            "period '" + requested + "' is not yyyy, yyyyQn, yyyy-MM or latest");
      }
      return requested;
    }
    Row r =
        stats
            .filter(
                Periods.isAnnual(col("period"))
                    .and(coalesce(col("basis"), lit("final")).equalTo("final")))
            .agg(max(col("period")))
            .first();
    if (r.isNullAt(0)) {
      throw new IllegalArgumentException("zone_stats has no annual period with final figures");
    }
    return r.getString(0);
  }

  /** A tie-break dimension must exist in the methodology, or the rule would silently do nothing. */
  static void checkTieBreakDimensions(ScoredZones scored, AssessmentRules rules) {
    List<TieBreak> dims =
        rules.ranking().tieBreak().stream().filter(TieBreak::isDimension).toList();
    if (dims.isEmpty()) {
      return;
    }
    // methodology-sized: a handful of dimension codes
    Set<String> known = new TreeSet<>();
    for (Row r : scored.dimensions().select("dimension_code").distinct().collectAsList()) {
      known.add(r.getString(0));
    }
    for (TieBreak t : dims) {
      if (!known.contains(t.dimension())) {
        throw new SpecException(
            rules.source(),
            0,
            0,
            "ranking.tie_break names dimension '"
                + t.dimension()
                + "', which methodology "
                + scored.methodologyId()
                + " does not have (dimensions: "
                + String.join(", ", known)
                + ")");
      }
    }
  }

  private static void publish(
      Publisher publisher,
      RunLayout run,
      DatasetContract mart,
      Dataset<Row> data,
      Column[] order,
      Map<String, String> outputs,
      Map<String, Long> counts) {
    String uri = run.mart(mart.name());
    long rows =
        new MartWriter(data.sparkSession())
            .write(mart, data.repartition(1).sortWithinPartitions(order), uri);
    outputs.put(mart.name(), uri);
    counts.put(mart.name(), rows);
  }

  /**
   * The zones that moved up most in {@code period} (largest Δrank, then better rank, then code).
   */
  static List<String> topMovers(Dataset<Row> assessment, String period) {
    List<Row> rows =
        assessment
            .filter(col("period").equalTo(period).and(col("delta_rank").gt(0)))
            .orderBy(col("delta_rank").desc(), col("rank_all").asc(), col("zone_code").asc())
            .limit(TOP_MOVERS)
            .select("zone_code", "zone_name", "prev_rank_all", "rank_all", "delta_rank")
            .collectAsList();
    List<String> out = new ArrayList<>();
    out.add("top movers " + period + (rows.isEmpty() ? ": none" : ":"));
    int i = 1;
    for (Row r : rows) {
      out.add(
          String.format(
              Locale.ROOT,
              "  %d. %s (%s) %d → %d (+%d)",
              i++,
              r.getString(1),
              r.getString(0),
              r.getInt(2),
              r.getInt(3),
              r.getInt(4)));
    }
    return out;
  }

  /** Zones under a red or yellow warning in {@code period}, one line each. */
  static List<String> warnedZones(Dataset<Row> warnings, String period) {
    Dataset<Row> w =
        warnings.filter(col("period").equalTo(period).and(col("severity").isin("red", "yellow")));
    // Zone-count sized: one query fetches them all; the lines show the first few.
    List<Row> all =
        w.orderBy(col("zone_code"), col("rule_id")).select("message_zh").collectAsList();
    long total = all.size();
    List<Row> rows = all.subList(0, Math.min(all.size(), MAX_WARNING_LINES));
    List<String> out = new ArrayList<>();
    out.add("warnings " + period + ": " + total);
    rows.forEach(r -> out.add("  " + r.getString(0)));
    if (total > rows.size()) {
      out.add("  … and " + (total - rows.size()) + " more (assessment_warnings mart)");
    }
    return out;
  }
}
