package zoneassess.jobs.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.CostMarts;

class CostsStageTest extends SparkTestBase {
  @TempDir Path dir;

  @Test
  void publishesTheFiveMartsWithDeclaredColumnsAndPrintsTheFocusCity() throws Exception {
    FactorCostFixtures f =
        new FactorCostFixtures(spark)
            .prices(
                "320800", "gas", "industrial", 3.2, "元/立方米", FactorCostFixtures.months(2025, 1, 12))
            .prices(
                "320300", "gas", "industrial", 3.6, "元/立方米", FactorCostFixtures.months(2025, 1, 11))
            .price("320826", "2025", "industrial_land", "transfer_price", 300, "元/平方米")
            .price("320830", "2025", "industrial_land", "transfer_price", 5, "元/千瓦时");
    RunLayout run = RunLayout.published(dir.toUri().toString(), "r1");
    f.staged().write().mode(SaveMode.Overwrite).parquet(run.staging("factor_costs"));
    f.areas().write().mode(SaveMode.Overwrite).parquet(run.staging("areas"));
    f.zones().write().mode(SaveMode.Overwrite).parquet(run.staging("zones"));
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StageResult result =
        new CostsStage()
            .execute(
                new StageContext(
                    spark,
                    run,
                    Map.of("period", "2025", "profiles", "light-manufacturing", "focus_city", "淮安"),
                    new PrintStream(console, true, StandardCharsets.UTF_8)));
    for (DatasetContract mart : CostMarts.ALL) {
      assertEquals(
          mart.columnNames(),
          List.of(spark.read().parquet(run.mart(mart.name())).columns()),
          mart.name());
    }
    // 徐州 misses 2025-12 of gas; 盱眙's land unit does not convert: two cost_gaps rows.
    List<Row> gaps = spark.read().parquet(run.mart("cost_gaps")).collectAsList();
    assertEquals(2, gaps.size(), gaps.toString());
    assertEquals(2L, result.counts().get("cost_gaps"));
    String out = console.toString(StandardCharsets.UTF_8);
    // 淮安 gas 2025 = 3.2; 徐州 = 3.6: median 3.4, index 3.2 / 3.4 × 100 = 94.1, rank 1 of 2.
    assertTrue(out.contains("淮安市 (320800), period 2025"), out);
    assertTrue(
        out.matches(
            "(?s).*gas\\s+industrial\\s+3\\.2000 元/立方米\\s+index\\s+94\\.1\\s+rank\\s+1 of 2.*"),
        out);
    assertTrue(out.contains("industrial_land"), out);
  }
}
