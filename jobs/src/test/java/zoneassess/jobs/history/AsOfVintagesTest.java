package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Two vintages of the same period: the zones file as first sent on 18 March (金湖 12 km²) and as
 * revised on 18 April (14 km²). Runs as of a date see the data as known on that date.
 */
class AsOfVintagesTest extends SparkTestBase {
  @TempDir static Path tmp;

  private static final HistoryFixtures.SettableClock clock =
      new HistoryFixtures.SettableClock("2025-03-18T02:00:00Z");
  private static SnapshotStore store;

  @BeforeAll
  static void ingestTwoVintages() throws Exception {
    Path root = tmp.resolve("root");
    HistoryFixtures.ingestOnlyRun(
        spark,
        clock,
        HistoryFixtures.inputFolder(tmp.resolve("march"), HistoryFixtures.ZONES_V1),
        root,
        List.of(),
        false);
    clock.set("2025-04-18T02:00:00Z");
    HistoryFixtures.ingestOnlyRun(
        spark,
        clock,
        HistoryFixtures.inputFolder(tmp.resolve("april"), HistoryFixtures.ZONES_V2),
        root,
        List.of(),
        false);
    store = new SnapshotStore(new Publisher(spark), root.toUri().toString());
  }

  @Test
  void asOfPicksTheNewestVintageKnownOnThatDate() {
    String v1 = HistoryFixtures.sha256(HistoryFixtures.ZONES_V1);
    String v2 = HistoryFixtures.sha256(HistoryFixtures.ZONES_V2);
    String areas = HistoryFixtures.sha256(HistoryFixtures.AREAS);
    // 31 March: only the March ingestion is known. The whole day of 18 April includes the revision.
    assertEquals(
        Map.of("areas.csv", areas, "zones.csv", v1),
        files(store.asOf(LocalDate.parse("2025-03-31"))));
    assertEquals(
        Map.of("areas.csv", areas, "zones.csv", v1),
        files(store.asOf(LocalDate.parse("2025-04-17"))));
    assertEquals(
        Map.of("areas.csv", areas, "zones.csv", v2),
        files(store.asOf(LocalDate.parse("2025-04-18"))));
    assertEquals(Map.of("areas.csv", areas, "zones.csv", v2), files(store.asOf(null)));
  }

  /**
   * Each as-of run gives its vintage's results, adds no vintage and leaves LATEST at the newest
   * inputs, whether it runs anew (--force) or reuses the run of that vintage. The forced runs serve
   * both the results and the LATEST checks (three pipeline runs, not four).
   */
  @Test
  void asOfRunsGiveEachVintagesResultsAddNoVintagesAndLeaveLatest() throws Exception {
    Path latest = tmp.resolve("root/LATEST");
    String before = Files.readString(latest, StandardCharsets.UTF_8);
    clock.set("2025-05-01T02:00:00Z");
    PipelineRun.Result march = asOfRun("2025-03-31");
    assertEquals(12.0, jinhuArea(march), 0.0);
    assertEquals(before, Files.readString(latest, StandardCharsets.UTF_8), "a new as-of run");
    assertNotEquals(before.strip(), march.runId());
    clock.set("2025-05-01T03:00:00Z");
    PipelineRun.Result april = asOfRun("2025-04-30");
    assertEquals(14.0, jinhuArea(april), 0.0);
    assertEquals(before, Files.readString(latest, StandardCharsets.UTF_8), "a new as-of run");
    // The March as-of run on 1 May replayed stored files; had it recorded them as a new vintage,
    // the data as known on 1 May would be March's again.
    assertEquals(
        HistoryFixtures.sha256(HistoryFixtures.ZONES_V2),
        files(store.asOf(LocalDate.parse("2025-05-01"))).get("zones.csv"));

    // Without --force an as-of run reuses the run of that vintage: LATEST must not follow it.
    clock.set("2025-05-02T02:00:00Z");
    List<RunManifest.Snapshot> vintage = store.asOf(LocalDate.parse("2025-03-31"));
    PipelineRun.Result reused =
        new PipelineRun(spark, clock)
            .execute(
                new PipelineRun.Request(
                    store.rebuild(vintage),
                    tmp.resolve("root").toUri().toString(),
                    List.of(),
                    Map.of("period", "2024"),
                    List.of(),
                    1.0,
                    false,
                    vintage),
                HistoryFixtures.quiet());
    assertTrue(reused.reused());
    assertNotEquals(before.strip(), reused.runId());
    assertEquals(before, Files.readString(latest, StandardCharsets.UTF_8), "a reused as-of run");
  }

  @Test
  void dateBeforeAnyIngestionIsRefused() {
    RerunRefused e =
        assertThrows(RerunRefused.class, () -> store.asOf(LocalDate.parse("2025-03-17")));
    assertEquals(
        "no input was ingested on or before 2025-03-17 under "
            + tmp.resolve("root").toUri().toString().replaceAll("/$", ""),
        e.getMessage());
  }

  private static PipelineRun.Result asOfRun(String date) throws Exception {
    List<RunManifest.Snapshot> vintage = store.asOf(LocalDate.parse(date));
    PipelineRun.Request req =
        new PipelineRun.Request(
            store.rebuild(vintage),
            tmp.resolve("root").toUri().toString(),
            List.of(),
            Map.of("period", "2024"),
            List.of(),
            1.0,
            true,
            vintage);
    return new PipelineRun(spark, clock).execute(req, HistoryFixtures.quiet());
  }

  private double jinhuArea(PipelineRun.Result r) {
    List<Row> rows =
        spark
            .read()
            .parquet(r.run().staging("zones"))
            .where("zone_code = 'JH-EDZ'")
            .select("approved_area_km2")
            .collectAsList();
    assertEquals(1, rows.size());
    return rows.get(0).getDouble(0);
  }

  private static Map<String, String> files(List<RunManifest.Snapshot> s) {
    java.util.Map<String, String> m = new java.util.TreeMap<>();
    s.forEach(x -> m.put(x.file(), x.sha256()));
    return m;
  }
}
