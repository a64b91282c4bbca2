package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.allocation.AllocationDiff;
import zoneassess.jobs.allocation.AllocationStage;
import zoneassess.jobs.allocation.DerivedAllocationRun;
import zoneassess.jobs.cli.AllocateCommand;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;

/**
 * The what-if of {@code zoneassess allocate}: a published run (per-mu and the Huai'an allocation)
 * and the Zhejiang-style policy with another land quota as a derived run. Lives next to {@link
 * PerMuFixtures}, whose staged firms it uses.
 *
 * <p>Eleven firms F01 … F11 in one county and zone (HA-ETDZ), 2023 and 2024 alike: land 10 亩, tax
 * 12 − i 万元, revenue 10 × tax, energy 50 吨标煤, electricity 100 万kWh, water 10, gas 5, sewage 8 万m³.
 * Every item grows with the tax, so F01 ranks first and F11 last; with 11 firms the bands give A
 * F01–F02, B F03–F07, C F08–F10, D F11 (docs/per-mu.md), and F11 is in D for the second year in
 * 2024. One signed 60 亿元 project in HA-ETDZ.
 */
class DerivedAllocationRunTest extends SparkTestBase {
  @TempDir static Path tmp;
  static String root;
  static RunLayout parent;
  static DerivedAllocationRun.Outcome outcome;
  static Map<String, String> parentFilesBefore;

  @BeforeAll
  static void publishParentAndDerive() throws Exception {
    root = Publisher.toUri(tmp.resolve("out").toString());
    parent = RunLayout.published(root, "parent-run");
    List<PerMuFixtures.Firm> firms = new ArrayList<>();
    for (int i = 1; i <= 11; i++) {
      double tax = 12 - i;
      for (int year = 2023; year <= 2024; year++) {
        firms.add(
            PerMuFixtures.firm(String.format(java.util.Locale.ROOT, "F%02d", i))
                .zone("HA-ETDZ")
                .year(year)
                .land(10)
                .tax(tax)
                .revenue(tax * 10)
                .energy(50.0)
                .electricity(100.0)
                .start(2000)
                .consumption(10.0, 5.0, 8.0));
      }
    }
    PerMuFixtures.enterprises(spark, firms)
        .write()
        .partitionBy("year")
        .parquet(parent.staging("enterprises"));
    PerMuFixtures.areas(spark).write().parquet(parent.staging("areas"));
    PerMuFixtures.zones(spark).write().parquet(parent.staging("zones"));
    PerMuFixtures.zoneStats(
            spark, List.<Object[]>of(new Object[] {"HA-ETDZ", "2024", "idle_land", 0.1}))
        .write()
        .partitionBy("period")
        .parquet(parent.staging("zone_stats"));
    spark
        .createDataFrame(
            List.<Row>of(
                RowFactory.create(
                    "P1", "六十亿项目", "HA-ETDZ", 60.0, null, null, null, null, null, null, "signed")),
            PerMuFixtures.schema(Datasets.MAJOR_PROJECTS))
        .write()
        .parquet(parent.staging("major_projects"));
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    new PerMuStage().execute(new StageContext(spark, parent, Map.of(), quiet));
    new AllocationStage().execute(new StageContext(spark, parent, Map.of(), quiet));
    new Publisher(spark)
        .writeText(
            parent.manifest(),
            new RunManifest(
                    "parent-run",
                    "2026-01-01T00:00:00Z",
                    "2026-01-01T00:01:00Z",
                    "run",
                    Map.of("period", "2024"),
                    List.of(),
                    List.of(),
                    new RunManifest.CodeVersion("test", "dev"),
                    "4",
                    "17",
                    Map.of(),
                    List.of())
                .toJson());
    parentFilesBefore = hashes(tmp.resolve("out/runs/parent-run"));
    outcome =
        new DerivedAllocationRun(spark)
            .execute(
                root,
                "parent-run",
                Map.of(
                    AllocationStage.PARAM_POLICY,
                    AllocationPolicyLoader.ZHEJIANG_2022,
                    AllocationStage.PARAM_LAND_QUOTA,
                    "8000"),
                quiet);
  }

