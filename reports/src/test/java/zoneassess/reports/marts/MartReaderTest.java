package zoneassess.reports.marts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.ParquetFixture;

class MartReaderTest {
  @TempDir Path dir;

  @Test
  void readsEveryPartFileOfAPartitionedMartWithThePartitionValueAsAColumn() throws Exception {
    Path mart = dir.resolve("permu_zone");
    try (ParquetFixture f =
        new ParquetFixture(
            mart.resolve("year=2024/part-00000.parquet"), "zone_code:string", "count_d:long")) {
      f.row("A", 1L);
    }
    try (ParquetFixture f =
        new ParquetFixture(
            mart.resolve("year=2025/part-00000.parquet"), "zone_code:string", "count_d:long")) {
      f.row("A", 2L).row("B", null);
    }
    // marker and hidden files are not data
    Files.writeString(mart.resolve("_SUCCESS"), "");
    Files.createDirectories(mart.resolve("._tmp_x"));
    List<String> rows = new ArrayList<>();
    new MartReader()
        .forEach(
            mart.toString(),
            r -> rows.add(r.str("zone_code") + "/" + r.integer("year") + "/" + r.lng("count_d")));
    assertEquals(List.of("A/2024/1", "A/2025/2", "B/2025/null"), rows);
    assertEquals(
        List.of("2024", "2025"), new MartReader().partitionValues(mart.toString(), "year"));
  }

  @Test
  void aMissingMartDoesNotExist() {
    assertFalse(new MartReader().exists(dir.resolve("nope").toString()));
  }

  @Test
  void readsOnlyOnePartitionButKeepsItsValue() {
    Path mart = dir.resolve("permu_enterprise");
    for (int y = 2024; y <= 2025; y++) {
      try (ParquetFixture f =
          new ParquetFixture(
              mart.resolve("year=" + y + "/part-00000.parquet"), "credit_code:string")) {
        f.row("C" + y);
      }
    }
    List<String> rows = new ArrayList<>();
    new MartReader()
        .forEach(
            mart.toString(),
            mart.resolve("year=2025").toString(),
            r -> rows.add(r.str("credit_code") + "@" + r.str("year")));
    assertEquals(List.of("C2025@2025"), rows);
  }

  @Test
  void aMissingColumnNamesTheMartAndTheColumn() {
    Path mart = dir.resolve("assessment");
    try (ParquetFixture f =
        new ParquetFixture(mart.resolve("part-00000.parquet"), "zone_code:string")) {
      f.row("320801");
    }
    MartFormatException e =
        assertThrows(
            MartFormatException.class,
            () -> new MartReader().forEach(mart.toString(), r -> r.str("final_score")));
    assertTrue(e.getMessage().contains("mart assessment"), e.getMessage());
    assertTrue(e.getMessage().contains("no column 'final_score'"), e.getMessage());
    assertTrue(e.getMessage().contains("columns: zone_code"), e.getMessage());
  }

  @Test
  void numbersConvertBetweenWidthsAndOptionalColumnsMayBeAbsent() {
    Path mart = dir.resolve("m");
    try (ParquetFixture f =
        new ParquetFixture(
            mart.resolve("part-00000.parquet"), "rank_all:long", "score:int", "flag:boolean")) {
      f.row(3L, 80, true);
    }
    new MartReader()
        .forEach(
            mart.toString(),
            r -> {
              assertEquals(3, r.integer("rank_all"));
              assertEquals(80.0, r.dbl("score"));
              assertEquals(true, r.bool("flag"));
              assertNull(r.optStr("tier"));
            });
  }
}
