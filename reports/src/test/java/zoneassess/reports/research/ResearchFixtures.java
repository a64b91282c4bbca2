package zoneassess.reports.research;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import zoneassess.reports.ParquetFixture;

/**
 * Research folders written as Parquet with the column names of RESEARCH.md. The small folder has
 * five zones with hand-chosen ranks (values derived in the comments); the large one is built from
 * records and has 115 zones, as many as the province.
 */
public final class ResearchFixtures {
  static final String HOSTILE = "=HYPERLINK(\"http://x\",\"丁开发区\")";
  static final String RUN_ID = "20261128T041500Z";

  private ResearchFixtures() {}

  static Path part(Path folder, String mart) {
    return folder.resolve(mart).resolve("part-00000.parquet");
  }

  /** Every mart of the contract. */
  public static Path full(Path folder) {
    parameters(folder);
    comparison(folder);
    correlation(folder);
    trajectory(folder);
    intervals(folder);
    leaveOneOut(folder);
    return folder;
  }

  static void parameters(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(part(folder, ResearchMarts.PARAMETERS), "key:string", "value:string")) {
      f.row("methodology_a", "zdev-2023")
          .row("methodology_a_version", "1.0")
          .row("methodology_b", "zdev-2025")
          .row("methodology_b_version", "2.0")
          .row("periods", "2023–2025")
          .row("replications", "1000")
          .row("run_id", RUN_ID)
          .row("weight_scheme", "uniform±0.2");
    }
  }

  /**
   * 2025 (newest): rank A → rank B, shift = A − B: Z1 甲 1 → 2 (−1); Z2 乙 4 → 1 (+3); Z3 丙 2 → 3
   * (−1); Z4 hostile 3 → 4 (−1); Z5 戊 5 → unranked. Ordered by rank B, unranked last: Z2, Z1, Z3,
   * Z4, Z5. 2024 has one row that must not show. A producer's extra column ({@code note}) is
   * ignored.
   */
  static void comparison(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(
            part(folder, ResearchMarts.COMPARISON),
            "period:string",
            "zone_code:string",
            "zone_name:string",
            "city:string",
            "level:string",
            "score_a:double",
            "rank_a:int",
            "score_b:double",
            "rank_b:int",
            "score_change:double",
            "rank_shift:int",
            "note:string")) {
      f.row("2024", "Z1", "甲经开区", "南京", "national", 91.0, 1, 90.0, 1, -1.0, 0, "x");
      f.row("2025", "Z1", "甲经开区", "南京", "national", 90.0, 1, 86.0, 2, -4.0, -1, "x");
      f.row("2025", "Z2", "乙高新区", "苏州", "provincial", 78.0, 4, 88.0, 1, 10.0, 3, "x");
      f.row("2025", "Z3", "丙开发区", "淮安", "provincial", 85.0, 2, 84.0, 3, -1.0, -1, "x");
      f.row("2025", "Z4", HOSTILE, "淮安", "provincial", 80.0, 3, 79.0, 4, -1.0, -1, "x");
      f.row("2025", "Z5", "戊园区", "宿迁", "provincial", 70.0, 5, null, null, null, null, "x");
    }
  }

  /**
   * 2025 from the comparison's four zones ranked under both: d = −1, 3, −1, −1, Σd² = 12, ρ = 1 −
   * 6·12 / (4·15) = −0.2; of the 6 pairs 3 keep their order and 3 swap, τb = 0.
   */
  static void correlation(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(
            part(folder, ResearchMarts.CORRELATION),
            "period:string",
            "zones:int",
            "spearman:double",
            "kendall_tau_b:double",
            "mean_abs_shift:double",
            "max_abs_shift:int",
            "zones_moved:int")) {
      f.row("2025", 4, -0.2, 0.0, 1.5, 3, 4);
      f.row("2024", 4, 1.0, 1.0, 0.0, 0, 0);
    }
  }

  /**
   * Under A: Z1 1,1,1 (spread 0); Z2 5,3,4 (spread 2); Z3 3,4,2 (spread 2); ordered by 2025 rank:
   * Z1, Z3, Z2. Movers (spread > 0, largest first, then code): Z2, Z3. Under B only 2025.
   */
  static void trajectory(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(
            part(folder, ResearchMarts.TRAJECTORY),
            "methodology:string",
            "methodology_id:string",
            "period:string",
            "zone_code:string",
            "zone_name:string",
            "score:double",
            "rank:int")) {
      int[][] ranks = {{1, 1, 1}, {5, 3, 4}, {3, 4, 2}};
      String[] names = {"甲经开区", "乙高新区", "丙开发区"};
      for (int z = 0; z < 3; z++) {
        for (int p = 0; p < 3; p++) {
          f.row(
              "a",
              "zdev-2023",
              String.valueOf(2023 + p),
              "Z" + (z + 1),
              names[z],
              100.0 - ranks[z][p],
              ranks[z][p]);
        }
      }
      f.row("b", "zdev-2025", "2025", "Z1", "甲经开区", 86.0, 2);
      f.row("b", "zdev-2025", "2025", "Z2", "乙高新区", 88.0, 1);
    }
  }

  /** Written out of order; median order (ties by code) is Z1 1.0, Z2 2.5, Z3 2.5, Z4 4.0. */
  static void intervals(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(
            part(folder, ResearchMarts.INTERVALS),
            "zone_code:string",
            "zone_name:string",
            "nominal_rank:int",
            "median_rank:double",
            "p05_rank:double",
            "p95_rank:double",
            "best_rank:int",
            "worst_rank:int")) {
      f.row("Z4", HOSTILE, 3, 4.0, 3.0, 5.0, 3, 5);
      f.row("Z3", "丙开发区", 2, 2.5, 2.0, 4.0, 1, 4);
      f.row("Z1", "甲经开区", 1, 1.0, 1.0, 2.0, 1, 3);
      f.row("Z2", "乙高新区", 4, 2.5, 1.0, 5.0, 1, 5);
    }
  }

  /**
   * gdp (地区生产总值): Z1 1→2 (+1), Z2 3→1 (−2), Z3 2→3 (+1): mean |shift| 4/3, max 2. tax (no Chinese
   * name): Z1 1→1 (0), Z2 3→2 (−1), Z3 2→3 (+1): mean 2/3, max 1. Columns by mean |shift|: gdp,
   * tax; rows by nominal rank: Z1, Z3, Z2.
   */
  static void leaveOneOut(Path folder) {
    try (ParquetFixture f =
        new ParquetFixture(
            part(folder, ResearchMarts.LEAVE_ONE_OUT),
            "dropped_indicator:string",
            "dropped_indicator_name:string",
            "zone_code:string",
            "nominal_rank:int",
            "rank_without:int",
            "rank_shift:int")) {
      f.row("gdp", "地区生产总值", "Z2", 3, 1, -2);
      f.row("gdp", "地区生产总值", "Z1", 1, 2, 1);
      f.row("gdp", "地区生产总值", "Z3", 2, 3, 1);
      f.row("tax", null, "Z1", 1, 1, 0);
      f.row("tax", null, "Z2", 3, 2, -1);
      f.row("tax", null, "Z3", 2, 3, 1);
    }
  }

  /** 115 zones with intervals only: zone k has median k, interval k−3 … k+3 clipped to 1…115. */
  static ResearchData province(int zones) {
    List<RankInterval> rows = new ArrayList<>();
    for (int k = zones; k >= 1; k--) {
      rows.add(
          new RankInterval(
              String.format(java.util.Locale.ROOT, "Z%03d", k),
              "开发区" + k,
              k,
              (double) k,
              (double) Math.max(1, k - 3),
              (double) Math.min(zones, k + 3),
              Math.max(1, k - 5),
              Math.min(zones, k + 5)));
    }
    return new ResearchData(
        "memory", List.of(new ResearchParameter("run_id", RUN_ID)), null, null, null, rows, null);
  }
}
