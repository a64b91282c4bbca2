package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.CompareCommand;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.ResearchMarts;

/**
 * {@code zoneassess compare} end to end on a staged run of three zones over 2024 and 2025, with two
 * one-indicator methodologies (min-max × 100 of gdp, of tax_revenue) and the shipped Jiangsu rules:
 *
 * <pre>
 *          gdp 2024  2025    tax 2024  2025
 *   Z1         250   300         12    10
 *   Z2         150   200         25    30
 *   Z3          50   100         18    20
 * by gdp:  Z1 1, Z2 2, Z3 3 in both years; by tax: Z2 1, Z3 2, Z1 3 in both years
 * (no rank changes between years → no progress points; no events → no deductions)
 * 2025 scores: gdp Z1 100, Z2 50, Z3 0; tax Z1 0, Z2 100, Z3 50
 * </pre>
 */
class CompareCommandTest extends SparkTestBase {
  private static final double EPS = 1e-12;
  private static final String RUN_ID = "20250101T000000Z-cafe0001";
  @TempDir static Path tmp;
  private static Path root;
  private static Path byGdp;
  private static Path byTax;

  private record Outcome(int code, String out, String err) {}

  @BeforeAll
  static void stagedRun() throws Exception {
    root = tmp.resolve("out");
    RunLayout run = RunLayout.published(root.toUri().toString(), RUN_ID);
    byGdp = methodology("gdp-only", "gdp");
    byTax = methodology("tax-only", "tax_revenue");
    List<Row> zones =
        List.of(
            RowFactory.create("Z1", "一号区", "淮安市", "national"),
            RowFactory.create("Z2", "二号区", "淮安市", "provincial"),
            RowFactory.create("Z3", "三号区", "南京市", "provincial"));
    spark
        .createDataFrame(
            zones,
            StructType.fromDDL("zone_code STRING, zone_name STRING, city STRING, level STRING"))
        .write()
        .parquet(run.staging("zones"));
    Object[][] stats = {
      {"Z1", "2024", 250.0, 12.0}, {"Z2", "2024", 150.0, 25.0}, {"Z3", "2024", 50.0, 18.0},
      {"Z1", "2025", 300.0, 10.0}, {"Z2", "2025", 200.0, 30.0}, {"Z3", "2025", 100.0, 20.0}
    };
    List<Row> rows = new ArrayList<>();
    for (Object[] s : stats) {
      rows.add(RowFactory.create(s[0], s[1], "gdp", s[2], "亿元", "final"));
      rows.add(RowFactory.create(s[0], s[1], "tax_revenue", s[3], "亿元", "final"));
    }
    spark
        .createDataFrame(
            rows,
            StructType.fromDDL(
                "zone_code STRING, period STRING, indicator_code STRING, value DOUBLE, unit STRING, basis STRING"))
        .write()
        .partitionBy("period")
        .parquet(run.staging("zone_stats"));
    RunManifest manifest =
        new RunManifest(
            RUN_ID,
            "2025-01-01T00:00:00Z",
            "2025-01-01T00:01:00Z",
            "run",
            Map.of("methodology", byGdp.toString()),
            List.of(),
            List.of(),
            new RunManifest.CodeVersion("test", "test"),
            "4.2.0",
            "17",
            Map.of(),
            List.of());
    Publisher publisher = new Publisher(spark);
    publisher.writeText(run.manifest(), manifest.toJson());
    publisher.writeText(run.latestPointer(), RUN_ID + "\n");
  }

  private static Path methodology(String id, String column) throws Exception {
    Path file = tmp.resolve(id + ".yaml");
    Files.writeString(
        file,
        String.join(
            "\n",
            "id: " + id,
            "version: \"1\"",
            "rules: classpath:rules/jiangsu-2021-rules.yaml",
            "aggregates:",
            "  - code: index",
            "indicators:",
            "  - {code: x, parent: index, column: "
                + column
                + ", normalisation: {method: minmax, low: 0, high: 100}}",
            ""),
        StandardCharsets.UTF_8);
    return file;
  }

