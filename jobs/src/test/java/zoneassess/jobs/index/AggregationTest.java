package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static zoneassess.jobs.index.EngineFixtures.row;
import static zoneassess.jobs.index.EngineFixtures.value;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Weighted arithmetic, geometric and harmonic means and the weighted sum, with a missing child
 * re-weighted or making the aggregate missing, and weights that depend on the unit's region. Scores
 * pass through unnormalised (normalisation: none) so the arithmetic is visible.
 */
class AggregationTest extends SparkTestBase {
  private static final double EPS = 1e-12;

  private static String child(String code, String parent, String column, double weight) {
    return "  - {code: "
        + code
        + ", parent: "
        + parent
        + ", column: "
        + column
        + ", weight: "
        + weight
        + "}";
  }

  @Test
  void meansAndSumsWithMissingChildren() {
    String yaml =
        String.join(
            "\n",
            "id: aggregation-cases",
            "defaults: {normalisation: none}",
            "aggregates:",
            "  - {code: index, aggregation: arithmetic}",
            "  - {code: arith, parent: index, aggregation: arithmetic}",
            "  - {code: geo, parent: index, aggregation: geometric}",
            "  - {code: harm, parent: index, aggregation: harmonic}",
            "  - {code: wsum, parent: index, aggregation: weighted_sum}",
            "  - {code: strict, parent: index, aggregation: {method: arithmetic, missing: missing}}",
            "indicators:",
            child("a1", "arith", "a", 3),
            child("b1", "arith", "b", 1),
            child("a2", "geo", "a", 3),
            child("b2", "geo", "b", 1),
            child("a3", "harm", "a", 3),
            child("b3", "harm", "b", 1),
            child("a4", "wsum", "a", 3),
            child("b4", "wsum", "b", 1),
            child("a5", "strict", "a", 3),
            child("b5", "strict", "b", 1),
            "");
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, a:double, b:double",
            row("u1", 4.0, 1.0),
            row("u2", 1.0, 4.0),
            row("u3", null, 2.0),
            row("u4", 0.0, 5.0));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(yaml), new IndexOptions("id", List.of()));
    Map<String, Row> g = EngineFixtures.byId(r.aggregated(), "id");

    // arithmetic: (3·4 + 1·1) / 4 = 3.25; (3·1 + 4) / 4 = 1.75; u3 has only b: 2; (0 + 5) / 4
    assertEquals(3.25, value(g, "u1", "arith"), EPS);
    assertEquals(1.75, value(g, "u2", "arith"), EPS);
    assertEquals(2.0, value(g, "u3", "arith"), EPS);
    assertEquals(1.25, value(g, "u4", "arith"), EPS);
    // geometric: 4^(3/4) · 1^(1/4) = 2.8284…; 1^(3/4) · 4^(1/4) = √2; u3: 2; a zero child gives 0
    assertEquals(Math.pow(4, 0.75), value(g, "u1", "geo"), EPS);
    assertEquals(Math.sqrt(2), value(g, "u2", "geo"), EPS);
    assertEquals(2.0, value(g, "u3", "geo"), EPS);
    assertEquals(0.0, value(g, "u4", "geo"), EPS);
    // harmonic: 4 / (3/4 + 1/1) = 16/7; 4 / (3/1 + 1/4) = 16/13; u3: 2
    assertEquals(16.0 / 7, value(g, "u1", "harm"), EPS);
    assertEquals(16.0 / 13, value(g, "u2", "harm"), EPS);
    assertEquals(2.0, value(g, "u3", "harm"), EPS);
    // weighted sum: 3·4 + 1 = 13; 3 + 4 = 7; u3: 1·2 scaled by total ÷ present weight 4/1 = 8
    assertEquals(13.0, value(g, "u1", "wsum"), EPS);
    assertEquals(7.0, value(g, "u2", "wsum"), EPS);
    assertEquals(8.0, value(g, "u3", "wsum"), EPS);
    // missing: missing → u3 has no score
    assertNull(value(g, "u3", "strict"));
    assertEquals(3.25, value(g, "u1", "strict"), EPS);
    // the index averages the five aggregates present: u1 (3.25 + 2√2 + 16/7 + 13 + 3.25) / 5
    assertEquals(
        (3.25 + Math.pow(4, 0.75) + 16.0 / 7 + 13 + 3.25) / 5, value(g, "u1", "index"), EPS);
    // u3: strict is missing, so (2 + 2 + 2 + 8) / 4
    assertEquals(14.0 / 4, value(g, "u3", "index"), EPS);
  }

  private static final String BY_REGION =
      String.join(
          "\n",
          "id: region-weights",
          "defaults: {normalisation: none}",
          "weights_sum_to: 1",
          "aggregates:",
          "  - {code: index, weights_by: region}",
          "indicators:",
          "  - {code: a, parent: index, weight: {south: 0.75, north: 0.25}}",
          "  - {code: b, parent: index, weight: {south: 0.25, north: 0.75}}",
          "");

  @Test
  void weightsBySouthAndNorth() {
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, region:string, a:double, b:double",
            row("s1", "south", 8.0, 4.0),
            row("n1", "north", 8.0, 4.0));
    IndexResult r =
        CompositeIndexEngine.run(
            wide, EngineFixtures.methodology(BY_REGION), new IndexOptions("id", List.of()));
    Map<String, Row> g = EngineFixtures.byId(r.aggregated(), "id");
    // south: 0.75·8 + 0.25·4 = 7; north: 0.25·8 + 0.75·4 = 5
    assertEquals(7.0, value(g, "s1", "index"), EPS);
    assertEquals(5.0, value(g, "n1", "index"), EPS);
  }

  @Test
  void aUnitOutsideTheWeightSetsIsNamed() {
    var wide =
        EngineFixtures.table(
            spark,
            "id:string, region:string, a:double, b:double",
            row("s1", "south", 8.0, 4.0),
            row("c7", "central", 8.0, 4.0));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CompositeIndexEngine.run(
                    wide,
                    EngineFixtures.methodology(BY_REGION),
                    new IndexOptions("id", List.of())));
    assertTrue(
        e.getMessage()
            .contains(
                "unit 'c7' has region 'central', but aggregate 'index' (test.yaml line 5) has weight sets only for [north, south]"),
        e.getMessage());
  }
}
