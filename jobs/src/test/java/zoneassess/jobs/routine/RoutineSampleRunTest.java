package zoneassess.jobs.routine;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.anomaly.AnomalyStage;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.permu.PerMuStage;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.report.ReportStage;
import zoneassess.jobs.sample.SampleResult;
import zoneassess.jobs.testing.SmallSample;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.anomaly.AnomalyChecksLoader;
import zoneassess.schema.layout.RunLayout;

/**
 * A routine run on the small sample for its latest quarter (2025Q3): no indicator null for every
 * zone, no zone that reported a year earlier classed 新进入, rank progress against 2025Q2 and 2024Q3
 * in the routine scoreboard.
 */
class RoutineSampleRunTest extends SparkTestBase {
  @TempDir static Path tmp;
  static RunLayout run;
  static SampleResult sample;

  @BeforeAll
  static void routineRun() throws Exception {
    // A copy of the small sample generated once per test JVM (the run gets its own folder).
    Path input = SmallSample.copyTo(spark, tmp.resolve("sample"));
    sample = SmallSample.result(spark);
    String methodology = "classpath:methodologies/jiangsu-2021.yaml";
    List<Pipeline.Step> stages =
        List.of(
            new Pipeline.Step(
                new AnomalyStage(), Map.of(AnomalyStage.PARAM_CHECKS, AnomalyChecksLoader.DEFAULT)),
            new Pipeline.Step(new PerMuStage(), Map.of(PerMuStage.PARAM_YEAR, "2025")),
            new Pipeline.Step(
                new AssessmentStage(new EngineZoneScoring()),
                Map.of(
                    AssessmentStage.PERIOD,
                    "latest_ytd",
                    AssessmentStage.METHODOLOGY,
                    methodology)),
            new Pipeline.Step(
                new RoutineStage(), Map.of(RoutineStage.PARAM_METHODOLOGY, methodology)),
            new Pipeline.Step(new ReportStage(), Map.of("packs", "routine")));
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
    s.groupBy("mark", "behind_pace", "falling_indicators").count().orderBy("mark").show(100);
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

  @Test
  void everyPlantedAnomalyIsReportedWithItsNumbers() throws Exception {
    List<Row> found =
        mart("input_anomalies").orderBy("rule_id", "unit_key", "period").collectAsList();
    found.forEach(r -> System.out.println("anomaly: " + r));
    Pattern planted =
        Pattern.compile("planted input anomaly \\(check (\\w+).*?(\\S+)/(\\d{4}(?:Q\\d)?)/(\\w+)");
    int checked = 0;
    java.util.Set<String> plantedSeries = new java.util.TreeSet<>();
    for (String note : sample.notes()) {
      Matcher m = planted.matcher(note);
      if (!m.find()) {
        continue;
      }
      checked++;
      plantedSeries.add(m.group(2) + "/" + m.group(4));
      boolean reported =
          found.stream()
              .anyMatch(
                  r ->
                      r.getAs("rule_id").equals(m.group(1))
                          && r.getAs("unit_key").equals(m.group(2))
                          && r.getAs("period").equals(m.group(3))
                          && r.getAs("indicator_code").equals(m.group(4))
                          && r.getAs("value") != null
                          && (r.getAs("rule").equals("round_number")
                              || r.getAs("previous_value") != null));
      assertTrue(reported, "not reported: " + note);
    }
    assertEquals(5, checked, "planted anomalies in the notes");
    // nothing else: every finding is on a planted zone and indicator (the sample is otherwise
    // clean)
    for (Row r : found) {
      assertTrue(
          plantedSeries.contains(r.getAs("unit_key") + "/" + r.getAs("indicator_code")),
          "finding outside the planted anomalies: " + r);
    }
    String report =
        Files.readString(Path.of(java.net.URI.create(run.validationDir() + "/report.md")));
    assertTrue(report.contains("## Input anomalies (warnings)"), report);
  }

  @Test
  void theRoutinePackIsOnePageOfMarks() throws Exception {
    Path pack = Path.of(java.net.URI.create(run.packs() + "/routine-2025Q3.xlsx"));
    // kept under target/ to look at (LibreOffice → PDF, docs/packs.md)
    Path keep = Path.of("target", "routine-pack");
    Files.createDirectories(keep);
    Files.copy(
        pack, keep.resolve(pack.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(Files.newInputStream(pack))) {
      assertEquals(1, wb.getNumberOfSheets());
      var sh = wb.getSheetAt(0);
      assertEquals("平时监测", sh.getSheetName());
      assertTrue(sh.getRow(0).getCell(0).getStringCellValue().contains("平时监测红黄蓝榜（2025Q3）"));
      String subtitle = sh.getRow(1).getCell(0).getStringCellValue();
      long red = mart("routine_scoreboard").filter(col("mark").equalTo("red")).count();
      assertTrue(subtitle.contains("红 " + red + "、"), subtitle);
      assertTrue(subtitle.contains("输入数据异常核查"), subtitle);
      assertEquals("标记", sh.getRow(3).getCell(0).getStringCellValue());
      assertEquals("红", sh.getRow(4).getCell(0).getStringCellValue());
    }
  }
}
