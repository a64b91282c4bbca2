package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.assess.Frames.date;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.yaml.SpecException;

/**
 * The stage on a staged run of three zones over three years, scored by the test-only {@link
 * MeanMinMaxScoring} on gdp, with the shipped Jiangsu rules (progress 20 per share, cap 5; central
 * finding −0.3). Z1 is national; Z2, Z3 provincial.
 *
 * <pre>
 * gdp      2023  2024  2025      index (min-max × 100)   2023  2024  2025
 *   Z1     100   0     200                                100   0     100
 *   Z2     50    100   100                                50    100   50
 *   Z3     0     60    0                                  0     60    0
 * 2024 provisional: Z2 1, Z3 2, Z1 3; progress Z2 2→1: 1/2×20 = 10 → cap 5; Z3 3→2: 1/3×20 → 5
 *      final Z2 105, Z3 65, Z1 0
 * 2025 provisional: Z1 100 (1), Z2 50 (2), Z3 0 − 0.3 = −0.3 (3); progress Z1 3→1: 2/3×20 → 5
 *      final Z1 105 (1), Z2 50 (2), Z3 −0.3 (3); Δrank Z1 3→1 = +2, Z2 1→2 = −1, Z3 2→3 = −1
 * projects: Z2 one ¥2亿 start in 2024, no 重特大 (≥ 50 亿元; national ≥ 100 亿元) project anywhere.
 * industrial value added 2024 → 2025: Z1 +1 %, Z2 +10 %, Z3 +5 %; median 5 %: only Z1 grows
 * slowly (Z3's 5 % is not below the median), so the two-year rule fires for Z1 alone in 2025
 * (2024 has no 2023 value: no growth, not slow)
 * </pre>
 */
class AssessmentStageTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static RunLayout run;
  private static StageResult result;
  private static String console;

  @BeforeAll
  static void stageAndRun() throws Exception {
    run = RunLayout.published(tmp.toUri().toString(), "test-run");
    write(run, "zones", zones());
    write(run, "zone_stats", stats());
    write(run, "major_projects", projects());
    write(run, "zone_events", events());
    Path methodology = tmp.resolve("method.yaml");
    Files.writeString(
        methodology,
        "id: test\nrules: classpath:rules/jiangsu-2021-rules.yaml\n",
        StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StageContext ctx =
        new StageContext(
            spark,
            run,
            Map.of(
                AssessmentStage.PERIOD,
                "latest",
                AssessmentStage.METHODOLOGY,
                methodology.toString()),
            new PrintStream(out, true, StandardCharsets.UTF_8));
    result = new AssessmentStage(new MeanMinMaxScoring(List.of("gdp"))).execute(ctx);
    console = out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Staged like ingest does it: zone_stats partitioned by period (read back as integers by Spark).
   */
  private static void write(RunLayout run, String dataset, Dataset<Row> rows) {
    var contract = Datasets.get(dataset);
    var writer = spark.createDataFrame(rows.collectAsList(), ContractSchemas.of(contract)).write();
    if (contract.partitionBy().isPresent()) {
      writer = writer.partitionBy(contract.partitionBy().get());
    }
    writer.parquet(run.staging(dataset));
  }

  private static Dataset<Row> zones() {
    String ddl = ContractSchemas.of(Datasets.ZONES).toDDL();
    return df(
        spark,
        ddl,
        row(
            "Z1",
            "一号区",
            "淮安",
            "320800",
            "清江浦区",
            "320812",
            "north",
            "national",
            "high_tech",
            10.0,
            2000),
        row(
            "Z2",
            "二号区",
            "淮安",
            "320800",
            "淮安区",
            "320803",
            "north",
            "provincial",
            "industrial_park",
            5.0,
            2005),
        row(
            "Z3",
            "三号区",
            "南京",
            "320100",
            "江宁区",
            "320115",
            "south",
            "provincial",
            "industrial_park",
            5.0,
            2006));
  }

  private static Dataset<Row> stats() {
    String ddl = ContractSchemas.of(Datasets.ZONE_STATS).toDDL();
    Object[][] rows = {
      row("Z1", "2023", "gdp", 100.0, "亿元", null, "final"),
      row("Z2", "2023", "gdp", 50.0, "亿元", null, "final"),
      row("Z3", "2023", "gdp", 0.0, "亿元", null, "final"),
      row("Z1", "2024", "gdp", 0.0, "亿元", null, "final"),
      row("Z2", "2024", "gdp", 100.0, "亿元", null, "final"),
      row("Z3", "2024", "gdp", 60.0, "亿元", null, "final"),
      row("Z1", "2025", "gdp", 200.0, "亿元", null, null),
      row("Z2", "2025", "gdp", 100.0, "亿元", null, null),
      row("Z3", "2025", "gdp", 0.0, "亿元", null, null),
      row("Z1", "2024", "industrial_value_added", 100.0, "亿元", null, "final"),
      row("Z2", "2024", "industrial_value_added", 100.0, "亿元", null, "final"),
      row("Z3", "2024", "industrial_value_added", 100.0, "亿元", null, "final"),
      row("Z1", "2025", "industrial_value_added", 101.0, "亿元", null, null),
      row("Z2", "2025", "industrial_value_added", 110.0, "亿元", null, null),
      row("Z3", "2025", "industrial_value_added", 105.0, "亿元", null, null)
    };
    return df(spark, ddl, rows);
  }

  private static Dataset<Row> projects() {
    return df(
        spark,
        ContractSchemas.of(Datasets.MAJOR_PROJECTS).toDDL(),
        row(
            "P1",
            "二亿项目",
            "Z2",
            2.0,
            null,
            null,
            date("2024-01-10"),
            date("2024-05-01"),
            null,
            null,
            "under_construction"));
  }

  private static Dataset<Row> events() {
    return df(
        spark,
        ContractSchemas.of(Datasets.ZONE_EVENTS).toDDL(),
        row("Z3", date("2025-06-01"), "inspection_central", 1, null));
  }

  @Test
  void publishesTheFiveMartsWithCounts() {
    assertEquals(
        AssessmentMarts.ALL.stream().map(c -> c.name()).toList(),
        List.copyOf(result.outputs().keySet()));
    assertEquals(9L, result.counts().get("assessment")); // 3 zones × 3 years
    assertEquals(5L, result.counts().get("project_funnel")); // Z2 2024: four tiers + 合计
    Dataset<Row> a = spark.read().parquet(run.mart("assessment"));
    assertEquals(AssessmentMarts.ASSESSMENT.columnNames(), List.of(a.columns()));
  }

  @Test
  void scoresRanksAndProgressFromTheStagedRun() {
    Map<String, Row> r =
        Frames.byKey(spark.read().parquet(run.mart("assessment")), "zone_code", "period");
    assertEquals(105.0, r.get("Z2|2024").<Double>getAs("final_score"), 1e-9);
    assertEquals(65.0, r.get("Z3|2024").<Double>getAs("final_score"), 1e-9);
    assertEquals(105.0, r.get("Z1|2025").<Double>getAs("final_score"), 1e-9);
    assertEquals(-0.3, r.get("Z3|2025").<Double>getAs("final_score"), 1e-9);
    assertEquals(1, (int) r.get("Z1|2025").getAs("rank_all"));
    assertEquals(2, (int) r.get("Z1|2025").getAs("delta_rank"));
    assertEquals("jiangsu-2021-rules", r.get("Z1|2025").getAs("rules_id"));
    assertEquals("test-mean-minmax", r.get("Z1|2025").getAs("methodology_id"));
    // rank 1 -> 第一档 1.2, demoted one tier for the 2024–2025 drought -> 第二档 1.1
    assertEquals("第二档", r.get("Z1|2025").getAs("tier"));
    assertEquals(1.1, r.get("Z1|2025").<Double>getAs("salary_coefficient"), 1e-9);
    assertNull(r.get("Z1|2025").getAs("veto_reason"));
  }

  @Test
  void summaryListsTopMoversAndWarnings() {
    List<String> s = result.summary();
    assertEquals("top movers 2025:", s.get(1));
    assertEquals("  1. 一号区 (Z1) 3 → 1 (+2)", s.get(2));
    assertTrue(console.contains("  1. 一号区 (Z1) 3 → 1 (+2)"), console);
    // 2025 red/yellow warnings: Z1 drought, national exit (the only national zone is in the bottom
    // 5 in 2024 and 2025); Z2 delisting (2 provincial zones, both in the bottom 3 every year);
    // Z3 deduction, delisting (no drought: it grew 5 %, not below the median) -> 5
    assertEquals("warnings 2025: 5", s.get(3));
    assertTrue(s.contains("  三号区：2025期间中央环保督察等发现问题1项，扣0.30分"), String.join("\n", s));
  }

  @Test
  void unknownPeriodAndMissingRulesAreReported() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AssessmentStage.resolvePeriod(
                    "2025-13", spark.read().parquet(run.staging("zone_stats"))));
    assertTrue(
        e.getMessage().contains("'2025-13' is not yyyy, yyyyQn, yyyy-MM or latest"),
        e.getMessage());
    Path m = tmp.resolve("norules.yaml");
    SpecException s =
        assertThrows(
            SpecException.class,
            () -> {
              Files.writeString(m, "id: x\n", StandardCharsets.UTF_8);
              RulesReference.fromMethodology(m.toString());
            });
    assertTrue(
        s.getMessage().startsWith(m + ":1:1: the methodology names no rules file"), s.getMessage());
  }

  @Test
  void relativeRulesReferencesResolveAgainstTheMethodology() {
    assertEquals(
        "classpath:rules/x.yaml",
        RulesReference.resolve("classpath:methodologies/m.yaml", "../rules/x.yaml"));
    assertEquals("/data/cfg/rules.yaml", RulesReference.resolve("/data/cfg/m.yaml", "rules.yaml"));
    assertEquals("rules.yaml", RulesReference.resolve("m.yaml", "rules.yaml"));
    assertEquals(
        "classpath:rules/y.yaml", RulesReference.resolve("/a/m.yaml", "classpath:rules/y.yaml"));
  }
}
