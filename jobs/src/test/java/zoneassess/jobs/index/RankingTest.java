package zoneassess.jobs.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.index.EngineFixtures.row;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/** Rounding before ranking, shared ties ("1224"), tie-breaks, ranking groups, ascending order. */
class RankingTest extends SparkTestBase {

  private static IndexResult run(String ranking, Object[]... rows) {
    String yaml =
        String.join(
            "\n",
            "id: ranking-cases",
            "defaults: {normalisation: none}",
            "ranking: " + ranking,
            "aggregates: [{code: index}, {code: main, parent: index}, {code: side, parent: index, weight: 0}]",
            "indicators: [{code: x, parent: main}, {code: t, parent: side}]",
            "");
    var wide = EngineFixtures.table(spark, "id:string, city:string, x:double, t:double", rows);
    return CompositeIndexEngine.run(
        wide, EngineFixtures.methodology(yaml), new IndexOptions("id", List.of()));
  }

  private static final Object[][] ROWS = {
    row("a", "c1", 0.12345, 1.0), row("b", "c1", 0.12349, 2.0), row("c", "c2", 0.2, 1.0),
    row("d", "c2", 0.1, 1.0), row("e", "c2", 0.2004, 3.0), row("f", "c1", null, 1.0)
  };

  private static int rank(Map<String, Row> r, String id, String column) {
    return ((Number) r.get(id).getAs(column)).intValue();
  }

  @Test
  void roundsThenSharesTiesAndSkipsPlaces() {
    IndexResult r = run("{decimals: 3, groups: [{name: all}, {name: city, by: [city]}]}", ROWS);
    Map<String, Row> m = EngineFixtures.byId(r.ranks(), "id");
    // rounded: a 0.123, b 0.123, c 0.2, d 0.1, e 0.2 → c, e share 1; a, b share 3; d is 5th
    assertEquals(0.123, ((Number) m.get("b").getAs("index")).doubleValue(), 1e-15);
    assertEquals(1, rank(m, "c", "rank_all"));
    assertEquals(1, rank(m, "e", "rank_all"));
    assertEquals(3, rank(m, "a", "rank_all"));
    assertEquals(3, rank(m, "b", "rank_all"));
    assertEquals(5, rank(m, "d", "rank_all"));
    assertNull(m.get("f").getAs("rank_all"), "no score, no rank");
    // within cities: c1 {a, b} share 1; c2 {c, e} share 1, d is 3rd
    assertEquals(1, rank(m, "a", "rank_city"));
    assertEquals(1, rank(m, "b", "rank_city"));
    assertEquals(3, rank(m, "d", "rank_city"));
  }

  @Test
  void scoresEqualAtTwelveSignificantDigitsShareTheRankAndStayUnrounded() {
    // No decimals stated: x = 2.95 and x = 0.24 + 2.49 + 0.22 (2.9500000000000006) are the same
    // score at the default precision; normalisation none and weight 1 carry x into the index.
    double summed = 0.24 + 2.49 + 0.22;
    IndexResult r =
        run(
            "{groups: [{name: all}]}",
            row("a", "c1", 2.95, 1.0),
            row("b", "c1", summed, 1.0),
            row("c", "c1", 3.0, 1.0));
    Map<String, Row> m = EngineFixtures.byId(r.ranks(), "id");
    assertEquals(1, rank(m, "c", "rank_all"));
    assertEquals(2, rank(m, "a", "rank_all"));
    assertEquals(2, rank(m, "b", "rank_all"));
    assertEquals(summed, ((Number) m.get("b").getAs("index")).doubleValue(), 0.0);
  }

  @Test
  void tieBreakByAnotherNode() {
    IndexResult r = run("{decimals: 3, ties: {break_by: [side]}}", ROWS);
    Map<String, Row> m = EngineFixtures.byId(r.ranks(), "id");
    // c and e tie at 0.2: side (t) 1 vs 3 → e first; a and b tie at 0.123: t 1 vs 2 → b first
    assertEquals(2, rank(m, "c", "rank_all"));
    assertEquals(1, rank(m, "e", "rank_all"));
    assertEquals(4, rank(m, "a", "rank_all"));
    assertEquals(3, rank(m, "b", "rank_all"));
  }

  @Test
  void ascendingOrderWithoutRounding() {
    IndexResult r = run("{order: ascending}", ROWS);
    Map<String, Row> m = EngineFixtures.byId(r.ranks(), "id");
    // unrounded ascending: d 0.1, a 0.12345, b 0.12349, c 0.2, e 0.2004
    assertEquals(
        List.of(1, 2, 3, 4, 5),
        List.of(
            rank(m, "d", "rank_all"),
            rank(m, "a", "rank_all"),
            rank(m, "b", "rank_all"),
            rank(m, "c", "rank_all"),
            rank(m, "e", "rank_all")));
  }
}
