package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.DerivedRun;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;

/**
 * A stage re-executed on a published run writes a derived run: the parent's files never change,
 * shared outputs keep the parent's hashes, and a failing stage or a mart that breaks its contract
 * publishes nothing.
 *
 * <p>Both tests derive from one parent run (one pipeline run, not two): the failures first, as they
 * must leave the parent's root as they found it, then the derived run that is published.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DerivedRunTest extends SparkTestBase {
  @TempDir static Path tmp;
  private static Path root;
  private static PipelineRun.Result parent;

  @BeforeAll
  static void parentRun() throws Exception {
    root = tmp.resolve("root");
    Path input = HistoryFixtures.inputFolder(tmp.resolve("in"), HistoryFixtures.ZONES_V1);
    parent =
        HistoryFixtures.ingestOnlyRun(
            spark,
            new HistoryFixtures.SettableClock("2025-03-18T02:00:00Z"),
            input,
            root,
            List.of(),
            false);
  }

  private static final DatasetContract ZONES_PER_CITY =
      DatasetContract.builder("zones_per_city")
          .column(ColumnSpec.builder("city", ColumnType.STRING).required())
          .column(ColumnSpec.builder("zones", ColumnType.LONG).required())
          .key("city")
          .build();

  /** Counts the staged zones per city into a mart; {@code twice} duplicates every row. */
  private record ZonesPerCity(boolean twice) implements Stage {
    @Override
    public String name() {
      return "zones-per-city";
    }

    @Override
    public StageResult execute(StageContext context) {
      Dataset<Row> counts =
          context
              .spark()
              .read()
              .parquet(context.run().staging("zones"))
              .groupBy("city")
              .count()
              .withColumnRenamed("count", "zones");
      if (twice) {
        counts = counts.unionAll(counts);
      }
      String uri = context.run().mart(ZONES_PER_CITY.name());
      long n = new MartWriter(context.spark()).write(ZONES_PER_CITY, counts.coalesce(1), uri);
      return new StageResult(
          name(), Map.of(ZONES_PER_CITY.name(), uri), Map.of(ZONES_PER_CITY.name(), n), List.of());
    }
  }

  private record Failing() implements Stage {
    @Override
    public String name() {
      return "failing";
    }

    @Override
    public StageResult execute(StageContext context) {
      throw new IllegalStateException("the stage failed half-way");
    }
  }

  @Test
  @Order(2)
  void derivedRunSharesTheParentsFilesAndLeavesThemUnchanged() throws Exception {
    String rootUri = root.toUri().toString();
    String x = parent.runId();
    Map<String, String> before = fileHashes(root.resolve("runs/" + x));

    DerivedRun.Result d =
        new DerivedRun(spark)
            .execute(
                rootUri,
                x,
                "zones-per-city",
                List.of(new Pipeline.Step(new ZonesPerCity(false), Map.of())),
                List.of(),
                HistoryFixtures.quiet());

    assertEquals(before, fileHashes(root.resolve("runs/" + x)));
    assertEquals(x + "\n", Files.readString(root.resolve("LATEST"), StandardCharsets.UTF_8));
    Publisher publisher = new Publisher(spark);
    RunManifest p = RunManifest.fromJson(publisher.readText(parent.run().manifest()));
    RunManifest m = RunManifest.fromJson(publisher.readText(d.run().manifest()));
    assertEquals(
        new RunManifest.Derivation(x, "zones-per-city", List.of("zones-per-city")),
        m.derivedFrom());
    assertEquals(p.outputs().size() + 1, m.outputs().size());
    for (RunManifest.Output o : p.outputs()) {
      RunManifest.Output shared = m.output(o.name());
      assertEquals(x, shared.sharedFrom(), o.name());
      assertEquals(o.sha256(), shared.sha256(), o.name());
      assertEquals(o.sha256(), publisher.sha256(shared.uri()), o.name());
    }
    RunManifest.Output made = m.output("zones_per_city");
    assertNull(made.sharedFrom());
    // 淮安市 has three zones in the fixture.
    assertEquals(1, spark.read().parquet(made.uri()).filter("city = '淮安市' and zones = 3").count());

    RerunRefused refused =
        assertThrows(
            RerunRefused.class,
            () ->
                new Rerun(spark)
                    .execute(rootUri, d.runId(), params -> List.of(), HistoryFixtures.quiet()));
    assertEquals(
        "run "
            + d.runId()
            + " was derived from run "
            + x
            + " by 'zones-per-city': rerun "
            + x
            + ", then repeat the command on the result",
        refused.getMessage());
  }

  @Test
  @Order(1)
  void failingStageOrBrokenContractPublishesNothing() throws Exception {
    String rootUri = root.toUri().toString();
    String x = parent.runId();
    Map<String, String> before = fileHashes(root.resolve("runs/" + x));

    IllegalStateException failed =
        assertThrows(
            IllegalStateException.class,
            () ->
                new DerivedRun(spark)
                    .execute(
                        rootUri,
                        x,
                        "failing",
                        List.of(new Pipeline.Step(new Failing(), Map.of())),
                        List.of(),
                        HistoryFixtures.quiet()));
    assertEquals("the stage failed half-way", failed.getMessage());

    MartWriter.ContractViolation broken =
        assertThrows(
            MartWriter.ContractViolation.class,
            () ->
                new DerivedRun(spark)
                    .execute(
                        rootUri,
                        x,
                        "zones-per-city",
                        List.of(new Pipeline.Step(new ZonesPerCity(true), Map.of())),
                        List.of(),
                        HistoryFixtures.quiet()));
    assertEquals(
        "mart zones_per_city breaks its contract: rule key_unique (city): 1 key on more than one"
            + " row, first keys (city): (淮安市)",
        broken.getMessage());

    assertEquals(before, fileHashes(root.resolve("runs/" + x)));
    try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
      assertEquals(
          List.of(".inprogress", x),
          runs.map(r -> r.getFileName().toString()).sorted().toList(),
          "no derived run published");
    }
    try (Stream<Path> left = Files.list(root.resolve("runs/.inprogress"))) {
      assertEquals(0, left.count(), "the failed runs' folders are removed");
    }
    try (Stream<Path> logs = Files.list(root.resolve("logs"))) {
      assertTrue(
          logs.anyMatch(
              l -> {
                try {
                  return Files.readString(l, StandardCharsets.UTF_8)
                      .contains("failed: java.lang.IllegalStateException: the stage failed");
                } catch (java.io.IOException e) {
                  return false;
                }
              }),
          "the failed derived run left its log");
    }
    assertTrue(Files.notExists(root.resolve(".lock")));
  }

  private static Map<String, String> fileHashes(Path dir) throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(f).toString(),
            HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    }
    return out;
  }
}