  @Test
  void theDerivedRunIsNewAndNamesItsParentWhichIsUntouched() throws IOException {
    String id = outcome.derived().runId();
    assertNotEquals("parent-run", id);
    assertEquals("parent-run", outcome.derived().parentRunId());
    Path derived = tmp.resolve("out/runs").resolve(id);
    assertTrue(Files.isDirectory(derived.resolve("marts/allocation_enterprise/year=2024")));
    assertTrue(Files.isDirectory(derived.resolve("marts/permu_enterprise")), "shared with parent");
    assertTrue(Files.isDirectory(derived.resolve("staging/enterprises")), "shared with parent");
    RunManifest m =
        RunManifest.fromJson(
            Files.readString(derived.resolve("manifest.json"), StandardCharsets.UTF_8));
    assertEquals(
        new RunManifest.Derivation("parent-run", "allocate", List.of(AllocationStage.NAME)),
        m.derivedFrom());
    assertEquals("allocate", m.command());
    assertEquals(AllocationPolicyLoader.ZHEJIANG_2022, m.parameters().get("allocation.policy"));
    assertEquals("8000", m.parameters().get("allocation.land_quota"));
    assertTrue(
        m.configs().stream().anyMatch(c -> c.path().equals(AllocationPolicyLoader.ZHEJIANG_2022)),
        "the policy file is hashed into the manifest");
    for (String mart : List.of("allocation_enterprise", "allocation_zone", "land_recovery")) {
      RunManifest.Output o = m.output(mart);
      assertNotNull(o, mart);
      assertNull(o.sharedFrom(), mart + " is the derived run's own");
      assertNotNull(o.contentSha256(), mart);
    }
    // The parent: every file byte-identical, LATEST not written, nothing left in progress.
    assertEquals(parentFilesBefore, hashes(tmp.resolve("out/runs/parent-run")));
    assertFalse(Files.exists(tmp.resolve("out/LATEST")), "a what-if does not move LATEST");
    assertFalse(Files.exists(tmp.resolve("out/runs/.inprogress").resolve(id)));
  }

