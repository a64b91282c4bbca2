package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static zoneassess.jobs.assess.Frames.df;
import static zoneassess.jobs.assess.Frames.row;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class ZoneRankingsTest extends SparkTestBase {
  private static final String DDL =
      "zone_code STRING, period STRING, level STRING, city STRING, eligible BOOLEAN, score DOUBLE,"
          + " index_score DOUBLE";

  /**
   * Six zones in 2025: A 90, B 85, C 85, D 80 (vetoed, would be 2nd), E 70, F 60. National: A, C,
   * E; provincial: B, D, F. City 淮安: A, B, D; city 南京: C, E, F.
   */
  private Dataset<Row> sixZonesWithTieAndVeto() {
    return df(
        spark,
        DDL,
        row("A", "2025", "national", "淮安", true, 90.0, 88.0),
        row("B", "2025", "provincial", "淮安", true, 85.0, 80.0),
        row("C", "2025", "national", "南京", true, 85.0, 84.0),
        row("D", "2025", "provincial", "淮安", false, 95.0, 95.0),
        row("E", "2025", "national", "南京", true, 70.0, 70.0),
        row("F", "2025", "provincial", "南京", true, 60.0, 60.0));
  }

  @Test
  void sharedTiesGiveCompetitionRanksAndVetoedZoneIsUnranked() {
    Map<String, Row> r =
        Frames.byKey(
            ZoneRankings.rank(sixZonesWithTieAndVeto(), "score", List.of(), ""), "zone_code");
    // eligible scores: 90, 85, 85, 70, 60 -> ranks 1, 2, 2, 4, 5 ("1224"); D vetoed -> null
    assertEquals(1, (int) r.get("A").getAs("rank_all"));
    assertEquals(2, (int) r.get("B").getAs("rank_all"));
    assertEquals(2, (int) r.get("C").getAs("rank_all"));
    assertEquals(4, (int) r.get("E").getAs("rank_all"));
    assertEquals(5, (int) r.get("F").getAs("rank_all"));
    assertNull(r.get("D").getAs("rank_all"));
    assertNull(r.get("D").getAs("rank_level"));
    // zones_all counts the ranked zones only: 6 - 1 vetoed = 5
    assertEquals(5, (int) r.get("D").getAs("zones_all"));
    // provincial list without D: B 85, F 60 -> 1, 2; zones_level 2
    assertEquals(1, (int) r.get("B").getAs("rank_level"));
    assertEquals(2, (int) r.get("F").getAs("rank_level"));
    assertEquals(2, (int) r.get("F").getAs("zones_level"));
    // national list: A 90, C 85, E 70 -> 1, 2, 3
    assertEquals(2, (int) r.get("C").getAs("rank_level"));
    assertEquals(3, (int) r.get("E").getAs("rank_level"));
    // 淮安 (without D): A 1, B 2; 南京: C 1, E 2, F 3
    assertEquals(2, (int) r.get("B").getAs("rank_city"));
    assertEquals(1, (int) r.get("C").getAs("rank_city"));
    assertEquals(3, (int) r.get("F").getAs("rank_city"));
  }

  @Test
  void tieBrokenByNamedColumn() {
    Map<String, Row> r =
        Frames.byKey(
            ZoneRankings.rank(sixZonesWithTieAndVeto(), "score", List.of("index_score"), ""),
            "zone_code");
    // B and C both 85; index_score C 84 > B 80 -> C 2nd, B 3rd; E stays 4th
    assertEquals(2, (int) r.get("C").getAs("rank_all"));
    assertEquals(3, (int) r.get("B").getAs("rank_all"));
    assertEquals(4, (int) r.get("E").getAs("rank_all"));
  }

  @Test
  void zonesStillEqualAfterTieBreakShareTheRank() {
    Dataset<Row> d =
        df(
            spark,
            DDL,
            row("P", "2025", "provincial", "x", true, 50.0, 40.0),
            row("Q", "2025", "provincial", "x", true, 50.0, 40.0),
            row("R", "2025", "provincial", "x", true, 49.0, 49.0));
    Map<String, Row> r =
        Frames.byKey(ZoneRankings.rank(d, "score", List.of("index_score"), ""), "zone_code");
    // equal on score and index_score: shared 1st, never broken by zone code; R 3rd
    assertEquals(1, (int) r.get("P").getAs("rank_all"));
    assertEquals(1, (int) r.get("Q").getAs("rank_all"));
    assertEquals(3, (int) r.get("R").getAs("rank_all"));
  }

  @Test
  void tieBreakValuesEqualAtTheDeclaredPrecisionShareTheRank() {
    // Equal final scores; index scores 2.95 and 0.24 + 2.49 + 0.22 (2.9500000000000006 as a
    // double) are equal too, so the tie-break cannot part P and Q: both 1st, R 3rd.
    Dataset<Row> d =
        df(
            spark,
            DDL,
            row("P", "2025", "provincial", "x", true, 50.0, 2.95),
            row("Q", "2025", "provincial", "x", true, 50.0, 0.24 + 2.49 + 0.22),
            row("R", "2025", "provincial", "x", true, 50.0, 2.9));
    Map<String, Row> r =
        Frames.byKey(ZoneRankings.rank(d, "score", List.of("index_score"), ""), "zone_code");
    assertEquals(1, (int) r.get("P").getAs("rank_all"));
    assertEquals(1, (int) r.get("Q").getAs("rank_all"));
    assertEquals(3, (int) r.get("R").getAs("rank_all"));
    // the same scores as unrounded final scores (no tie-break) share the rank as well
    Dataset<Row> scores =
        df(
            spark,
            DDL,
            row("P", "2025", "provincial", "x", true, 2.95, 0.0),
            row("Q", "2025", "provincial", "x", true, 0.24 + 2.49 + 0.22, 0.0));
    Map<String, Row> s =
        Frames.byKey(ZoneRankings.rank(scores, "score", List.of(), ""), "zone_code");
    assertEquals(1, (int) s.get("P").getAs("rank_all"));
    assertEquals(1, (int) s.get("Q").getAs("rank_all"));
  }

  @Test
  void periodsAreRankedSeparatelyAndPrefixKeepsZoneCounts() {
    Dataset<Row> d =
        df(
            spark,
            DDL,
            row("A", "2024", "national", "x", true, 10.0, 10.0),
            row("B", "2024", "national", "x", true, 20.0, 20.0),
            row("A", "2025", "national", "x", true, 30.0, 30.0));
    Dataset<Row> ranked = ZoneRankings.rank(d, "score", List.of(), "provisional_");
    Map<String, Row> r = Frames.byKey(ranked, "zone_code", "period");
    assertEquals(2, (int) r.get("A|2024").getAs("provisional_rank_all"));
    assertEquals(1, (int) r.get("B|2024").getAs("provisional_rank_all"));
    assertEquals(1, (int) r.get("A|2025").getAs("provisional_rank_all"));
    assertEquals(false, List.of(ranked.columns()).contains("zones_all"));
  }
}
