package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.IndexCommand;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * The ASEM index (COINr reference build) through the {@code index} command and the shipped
 * methodology file, compared stage by stage with the stored tables: every value within 1e-9, the
 * winsorised points as flagged, and all 51 ranks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AsemConformanceTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-9;
  private Path dir;
  private Path out;

  @BeforeAll
  void runIndexCommand(@TempDir Path tmp) {
    out = tmp;
    dir = SharedConformance.caseDir("asem-coinr");
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new IndexCommand());
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "--methodology", "classpath:methodologies/conformance/asem-coinr.yaml",
            "--data", dir.resolve("input_IndData.csv").toString(),
            "--data", dir.resolve("input_Denominators.csv").toString(),
            "--id-column", "UnitCode",
            "--out", out.toString());
    assertEquals(0, code, err.toString());
  }

  private Map<String, Row> byUnit(Path csv) {
    Map<String, Row> m = new HashMap<>();
    for (Row r :
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(csv.toString())
            .collectAsList()) {
      m.put(r.getAs("UnitCode"), r);
    }
    return m;
  }

  private void assertStage(String ours, String published, int expectedColumns) {
    Map<String, Row> mine = byUnit(out.resolve(ours + ".csv"));
    Dataset<Row> pub =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(dir.resolve(published).toString());
    List<String> columns =
        new ArrayList<>(Arrays.asList(mine.values().iterator().next().schema().fieldNames()));
    columns.retainAll(Arrays.asList(pub.columns()));
    columns.removeAll(List.of("UnitCode", "Group_EurAsia"));
    assertEquals(expectedColumns, columns.size(), "compared columns of " + ours);
    List<String> wrong = new ArrayList<>();
    int cells = 0;
    List<Row> rows = pub.collectAsList();
    assertEquals(51, rows.size());
    assertEquals(51, mine.size(), ours);
    for (Row p : rows) {
      Row r = mine.get(p.<String>getAs("UnitCode"));
      for (String c : columns) {
        Object e = p.getAs(c);
        Object a = r.getAs(c);
        boolean same =
            e == null
                ? a == null
                : a != null
                    && Math.abs(((Number) e).doubleValue() - ((Number) a).doubleValue())
                        <= TOLERANCE;
        if (same) {
          cells++;
        } else if (wrong.size() < 20) {
          wrong.add(p.getAs("UnitCode") + "." + c + ": expected " + e + ", got " + a);
        }
      }
    }
    assertTrue(wrong.isEmpty(), ours + " differs:\n" + String.join("\n", wrong));
    assertEquals(51 * expectedColumns, cells);
  }

  @Test
  void rawStageMatches() {
    assertStage("raw", "data_Raw.csv", 49);
  }

  @Test
  void denominatedStageMatches() {
    assertStage("denominated", "data_Denominated.csv", 49);
  }

  @Test
  void imputedStageMatches() {
    assertStage("imputed", "data_Imputed.csv", 49);
  }

  @Test
  void treatedStageMatches() {
    assertStage("treated", "data_Treated.csv", 49);
  }

  @Test
  void normalisedStageMatches() {
    assertStage("normalised", "data_Normalised.csv", 49);
  }

  @Test
  void aggregatedStageMatches() {
    // 8 sub-pillars, 2 pillars and the index
    assertStage("aggregated", "data_Aggregated.csv", 11);
  }

  @Test
  void winsorisedPointsMatchTheTreatmentFlags() {
    List<String> expected = new ArrayList<>();
    Dataset<Row> flags =
        spark.read().option("header", true).csv(dir.resolve("treat_flags.csv").toString());
    for (Row r : flags.collectAsList()) {
      for (String c : flags.columns()) {
        String f = r.getAs(c);
        if ("WHigh".equals(f) || "WLow".equals(f)) {
          expected.add(
              r.getAs("UnitCode")
                  + "."
                  + c
                  + "."
                  + ("WHigh".equals(f) ? "winsorised_high" : "winsorised_low"));
        }
      }
    }
    List<String> actual = new ArrayList<>();
    for (Row r :
        spark
            .read()
            .option("header", true)
            .csv(out.resolve("treatment.csv").toString())
            .collectAsList()) {
      actual.add(r.getAs("UnitCode") + "." + r.getAs("indicator") + "." + r.getAs("treatment"));
    }
    expected.sort(null);
    actual.sort(null);
    assertEquals(35, expected.size());
    assertEquals(expected, actual);
  }

  @Test
  void all51RanksMatch() {
    Map<String, Row> published = byUnit(dir.resolve("results_AggregatesRank.csv"));
    Map<String, Row> ours = byUnit(out.resolve("ranks.csv"));
    assertEquals(51, ours.size());
    int same = 0;
    for (Map.Entry<String, Row> e : ours.entrySet()) {
      int expected = ((Number) published.get(e.getKey()).getAs("Index")).intValue();
      int actual = ((Number) e.getValue().getAs("rank_all")).intValue();
      assertEquals(expected, actual, e.getKey());
      same++;
    }
    assertEquals(51, same);
  }
}
