package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;

class RerunTest extends SparkTestBase {
  @TempDir Path tmp;

  private final HistoryFixtures.SettableClock clock =
      new HistoryFixtures.SettableClock("2025-03-18T02:00:00Z");

  private PipelineRun.Result firstRun(List<String> configs) throws Exception {
    Path input = HistoryFixtures.inputFolder(tmp.resolve("in"), HistoryFixtures.ZONES_V1);
    return HistoryFixtures.ingestOnlyRun(spark, clock, input, tmp.resolve("root"), configs, false);
  }

  private Rerun.Outcome rerun(String runId) throws Exception {
    clock.set("2025-03-19T02:00:00Z");
    return new Rerun(spark, clock)
        .execute(
            tmp.resolve("root").toUri().toString(), runId, p -> List.of(), HistoryFixtures.quiet());
  }

  private String root() {
    return tmp.resolve("root").toUri().toString();
  }

  /**
   * One original run serves both promises (two pipeline runs and a reuse check instead of four
   * runs): the rerun reproduces every output hash, and a run on the unchanged inputs after it still
   * reuses the run LATEST names.
   */
  @Test
  void rerunByIdReproducesEveryOutputHashAndALaterRunReusesTheRunLatestNames() throws Exception {
    PipelineRun.Result first = firstRun(List.of());
    // The manifest lists each physical input with the SHA-256 of its bytes.
    RunManifest m = RunManifest.fromJson(new Publisher(spark).readText(first.run().manifest()));
    assertEquals(
        List.of(
            new RunManifest.Snapshot(
                "areas.csv", "areas", HistoryFixtures.sha256(HistoryFixtures.AREAS)),
            new RunManifest.Snapshot(
                "zones.csv", "zones", HistoryFixtures.sha256(HistoryFixtures.ZONES_V1))),
        m.snapshots());

    Rerun.Outcome o = rerun(first.runId());

    assertNotEquals(first.runId(), o.rerunId());
    assertTrue(o.rerunId().startsWith("20250319T020000Z-"), o.rerunId());
    Map<String, Rerun.Status> status =
        o.checks().stream()
            .collect(Collectors.toMap(Rerun.OutputCheck::name, Rerun.OutputCheck::status));
    assertEquals(m.outputs().size(), o.checks().size());
    assertEquals(Rerun.Status.MATCH, status.get("staging/zones"));
    assertEquals(Rerun.Status.MATCH, status.get("staging/areas"));
    assertEquals(Rerun.Status.MATCH, status.get("rejects/zones"));
    assertEquals(Rerun.Status.MATCH, status.get("validation/report.json"));
    assertTrue(o.allMatch(), String.join("\n", o.table()));
    // The staged data themselves are byte-identical: same hash in both manifests.
    RunManifest again =
        RunManifest.fromJson(
            new Publisher(spark).readText(RunLayout.published(root(), o.rerunId()).manifest()));
    assertEquals(hash(m, "staging/zones"), hash(again, "staging/zones"));

    // The rerun has the same fingerprint and a newer id; the nightly call on the same folder must
    // still reuse (and leave LATEST on) the run LATEST names.
    clock.set("2025-03-20T02:00:00Z");
    PipelineRun.Result nightly =
        HistoryFixtures.ingestOnlyRun(
            spark, clock, tmp.resolve("in"), tmp.resolve("root"), List.of(), false);
    assertTrue(nightly.reused());
    assertEquals(first.runId(), nightly.runId());
    assertEquals(
        first.runId() + "\n",
        Files.readString(tmp.resolve("root").resolve("LATEST"), StandardCharsets.UTF_8));
  }

  /**
   * A changed and a missing input snapshot, one after the other on one original run (the refusal
   * comes before anything runs, so one pipeline run serves both): each is refused with its own
   * message, and nothing is published.
   */
  @Test
  void changedOrMissingSnapshotIsRefused() throws Exception {
    PipelineRun.Result first = firstRun(List.of());

    // A changed byte in the stored zones file.
    String recorded = HistoryFixtures.sha256(HistoryFixtures.ZONES_V1);
    Path blob = tmp.resolve("root/snapshots/sha256/" + recorded);
    byte[] original = Files.readAllBytes(blob);
    byte[] bytes = original.clone();
    bytes[bytes.length - 2] = (byte) '9'; // "…,2006\n" becomes "…,2009\n"
    Files.write(blob, bytes);
    String changed = HistoryFixtures.sha256(bytes);

    RerunRefused e = assertThrows(RerunRefused.class, () -> rerun(first.runId()));

    assertEquals(
        "input snapshot changed: zones.csv (dataset zones) was recorded with sha256 "
            + recorded
            + " but the stored copy "
            + root()
            + "snapshots/sha256/"
            + recorded
            + " now has sha256 "
            + changed,
        e.getMessage());
    assertEquals(List.of(first.runId()), publishedRuns());

    // The zones file restored, the stored areas file gone.
    Files.write(blob, original);
    String areas = HistoryFixtures.sha256(HistoryFixtures.AREAS);
    Files.delete(tmp.resolve("root/snapshots/sha256/" + areas));

    RerunRefused missing = assertThrows(RerunRefused.class, () -> rerun(first.runId()));

    assertTrue(
        missing
            .getMessage()
            .startsWith("input snapshot missing: areas.csv (dataset areas, sha256 " + areas + ")"),
        missing.getMessage());
    assertEquals(List.of(first.runId()), publishedRuns());
  }

  @Test
  void changedMethodologyFileIsRefused() throws Exception {
    Path methodology = tmp.resolve("method.yaml");
    Files.writeString(methodology, "name: test\nweight: 0.5\n", StandardCharsets.UTF_8);
    PipelineRun.Result first = firstRun(List.of(methodology.toString()));
    Files.writeString(methodology, "name: test\nweight: 0.6\n", StandardCharsets.UTF_8);

    RerunRefused e = assertThrows(RerunRefused.class, () -> rerun(first.runId()));

    assertEquals(
        "configuration file changed: "
            + methodology
            + " was recorded with sha256 "
            + HistoryFixtures.sha256("name: test\nweight: 0.5\n")
            + " but now has sha256 "
            + HistoryFixtures.sha256("name: test\nweight: 0.6\n"),
        e.getMessage());
  }

  @Test
  void unknownRunIsRefused() {
    RerunRefused e = assertThrows(RerunRefused.class, () -> rerun("20990101T000000Z-00000000"));
    assertTrue(
        e.getMessage().startsWith("no published run 20990101T000000Z-00000000: "), e.getMessage());
  }

  private static String hash(RunManifest m, String output) {
    return m.outputs().stream()
        .filter(o -> o.name().equals(output))
        .findFirst()
        .orElseThrow()
        .sha256();
  }

  private List<String> publishedRuns() throws Exception {
    try (var s = Files.list(tmp.resolve("root/runs"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.startsWith("."))
          .sorted()
          .toList();
    }
  }
}
