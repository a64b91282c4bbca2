package zoneassess.jobs.routine;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.permu.PerMuStage;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.sample.SampleProvince;
import zoneassess.jobs.sample.SampleScale;
import zoneassess.jobs.sample.SampleSpec;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;

/**
 * A routine run on the small sample for its latest quarter (2025Q3): no indicator null for every
 * zone, no zone that reported a year earlier classed 新进入, rank progress against 2025Q2 and 2024Q3
 * in the routine scoreboard.
 */
class RoutineSampleRunTest extends SparkTestBase {
  @TempDir static Path tmp;
  static RunLayout run;

  @BeforeAll
  static void routineRun() throws Exception {
    Path input = tmp.resolve("sample");
    SampleProvince.generate(spark, new SampleSpec(42, SampleScale.SMALL), input.toString());
    String methodology = "classpath:methodologies/jiangsu-2021.yaml";
    List<Pipeline.Step> stages =
        List.of(
            new Pipeline.Step(new PerMuStage(), Map.of(PerMuStage.PARAM_YEAR, "2025")),
            new Pipeline.Step(
                new AssessmentStage(new EngineZoneScoring()),
                Map.of(
                    AssessmentStage.PERIOD,
                    "latest_ytd",
                    AssessmentStage.METHODOLOGY,
                    methodology)),
            new Pipeline.Step(
                new RoutineStage(), Map.of(RoutineStage.PARAM_METHODOLOGY, methodology)));
    PipelineRun.Request req =
        new PipelineRun.Request(
            input.toUri().toString(),
            tmp.resolve("root").toUri().toString(),
            stages,
            Map.of("period", "latest", "mode", "routine", "methodology", methodology),
            List.of(methodology),
            0.05,
            false);
    run = new PipelineRun(spark).execute(req, System.out).run();
  }

  private static Dataset<Row> mart(String name) {
    return spark.read().parquet(run.mart(name));
  }

  @Test
  void noIndicatorIsNullForEveryZoneInTheLatestQuarter() {
    Dataset<Row> ind = mart("assessment_indicators").filter(col("period").equalTo("2025Q3"));
    List<Row> allNull =
        ind.groupBy("indicator_code")
            .agg(org.apache.spark.sql.functions.count(col("raw_value")).as("n"))
            .filter(col("n").equalTo(0))
            .collectAsList();
    assertTrue(allNull.isEmpty(), "all-null indicators: " + allNull);
    assertTrue(ind.count() > 0);
  }

  @Test
  void noZoneReportedAYearEarlierIsNew() {
    Dataset<Row> a = mart("assessment");
    long zones = a.filter(col("period").equalTo("2025Q3")).count();
    long prev = a.filter(col("period").equalTo("2024Q3")).count();
    assertTrue(zones > 0 && prev > 0, zones + " / " + prev);
    List<Row> wrongNew =
        a.filter(col("period").equalTo("2025Q3").and(col("progress_class").equalTo("新进入")))
            .join(
                a.filter(col("period").equalTo("2024Q3").and(col("rank_all").isNotNull()))
                    .select("zone_code"),
                "zone_code")
            .collectAsList();
    assertTrue(wrongNew.isEmpty(), "wrongly 新进入: " + wrongNew);
  }

  @Test
  void scoreboardHasRankProgressAgainstPreviousQuarterAndAYearEarlier() {
    Dataset<Row> s = mart("routine_scoreboard");
    List<Row> rows = s.collectAsList();
    assertTrue(!rows.isEmpty());
    for (Row r : rows) {
      assertEquals("2025Q3", r.getAs("period"));
      assertEquals("2025Q2", r.getAs("prev_period"));
      assertEquals("2024Q3", r.getAs("prev_year_period"));
    }
    // every zone ranked now, in 2025Q2 and in 2024Q3 has both comparisons (a vetoed zone has none)
    Dataset<Row> a = mart("assessment").filter(col("rank_all").isNotNull());
    long rankedInAll =
        a.filter(col("period").equalTo("2025Q3"))
            .select("zone_code")
            .intersect(a.filter(col("period").equalTo("2025Q2")).select("zone_code"))
            .intersect(a.filter(col("period").equalTo("2024Q3")).select("zone_code"))
            .count();
    long withBoth =
        s.filter(col("delta_rank_period").isNotNull().and(col("delta_rank_year").isNotNull()))
            .count();
    assertTrue(rankedInAll > 100, "ranked in all three periods: " + rankedInAll);
    assertEquals(rankedInAll, withBoth, "zones without both rank comparisons");
    // the carried stock is recorded with its source: developed land of 2025 quarters from 2024
    Dataset<Row> carried =
        mart("routine_indicators")
            .filter(
                col("period")
                    .equalTo("2025Q3")
                    .and(col("indicator_code").equalTo("developed_land"))
                    .and(col("value").isNotNull()));
    assertTrue(carried.count() > 0);
    assertEquals(
        List.of("2024"),
        carried.select("source_period").distinct().collectAsList().stream()
            .map(r -> r.getString(0))
            .toList());
  }
}
