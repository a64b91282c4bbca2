package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.index.CompositeIndexEngine;
import zoneassess.jobs.index.IndexOptions;
import zoneassess.jobs.index.IndexResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.methodology.MethodologyLoader;

/**
 * Adding a raw indicator is a change to a YAML file only: a user catalogue adds 孵化器数 (incubators),
 * zone_stats rows name it by its Chinese name, and a methodology scores it.
 */
class UserIndicatorTest extends SparkTestBase {
  @TempDir Path dir;

  @AfterEach
  void builtInAgain() {
    IndicatorCatalogue.use(null);
  }

  @Test
  void indicatorFromAUserFileIsAFactsColumnAMethodologyScores() throws Exception {
    Path catalogue = dir.resolve("indicators.yaml");
    Files.writeString(
        catalogue,
        "indicators:\n"
            + "  - {code: incubators, name_zh: 孵化器数, name_en: Incubators, unit: 个, flow: false,"
            + " source: science}\n");
    Path methodology = dir.resolve("incubation.yaml");
    Files.writeString(
        methodology,
        String.join(
            "\n",
            "id: incubation",
            "aggregates:",
            "  - code: index",
            "indicators:",
            "  - {code: incubation, parent: index, column: incubators,"
                + " normalisation: {method: minmax, low: 0, high: 100}}",
            ""));
    IndicatorCatalogue.use(catalogue.toString());

    Dataset<Row> stats =
        df(
            spark,
            "zone_code STRING, period STRING, indicator_code STRING, value DOUBLE, unit STRING,"
                + " source STRING, basis STRING",
            row("Z1", "2025", "incubators", 6.0, "个", null, "final"),
            row("Z2", "2025", "incubators", 2.0, "个", null, "final"),
            row("Z3", "2025", "incubators", 3.0, "个", null, "final"));
    Dataset<Row> zones =
        spark.createDataFrame(
            List.of(zone("Z1"), zone("Z2"), zone("Z3")), ContractSchemas.of(Datasets.ZONES));
    Dataset<Row> facts = ZoneFacts.build(stats, zones, ZoneFactsTest.projects(spark), "2025");
    IndexResult r =
        CompositeIndexEngine.run(
            facts.where("period = '2025'"),
            MethodologyLoader.load(methodology.toString()).methodology(),
            new IndexOptions("zone_code", List.of()));
    Map<String, Row> scores = Frames.byKey(r.normalised(), "zone_code");
    // min-max over 6, 2, 3 to [0, 100]: (x − 2) / (6 − 2) × 100 → 100, 0, 25
    assertEquals(100.0, scores.get("Z1").<Double>getAs("incubation"), 1e-9);
    assertEquals(0.0, scores.get("Z2").<Double>getAs("incubation"), 1e-9);
    assertEquals(25.0, scores.get("Z3").<Double>getAs("incubation"), 1e-9);
  }

  private static Row zone(String code) {
    return RowFactory.create(
        code,
        code,
        "淮安",
        "320800",
        "清江浦区",
        "320812",
        "north",
        "provincial",
        "economic_technological",
        10.0,
        2000);
  }
}
