package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuZoneIndicators;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.routine.RoutineSpec;
import zoneassess.schema.routine.RoutineSpecLoader;
import zoneassess.schema.rules.AssessmentRules;
import zoneassess.schema.rules.RulesLoader;

/**
 * The assessment of a run's staged inputs under one methodology, exactly as the assess stage
 * computes it before publishing: {@link ZoneFacts} (every annual period up to the assessed one, or
 * the year-to-date pair) with the per-mu indicators, scored by a {@link ZoneScoring}, rules
 * applied. Shared by {@link AssessmentStage} and the methodology comparison, so both rank zones
 * alike.
 *
 * @param period the resolved assessed period
 * @param rules the rules applied
 * @param scored the engine's scores
 * @param result the assessment marts (unsorted)
 * @param projects the staged {@code major_projects}
 * @param facts the zone facts scored
 * @param carried for a routine period: the carried stock values and their source periods; null for
 *     an annual period
 */
public record RunAssessment(
    String period,
    AssessmentRules rules,
    ScoredZones scored,
    ZoneAssessment.AssessmentResult result,
    Dataset<Row> projects,
    Dataset<Row> facts,
    Dataset<Row> carried) {

  /**
   * @param requestedPeriod {@code latest}, {@code latest_ytd} or a period (see {@link
   *     AssessmentStage})
   * @param methodology methodology location
   * @param rulesLocation rules location; null = the methodology's {@code rules:} reference
   */
  public static RunAssessment of(
      SparkSession spark,
      RunLayout run,
      ZoneScoring scoring,
      String methodology,
      String rulesLocation,
      String requestedPeriod) {
    AssessmentRules rules =
        RulesLoader.load(
            rulesLocation != null ? rulesLocation : RulesReference.fromMethodology(methodology));
    Dataset<Row> stats = StagedInputs.read(spark, run, Datasets.ZONE_STATS, true);
    Dataset<Row> zones = StagedInputs.read(spark, run, Datasets.ZONES, true);
    Dataset<Row> projects = StagedInputs.read(spark, run, Datasets.MAJOR_PROJECTS, false);
    Dataset<Row> events = StagedInputs.read(spark, run, Datasets.ZONE_EVENTS, false);
    String period = AssessmentStage.resolvePeriod(requestedPeriod, stats);

    Dataset<Row> facts =
        AssessmentStage.withPerMuIndicators(
            ZoneFacts.build(stats, zones, projects, period), spark, run);
    Dataset<Row> carried = null;
    if (!Periods.isAnnual(period)) {
      RoutineSpec spec = RoutineSpecLoader.fromMethodology(methodology);
      String perMu = run.mart(PerMuMarts.ZONE.name());
      Dataset<Row> perMuLong =
          new Publisher(spark).exists(perMu)
              ? PerMuZoneIndicators.fromZones(ParquetRead.of(spark, perMu))
              : null;
      RoutineFacts.Carried c =
          RoutineFacts.carry(facts, RoutineFacts.sources(stats, perMuLong, spec.carried()), spec);
      facts = c.facts();
      carried = c.sources().localCheckpoint();
    }
    facts = facts.localCheckpoint();
    if (facts.filter(col("period").equalTo(period)).isEmpty()) {
      throw new IllegalArgumentException(
          "zone_stats has no "
              + (Periods.isAnnual(period) ? "final" : "year-to-date")
              + " figures for period "
              + period);
    }
    ScoredZones scored = scoring.score(facts, methodology);
    AssessmentStage.checkTieBreakDimensions(scored, rules);
    return new RunAssessment(
        period,
        rules,
        scored,
        ZoneAssessment.assess(facts, scored, events, rules),
        projects,
        facts,
        carried);
  }
}
