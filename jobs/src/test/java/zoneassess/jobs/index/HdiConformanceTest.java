package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.IndexCommand;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * UNDP HDI 2022 through the {@code index} command and the shipped methodology file: every one of
 * the 193 countries must match the published HDI at 3 dp and the published rank.
 */
class HdiConformanceTest extends SparkTestBase {

  @Test
  void reproducesPublishedValuesAndRanks(@TempDir Path out) {
    Path dir = SharedConformance.caseDir("hdi-2022");
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new IndexCommand());
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute(
            "--methodology",
            "classpath:methodologies/conformance/hdi-2022.yaml",
            "--data",
            dir.resolve("hdi_2022.csv").toString(),
            "--id-column",
            "iso3",
            "--out",
            out.toString());
    assertEquals(0, code, err.toString());

    Map<String, Row> published = new HashMap<>();
    for (Row r :
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(dir.resolve("hdi_2022.csv").toString())
            .filter("is_aggregate = 0")
            .collectAsList()) {
      published.put(r.getAs("iso3"), r);
    }
    List<Row> ours =
        spark
            .read()
            .option("header", true)
            .option("inferSchema", true)
            .csv(out.resolve("ranks.csv").toString())
            .collectAsList();
    assertEquals(193, published.size());
    assertEquals(193, ours.size(), "the 11 aggregate rows are excluded");
    List<String> wrong = new ArrayList<>();
    int values = 0;
    int ranks = 0;
    for (Row r : ours) {
      Row p = published.get(r.<String>getAs("iso3"));
      double hdi = ((Number) r.getAs("hdi")).doubleValue();
      double expected = ((Number) p.getAs("hdi_published")).doubleValue();
      if (Math.abs(hdi - expected) < 1e-12) {
        values++;
      } else {
        wrong.add(r.getAs("iso3") + " hdi " + hdi + " vs " + expected);
      }
      int rank = ((Number) r.getAs("rank_all")).intValue();
      if (rank == ((Number) p.getAs("hdi_rank_2022")).intValue()) {
        ranks++;
      } else {
        wrong.add(r.getAs("iso3") + " rank " + rank + " vs " + p.getAs("hdi_rank_2022"));
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    assertEquals(193, values);
    assertEquals(193, ranks);
  }
}
