package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;

/**
 * The sensitivity study end to end on a run's assessment marts: three zones where Z1 is best and Z3
 * worst on both indicators, so no weight draw, normalisation or aggregation can reorder them.
 */
class SensitivityStudyTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void dominatedOrderKeepsEveryRankIntervalAtItsNominalRank() throws Exception {
    Path method = tmp.resolve("two.yaml");
    Files.writeString(
        method,
        String.join(
            "\n",
            "id: two",
            "version: \"1\"",
            "aggregates:",
            "  - code: index",
            "indicators:",
            "  - {code: x, parent: index, column: gdp, weight: 1}",
            "  - {code: y, parent: index, column: tax_revenue, weight: 1}",
            ""),
        StandardCharsets.UTF_8);
    RunLayout run = RunLayout.published(tmp.resolve("out").toUri().toString(), "r1");
    List<Row> indicators = new ArrayList<>();
    List<Row> zones = new ArrayList<>();
    // Z1 > Z2 > Z3 on x (300, 200, 100) and on y (30, 20, 10); normalised by min-max
    double[][] v = {{300, 30, 100, 100}, {200, 20, 50, 50}, {100, 10, 0, 0}};
    for (int i = 0; i < 3; i++) {
      String z = "Z" + (i + 1);
      indicators.add(RowFactory.create(z, "2025", "x", v[i][0], v[i][2], "higher"));
      indicators.add(RowFactory.create(z, "2025", "y", v[i][1], v[i][3], "higher"));
      zones.add(RowFactory.create(z, "2025", "区" + (i + 1)));
    }
    spark
        .createDataFrame(
            indicators,
            StructType.fromDDL(
                "zone_code STRING, period STRING, indicator_code STRING, treated_value DOUBLE,"
                    + " normalised_value DOUBLE, direction STRING"))
        .write()
        .parquet(run.mart(AssessmentMarts.ASSESSMENT_INDICATORS.name()));
    spark
        .createDataFrame(
            zones, StructType.fromDDL("zone_code STRING, period STRING, zone_name STRING"))
        .write()
        .parquet(run.mart(AssessmentMarts.ASSESSMENT.name()));
    Publisher publisher = new Publisher(spark);
    publisher.writeText(
        run.manifest(),
        new RunManifest(
                "r1",
                "2025-01-01T00:00:00Z",
                "2025-01-01T00:01:00Z",
                "run",
                Map.of("methodology", method.toString()),
                List.of(),
                List.of(),
                new RunManifest.CodeVersion("test", "test"),
                "4.2.0",
                "17",
                Map.of(),
                List.of())
            .toJson());

    RankSensitivity.Design design =
        new RankSensitivity.Design(
            42,
            50,
            new WeightScheme.Dirichlet(5),
            List.of(ScoreNormalisation.values()),
            List.of(ScoreAggregation.values()));
    SensitivityStudy.Outcome done =
        SensitivityStudy.run(spark, publisher, run, null, null, "study", design);

    assertEquals("2025", done.period());
    assertEquals("two", done.methodology().id());
    Map<String, Row> byZone = new TreeMap<>();
    for (Row r : spark.read().parquet(done.folder() + "/rank_intervals").collectAsList()) {
      byZone.put(r.getAs("zone_code"), r);
    }
    assertEquals(3, byZone.size());
    for (int i = 1; i <= 3; i++) {
      Row r = byZone.get("Z" + i);
      assertEquals(i, ((Number) r.getAs("nominal_rank")).intValue(), "nominal rank of Z" + i);
      assertEquals(i, (double) r.getAs("median_rank"), 1e-9, "median rank of Z" + i);
      assertEquals(i, (double) r.getAs("p05_rank"), 1e-9, "p05 of Z" + i);
      assertEquals(i, (double) r.getAs("p95_rank"), 1e-9, "p95 of Z" + i);
    }
    Map<String, String> params = new TreeMap<>();
    for (Row r : spark.read().parquet(done.folder() + "/research_parameters").collectAsList()) {
      params.put(r.getString(0), r.getString(1));
    }
    assertEquals("50", params.get("replications"));
    assertEquals("r1", params.get("run_id"));
    assertTrue(Files.exists(Path.of(java.net.URI.create(done.folder() + "/leave_one_out"))));
  }
}