  @Test
  void twoPoliciesAreComparedInOneCall() throws IOException {
    DerivedAllocationRun.PolicyComparison c =
        new DerivedAllocationRun(spark)
            .comparePolicies(
                root,
                "parent-run",
                Map.of(AllocationStage.PARAM_POLICY, AllocationPolicyLoader.HUAIAN_2024),
                Map.of(
                    AllocationStage.PARAM_POLICY,
                    AllocationPolicyLoader.ZHEJIANG_2022,
                    AllocationStage.PARAM_LAND_QUOTA,
                    "8000"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertNotEquals(c.a().derived().runId(), c.b().derived().runId());
    // A is the parent's own policy: nothing moves from the parent to A.
    assertEquals(33.36, c.a().diff().surchargeAfter(), 1e-9);
    assertEquals(List.of(), c.a().diff().moved());
    // A → B is the same arithmetic as parent → Zhejiang (see theDifferenceIsWhatThePoliciesSay).
    AllocationDiff.Report d = c.diff();
    assertEquals("huaian-2024-allocation", d.policyBefore());
    assertEquals(33.36, d.surchargeBefore(), 1e-9);
    assertEquals(54.5, d.surchargeAfter(), 1e-9);
    assertEquals(1, d.moved().size());
    assertEquals(2900.0, d.moved().get(0).landBefore(), 1e-9);
    assertEquals(3240.0, d.moved().get(0).landAfter(), 1e-9);
    assertEquals(parentFilesBefore, hashes(tmp.resolve("out/runs/parent-run")));
    assertFalse(Files.exists(tmp.resolve("out/LATEST")), "a what-if does not move LATEST");
  }

  @Test
  void theDifferenceIsWhatThePoliciesSay() {
    AllocationDiff.Report d = outcome.diff();
    assertEquals("huaian-2024-allocation", d.policyBefore());
    // Huai'an, F11 in its 2nd D year: 0.20 × 100 + 1.00 × 10 + 0.40 × 5 + 0.17 × 8 = 33.36 万元.
    assertEquals(33.36, d.surchargeBefore(), 1e-9);
    // Zhejiang: F11 0.20 × 100 + 1.00 × 10 + 0.30 × 5 + 1.00 × 8 = 39.5; the three C firms
    // 0.05 × 100 = 5 each; 39.5 + 15 = 54.5 万元.
    assertEquals(54.5, d.surchargeAfter(), 1e-9);
    assertEquals(new AllocationDiff.ClassCounts(1, 0, 0), d.before().get("D"));
    assertEquals(new AllocationDiff.ClassCounts(0, 0, 0), d.before().get("C"));
    assertEquals(new AllocationDiff.ClassCounts(3, 0, 0), d.after().get("C"));
    // A: land-use tax relief in both (50 % / 100 %); B only under Zhejiang (50 %).
    assertEquals(new AllocationDiff.ClassCounts(0, 0, 2), d.before().get("A"));
    assertEquals(new AllocationDiff.ClassCounts(0, 0, 5), d.after().get("B"));
    // HA-ETDZ, the city's only zone with firms. Huai'an: P1 needs 60 × 10 000 ÷ 400 = 1 500 亩 and
    // 60 × 600 ÷ 10 000 = 3.6 万吨; a single unit is held at the 40 % cap: 1 500 + 0.4 × 3 500 =
    // 2 900 亩, 3.6 + 0.4 × 16.4 = 10.16 万吨. Zhejiang, 8 000 亩: P1 1 200 亩 (÷ 500), 3 万吨
    // (× 500); cap 30 %: 1 200 + 0.3 × 6 800 = 3 240 亩, 3 + 0.3 × 17 = 8.1 万吨.
    assertEquals(1, d.moved().size());
    AllocationDiff.UnitMove u = d.moved().get(0);
    assertEquals("HA-ETDZ", u.unitCode());
    assertEquals(0.4, u.shareBefore(), 1e-12);
    assertEquals(0.3, u.shareAfter(), 1e-12);
    assertEquals(2900.0, u.landBefore(), 1e-9);
    assertEquals(3240.0, u.landAfter(), 1e-9);
    assertEquals(10.16, u.energyBefore(), 1e-9);
    assertEquals(8.1, u.energyAfter(), 1e-9);
    List<String> lines = d.lines();
    assertEquals("allocation: huaian-2024-allocation → zhejiang-2022-allocation", lines.get(0));
    assertEquals("  surcharge revenue: 33.36 → 54.50 万元 (+21.14)", lines.get(1));
    assertTrue(
        lines.contains("    HA-ETDZ 淮安经济技术开发区: 40.00% → 30.00%; 2900.0 → 3240.0; 10.160 → 8.100"),
        String.join("\n", lines));
  }

  @Test
  void aBrokenPolicyIsRejectedBeforeSparkStarts() throws IOException {
    Path bad = tmp.resolve("bad-policy.yaml");
    Files.writeString(bad, "id: bad\nclasses: {A: {land_prority: true}}\n", StandardCharsets.UTF_8);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          new CommandLine(new AllocateCommand())
              .execute("--out", tmp.resolve("out").toString(), "--policy", bad.toString());
    } finally {
      System.setErr(old);
    }
    assertEquals(3, code);
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .startsWith("allocate: " + bad + ":2:15: unknown key 'land_prority' in 'classes.A'"),
        err.toString(StandardCharsets.UTF_8));
  }

  private static Map<String, String> hashes(Path dir) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.put(
            dir.relativize(f).toString(),
            Long.toHexString(Files.size(f))
                + ":"
                + new String(
                    java.util.HexFormat.of()
                        .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256")
                                .digest(Files.readAllBytes(f)))));
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }
}
