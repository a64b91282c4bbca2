package zoneassess.reports.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.ParquetFixture;
import zoneassess.reports.marts.MartFormatException;

class ResearchDataTest {
  @TempDir Path dir;

  @Test
  void readsEveryMartIgnoringExtraColumnsAndSortsAsTheContractSays() {
    ResearchData d = ResearchData.read(ResearchFixtures.full(dir));
    assertEquals(List.of(), d.missing());
    assertEquals("2025", d.newestComparisonPeriod());
    // rank B ascending, the zone unranked under B last
    assertEquals(
        List.of("Z2", "Z1", "Z3", "Z4", "Z5"),
        d.comparisons("2025").stream().map(MethodComparison::zoneCode).toList());
    MethodComparison z2 = d.comparisons("2025").get(0);
    assertEquals(3, z2.rankShift());
    assertEquals(10.0, z2.scoreChange());
    assertEquals("省级", z2.levelZh());
    MethodComparison z5 = d.comparisons("2025").get(4);
    assertNull(z5.rankB());
    assertNull(z5.rankShift());
    assertEquals(
        List.of("2024", "2025"), d.correlations().stream().map(MethodCorrelation::period).toList());
    // written Z4, Z3, Z1, Z2; medians 4.0, 2.5, 1.0, 2.5 → Z1, then Z2 and Z3 tied (by code), Z4
    assertEquals(
        List.of("Z1", "Z2", "Z3", "Z4"),
        d.intervals().stream().map(RankInterval::zoneCode).toList());
    assertEquals("zdev-2025 2.0", Methods.b(d));
    assertEquals("tax", d.leaveOneOut().get(3).indicatorLabel());
    assertEquals(ResearchFixtures.HOSTILE, d.zoneNames().get("Z4"));
  }

  @Test
  void aMissingMartIsListedAndItsRowsAreEmpty() {
    ResearchFixtures.intervals(dir);
    ResearchData d = ResearchData.read(dir);
    assertEquals(
        List.of(
            ResearchMarts.PARAMETERS,
            ResearchMarts.COMPARISON,
            ResearchMarts.CORRELATION,
            ResearchMarts.TRAJECTORY,
            ResearchMarts.LEAVE_ONE_OUT),
        d.missing());
    assertTrue(d.comparisons().isEmpty());
    assertFalse(d.has(ResearchMarts.COMPARISON));
    assertEquals(4, d.intervals().size());
    assertNull(d.newestComparisonPeriod());
  }

  @Test
  void aMissingRequiredColumnNamesTheMartAndTheColumn() {
    try (ParquetFixture f =
        new ParquetFixture(
            ResearchFixtures.part(dir, ResearchMarts.COMPARISON),
            "period:string",
            "zone_code:string",
            "zone_name:string",
            "city:string",
            "level:string",
            "score_a:double",
            "rank_a:int",
            "score_b:double",
            "score_change:double",
            "rank_shift:int")) {
      f.row("2025", "Z1", "甲", "南京", "national", 90.0, 1, 86.0, -4.0, -1);
    }
    MartFormatException e = assertThrows(MartFormatException.class, () -> ResearchData.read(dir));
    assertTrue(e.getMessage().contains("mart method_comparison"), e.getMessage());
    assertTrue(e.getMessage().contains("no column 'rank_b'"), e.getMessage());
  }
}