  private static Outcome compare(String... args) {
    PrintStream old = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      CommandLine cl = new CommandLine(new CompareCommand());
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString());
    } finally {
      System.setOut(old);
    }
  }

  private static Dataset<Row> mart(String folder, DatasetContract contract) {
    Dataset<Row> df =
        spark
            .read()
            .parquet(root.resolve("research").resolve(folder).resolve(contract.name()).toString());
    List<String> columns = List.of(df.columns());
    assertEquals(
        contract.columnNames(), columns.subList(0, contract.columnNames().size()), contract.name());
    return df;
  }

  @Test
  void aMethodologyComparedWithItselfAgreesPerfectly() {
    // A defaults to the run's methodology (manifest): gdp-only against gdp-only
    Outcome o = compare("--out", root.toString(), "--methodology-b", byGdp.toString());
    assertEquals(0, o.code(), o.err());
    String folder = RUN_ID + "-gdp-only-vs-gdp-only";
    for (Row r : mart(folder, ResearchMarts.METHOD_CORRELATION).collectAsList()) {
      assertEquals(3, (int) r.getAs("zones"));
      assertEquals(1.0, (double) r.getAs("spearman"), EPS, r.toString());
      assertEquals(1.0, (double) r.getAs("kendall_tau_b"), EPS, r.toString());
      assertEquals(0, (int) r.getAs("zones_moved"));
    }
    Dataset<Row> comparison = mart(folder, ResearchMarts.METHOD_COMPARISON);
    assertEquals(6, comparison.count());
    assertEquals(6, comparison.where("rank_shift = 0 and score_change = 0").count());
    assertEquals(6, mart(folder, ResearchMarts.RANK_TRAJECTORY).count() / 2);
    Map<String, String> params = new TreeMap<>();
    for (Row r : mart(folder, ResearchMarts.RESEARCH_PARAMETERS).collectAsList()) {
      params.put(r.getString(0), r.getString(1));
    }
    assertEquals(RUN_ID, params.get("run_id"));
    assertEquals("gdp-only", params.get("methodology_a"));
    assertEquals("1", params.get("methodology_b_version"));
    assertEquals("2024–2025", params.get("periods"));
    assertEquals("2025", params.get("focus_period"));
    assertTrue(o.out().contains("zones that move most in 2025: none"), o.out());
  }

  @Test
  void twoMethodologiesOnOnePeriod() {
    Outcome o =
        compare(
            RUN_ID,
            "--out",
            root.toString(),
            "--methodology-a",
            byGdp.toString(),
            "--methodology-b",
            byTax.toString(),
            "--periods",
            "2025",
            "--name",
            "gdp-vs-tax");
    assertEquals(0, o.code(), o.err());
    List<Row> rows = mart("gdp-vs-tax", ResearchMarts.METHOD_COMPARISON).collectAsList();
    // sorted by rank under B: Z2 (1), Z3 (2), Z1 (3)
    assertEquals(
        List.of("Z2", "Z3", "Z1"), rows.stream().map(r -> (String) r.getAs("zone_code")).toList());
    Row z1 = rows.get(2);
    assertEquals("2025", z1.getAs("period"));
    assertEquals(1, (int) z1.getAs("rank_a"));
    assertEquals(3, (int) z1.getAs("rank_b"));
    assertEquals(-2, (int) z1.getAs("rank_shift"));
    assertEquals(0.0 - 100.0, (double) z1.getAs("score_change"), EPS);
    // The researcher pack is rendered into the folder: Z1 falls from 1st to 3rd under B, shown
    // in 方法对比 as the number -2 in the row after Z2 and Z3.
    Path pack = root.resolve("research").resolve("gdp-vs-tax").resolve("research.xlsx");
    assertTrue(o.out().contains("researcher pack: " + pack), o.out());
    try (var wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(pack.toFile(), null, true)) {
      var sheet = wb.getSheet("方法对比");
      assertTrue(sheet != null, "方法对比 sheet");
      List<Double> z1Numbers = null;
      for (var row : sheet) {
        List<String> texts = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        for (var cell : row) {
          switch (cell.getCellType()) {
            case STRING -> texts.add(cell.getStringCellValue());
            case NUMERIC -> numbers.add(cell.getNumericCellValue());
            default -> {}
          }
        }
        if (texts.contains("Z1") && z1Numbers == null) {
          z1Numbers = numbers;
        }
      }
      assertTrue(z1Numbers != null, "Z1 listed in 方法对比");
      assertTrue(z1Numbers.contains(-2.0), "Z1's shift -2 in its row: " + z1Numbers);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<Row> corr = mart("gdp-vs-tax", ResearchMarts.METHOD_CORRELATION).collectAsList();
    assertEquals(1, corr.size());
    // d = 1 − 3, 2 − 1, 3 − 2 → Σd² = 6 → 1 − 6·6 / (3·8) = −0.5
    assertEquals(-0.5, (double) corr.get(0).getAs("spearman"), EPS);
    // B in A's order 3, 1, 2: (3,1) and (3,2) discordant, (1,2) concordant → (1 − 2) / 3
    assertEquals(-1.0 / 3, (double) corr.get(0).getAs("kendall_tau_b"), EPS);
    assertTrue(o.out().contains("1. 一号区 (Z1) 1 → 3 (-2)"), o.out());
  }

  @Test
  void aBrokenMethodologyFileIsAnInvalidSpecificationNamingTheLine() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        "id: bad\nrules: classpath:rules/jiangsu-2021-rules.yaml\nindicatorz: []\n",
        StandardCharsets.UTF_8);
    Outcome o = compare("--out", root.toString(), "--methodology-b", bad.toString());
    assertEquals(3, o.code());
    assertTrue(o.err().contains(bad + ":3:1:"), o.err());
  }

  @Test
  void aBadPeriodRangeIsAUsageError() {
    Outcome o =
        compare(
            "--out",
            root.toString(),
            "--methodology-b",
            byGdp.toString(),
            "--periods",
            "2025-2018");
    assertEquals(2, o.code());
    assertTrue(
        o.err().contains("--periods '2025-2018' is not yyyy or yyyy-yyyy (first ≤ last)"), o.err());
  }
}
