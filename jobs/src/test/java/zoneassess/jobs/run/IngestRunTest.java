package zoneassess.jobs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.IngestCommand;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.testing.SparkTestBase;

/** The ingest command end to end: runs, manifest, snapshots, atomic publishing, determinism. */
class IngestRunTest extends SparkTestBase {
  static final String AREAS =
      "area_code,area_name,area_level,parent_code,region\n"
          + "320800,淮安市,city,,north\n"
          + "320812,清江浦区,county,320800,north\n";
  static final String ZONES =
      "zone_code,zone_name,city,city_code,level,region,zone_type,approved_area_km2\n"
          + "HA-HTZ,淮安高新技术产业开发区,淮安市,320800,national,north,high_tech,25\n"
          + "HA-ETDZ,淮安经济技术开发区,淮安市,320800,national,north,economic_technological,30.5\n";
  static final String STATS =
      "zone_code,period,indicator_code,value,unit\n"
          + "HA-HTZ,2025Q2,gdp,80,亿元\n"
          + "HA-ETDZ,2025Q2,gdp,900000,万元\n"
          + "HA-ETDZ,2025-06,gdp,x,亿元\n"
          + "HA-ETDZ,2025Q1,gdp,40,亿元\n";

  private static int run(String... args) {
    return new CommandLine(new IngestCommand()).execute(args);
  }

  private static void folder(Path in, String areas) throws IOException {
    Files.writeString(in.resolve("areas.csv"), areas, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("zones.csv"), ZONES, StandardCharsets.UTF_8);
    Files.writeString(in.resolve("zone_stats_2025.csv"), STATS, StandardCharsets.UTF_8);
  }

  private static List<String> list(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void twoRunsOfTheSameInputGiveIdenticalStagingAndAManifest(
      @TempDir Path in, @TempDir Path outA, @TempDir Path outB) throws IOException {
    folder(in, AREAS);
    assertEquals(0, run("--input", in.toString(), "--out", outA.toString()));
    assertEquals(0, run("--input", in.toString(), "--out", outB.toString()));

    String idA = Files.readString(outA.resolve("LATEST")).strip();
    String idB = Files.readString(outB.resolve("LATEST")).strip();
    assertTrue(idA.matches("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}"), idA);
    // Same inputs and parameters except the output root: the same fingerprint suffix.
    assertEquals(idA.substring(17), idB.substring(17));
    assertEquals(List.of(".inprogress", idA), list(outA.resolve("runs")));
    assertEquals(List.of(), list(outA.resolve("runs/.inprogress")));

    RunManifest a =
        RunManifest.fromJson(Files.readString(outA.resolve("runs/" + idA + "/manifest.json")));
    RunManifest b =
        RunManifest.fromJson(Files.readString(outB.resolve("runs/" + idB + "/manifest.json")));
    Map<String, String> hashA =
        a.outputs().stream()
            .collect(Collectors.toMap(RunManifest.Output::name, RunManifest.Output::sha256));
    Map<String, String> hashB =
        b.outputs().stream()
            .collect(Collectors.toMap(RunManifest.Output::name, RunManifest.Output::sha256));
    for (String d : List.of("areas", "zones", "zone_stats", "enterprises")) {
      assertEquals(hashA.get("staging/" + d), hashB.get("staging/" + d), d);
      assertEquals(hashA.get("rejects/" + d), hashB.get("rejects/" + d), d);
    }
    // And the hash in the manifest is the hash of the published folder.
    Publisher p = new Publisher(spark);
    assertEquals(
        p.sha256(outA.resolve("runs/" + idA + "/staging/zone_stats").toUri().toString()),
        hashA.get("staging/zone_stats"));
    assertTrue(
        a.outputs().stream()
            .allMatch(
                o -> o.uri().contains("/runs/" + idA + "/") && !o.uri().contains(".inprogress")));

    // Inputs: zone_stats_2025.csv has 4 rows, 3 accepted, 1 rejected ('x' is not a number).
    RunManifest.Input stats =
        a.inputs().stream()
            .filter(i -> i.file().equals("zone_stats_2025.csv"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        List.of(4L, 3L, 1L), List.of(stats.rowsRead(), stats.rowsAccepted(), stats.rowsRejected()));
    assertEquals(p.sha256(in.resolve("zone_stats_2025.csv").toUri().toString()), stats.sha256());
    assertEquals(Files.size(in.resolve("zone_stats_2025.csv")), stats.bytes());
    assertEquals("ingest", a.command());
    assertEquals(Map.of("input", Publisher.toUri(in.toString())), a.parameters());
    assertTrue(a.stageSeconds().containsKey("ingest"));
    assertTrue(a.sparkVersion().startsWith("4."));
    assertFalse(a.code().gitCommit().isBlank());

    // Snapshots: one content-addressed copy per input file, indexed once.
    assertEquals(
        List.of(stats.sha256()),
        list(outA.resolve("snapshots/sha256")).stream()
            .filter(n -> n.equals(stats.sha256()))
            .toList());
    List<String> index = Files.readAllLines(outA.resolve("snapshots/index.jsonl"));
    assertEquals(3, index.size());
    assertTrue(index.stream().anyMatch(l -> l.contains("\"file\":\"zone_stats_2025.csv\"")));

    // Staging of zone_stats is partitioned by period and sorted by key: 2025Q1, 2025Q2.
    assertEquals(
        List.of("period=2025Q1", "period=2025Q2"),
        list(outA.resolve("runs/" + idA + "/staging/zone_stats")));
    assertTrue(Files.exists(outA.resolve("runs/" + idA + "/validation/report.md")));
  }

  @Test
  void aMissingRequiredColumnStopsTheRunWithExitCode3AndLeavesNoRun(
      @TempDir Path in, @TempDir Path out) throws IOException {
    folder(in, "area_code,area_name,parent_code\n320800,淮安市,\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    int code;
    try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      System.setErr(ps);
      code = run("--input", in.toString(), "--out", out.toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(3, code);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("areas.csv: required column area_level (层级) is missing"), message);
    assertEquals(List.of(".inprogress"), list(out.resolve("runs")));
    assertEquals(List.of(), list(out.resolve("runs/.inprogress")));
    assertFalse(Files.exists(out.resolve("LATEST")));
  }

  @Test
  void runIdsAreTimePlusAFingerprintOfInputsAndParameters() {
    Instant t = Instant.parse("2025-09-18T07:05:09Z");
    String a = RunIds.create(t, List.of("aa", "bb"), Map.of("input", "file:/in"));
    String b = RunIds.create(t, List.of("bb", "aa"), Map.of("input", "file:/in"));
    String c = RunIds.create(t, List.of("aa", "bb"), Map.of("input", "file:/other"));
    assertTrue(a.startsWith("20250918T070509Z-"), a);
    assertEquals(a, b); // input order does not matter
    assertNotEquals(a, c);
  }

  @Test
  void abandonedRunLeavesNothing(@TempDir Path root) throws IOException {
    Publisher p = new Publisher(spark);
    RunLifecycle life = new RunLifecycle(p);
    var layout = life.begin(root.toUri().toString(), "20250101T000000Z-deadbeef");
    p.writeText(layout.validationDir() + "/report.json", "{}");
    life.abandon(layout);
    assertEquals(List.of(), list(root.resolve("runs/.inprogress")));
    assertFalse(Files.exists(root.resolve("runs/20250101T000000Z-deadbeef")));
  }
}
