package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.index.EngineFixtures.row;
import static zoneassess.jobs.index.EngineFixtures.value;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/** Group-mean and overall-mean imputation, per group and per period. */
class ImputationTest extends SparkTestBase {
  private static final double EPS = 1e-12;

  private static String method(String missing) {
    return String.join(
        "\n",
        "id: imputation-cases",
        "missing: " + missing,
        "aggregates: [{code: index}]",
        "indicators: [{code: x, parent: index}, {code: y, parent: index}]",
        "");
  }

  private static final Object[][] ROWS = {
    row("a", "2021", "g1", 2.0, 1.0),
    row("b", "2021", "g1", null, 1.0),
    row("c", "2021", "g1", 4.0, 1.0),
    row("d", "2021", "g2", 10.0, null),
    row("e", "2021", "g2", null, 3.0),
    row("f", "2021", "g3", null, 5.0),
    // another period: its own means
    row("a", "2022", "g1", 100.0, 1.0),
    row("b", "2022", "g1", null, 1.0)
  };

  @Test
  void groupMeanByRegionAndPeriod() {
    var wide =
        EngineFixtures.table(
            spark, "id:string, period:string, grp:string, x:double, y:double", ROWS);
    IndexResult r =
        CompositeIndexEngine.run(
            wide,
            EngineFixtures.methodology(method("{impute: group_mean, group_by: [grp]}")),
            new IndexOptions("id", List.of("period")));
    Map<String, Row> y2021 = EngineFixtures.byId(r.imputed().filter("period = '2021'"), "id");
    // g1 in 2021: (2 + 4) / 2 = 3
    assertEquals(3.0, value(y2021, "b", "x"), EPS);
    // g2: only d present → 10; y of d: only e present → 3
    assertEquals(10.0, value(y2021, "e", "x"), EPS);
    assertEquals(3.0, value(y2021, "d", "y"), EPS);
    // g3 has no x at all: stays missing
    assertNull(value(y2021, "f", "x"));
    // present values untouched
    assertEquals(2.0, value(y2021, "a", "x"), EPS);
    Map<String, Row> y2022 = EngineFixtures.byId(r.imputed().filter("period = '2022'"), "id");
    assertEquals(100.0, value(y2022, "b", "x"), EPS);
    // the imputed cells are listed: b/e x and d y in 2021, b x in 2022
    List<String> cells =
        r.imputedCells().collectAsList().stream()
            .map(
                c ->
                    c.getAs("id")
                        + "/"
                        + c.getAs("period")
                        + "/"
                        + c.getAs("indicator")
                        + "="
                        + c.getAs("imputed_value"))
            .toList();
    assertEquals(List.of("b/2021/x=3.0", "b/2022/x=100.0", "d/2021/y=3.0", "e/2021/x=10.0"), cells);
  }

  @Test
  void overallMeanIgnoresGroups() {
    var wide =
        EngineFixtures.table(
            spark, "id:string, period:string, grp:string, x:double, y:double", ROWS);
    IndexResult r =
        CompositeIndexEngine.run(
            wide,
            EngineFixtures.methodology(method("{impute: mean}")),
            new IndexOptions("id", List.of("period")));
    Map<String, Row> y2021 = EngineFixtures.byId(r.imputed().filter("period = '2021'"), "id");
    // 2021 x present: 2, 4, 10 → mean 16/3
    assertEquals(16.0 / 3, value(y2021, "f", "x"), EPS);
  }
}
