package zoneassess.reports.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.Workbooks;
import zoneassess.reports.charts.ChartFiles;

/** 115 zones: the rank range chart is split into legible pages; only the interval sheet exists. */
class ProvinceScaleTest {
  @TempDir Path dir;

  @Test
  void pagesSplitEvenlyIntoAtMostFortyZones() {
    // 115 zones → ⌈115 / 40⌉ = 3 pages: 0–38, 38–76, 76–115 (38, 38, 39 zones)
    List<int[]> pages = IntervalSheet.pages(115);
    assertEquals(3, pages.size());
    assertEquals(List.of(0, 38, 76), pages.stream().map(p -> p[0]).toList());
    assertEquals(List.of(38, 76, 115), pages.stream().map(p -> p[1]).toList());
    assertEquals(1, IntervalSheet.pages(40).size());
    assertEquals(2, IntervalSheet.pages(41).size());
  }

  @Test
  void absentMartsLeaveOnlyTheCoverAndTheIntervalSheetWithThreeChartPages() throws Exception {
    List<Path> files = ResearchPackRenderer.render(ResearchFixtures.province(115), dir);
    try (XSSFWorkbook wb = Workbooks.open(files.get(0))) {
      assertEquals(List.of("说明", "排名区间"), Workbooks.sheetNames(wb));
      assertEquals(3, ResearchPackRoundTripTest.pictures(wb.getSheet("排名区间")));
      var cover = wb.getSheet("说明");
      int r = Workbooks.findRow(cover, 0, "缺少的数据集");
      // the fixture has parameters and intervals only
      assertEquals(
          "method_comparison、method_correlation、rank_trajectory、leave_one_out：" + "相应表页已省略。",
          Workbooks.text(cover, r, 1));
      assertEquals(
          "本次未生成（缺少 method_comparison）。",
          Workbooks.text(cover, Workbooks.findRow(cover, 0, "方法对比"), 1));
      // the table: zone 1 first, zone 115 last
      var sh = wb.getSheet("排名区间");
      assertEquals("Z001", Workbooks.text(sh, IntervalSheet.HEADER_ROW + 1, 1));
      assertEquals("Z115", Workbooks.text(sh, IntervalSheet.HEADER_ROW + 115, 1));
    }
    List<Path> pngs = files.stream().filter(f -> f.toString().endsWith(".png")).toList();
    assertEquals(3, pngs.size());
    BufferedImage last = ImageIO.read(pngs.get(2).toFile());
    // 39 zones: 170 + 39 × 18 = 872 logical pixels
    assertEquals(872 * ChartFiles.SCALE, last.getHeight());
  }

  @Test
  void rankRangeChartKeepsZonesInOrderWithIntervalMedianAndNominal() {
    List<ResearchCharts.RankRange> zones =
        List.of(
            new ResearchCharts.RankRange("甲", 1.0, 3.0, 1.5, 1),
            new ResearchCharts.RankRange("乙", 2.0, 6.0, 3.0, 4));
    JFreeChart c = ResearchCharts.rankRange("区间", null, zones, 6);
    var plot = c.getCategoryPlot();
    var ranges = (org.jfree.data.category.IntervalCategoryDataset) plot.getDataset(0);
    assertEquals(List.of("甲", "乙"), ranges.getColumnKeys());
    assertEquals(2.0, ranges.getStartValue(0, 1).doubleValue());
    assertEquals(6.0, ranges.getEndValue(0, 1).doubleValue());
    CategoryDataset points = plot.getDataset(1);
    assertEquals(
        List.of(ResearchCharts.MEDIAN_SERIES, ResearchCharts.NOMINAL_SERIES), points.getRowKeys());
    assertEquals(4, points.getValue(ResearchCharts.NOMINAL_SERIES, "乙").intValue());
    // rank 1 at the left end of the axis, the axis reaching half a rank beyond the worst
    assertEquals(0.5, plot.getRangeAxis().getLowerBound());
    assertEquals(6.5, plot.getRangeAxis().getUpperBound());
    assertTrue(!plot.getRangeAxis().isInverted());
  }

  @Test
  void aZoneWithoutAnIntervalIsDrawnWithItsMarksOnly() {
    List<ResearchCharts.RankRange> zones =
        List.of(
            new ResearchCharts.RankRange("甲", null, null, 1.0, 1),
            new ResearchCharts.RankRange("乙", 1.0, 2.0, 2.0, 2));
    JFreeChart c = ResearchCharts.rankRange("区间", null, zones, 2);
    BufferedImage img = c.createBufferedImage(400, ResearchCharts.rankRangeHeight(2));
    assertEquals(400, img.getWidth());
  }

  @Test
  void trajectoriesUnderBOnlyGiveTheBBlockAndAChartOfB() throws Exception {
    // Z1 under B: 2024 rank 2, 2025 rank 1 (spread 1); Z2: 1 then 2 (spread 1)
    List<RankTrajectory> rows =
        List.of(
            new RankTrajectory("b", "m", "2024", "Z1", "甲", 80.0, 2),
            new RankTrajectory("b", "m", "2025", "Z1", "甲", 90.0, 1),
            new RankTrajectory("b", "m", "2024", "Z2", "乙", 85.0, 1),
            new RankTrajectory("b", "m", "2025", "Z2", "乙", 70.0, 2));
    ResearchData d = new ResearchData("memory", null, null, null, rows, null, null);
    List<Path> files = ResearchPackRenderer.render(d, dir);
    try (XSSFWorkbook wb = Workbooks.open(files.get(0))) {
      var sh = wb.getSheet("排名轨迹");
      int h = TrajectorySheet.HEADER_ROW;
      assertEquals("方法B：未记录", Workbooks.text(sh, h + 1, 0));
      assertEquals("Z1", Workbooks.text(sh, h + 2, 0));
      assertEquals("Z2", Workbooks.text(sh, h + 3, 0));
      assertEquals(-1, Workbooks.findRow(sh, 0, "方法A：未记录"));
    }
    assertTrue(files.stream().anyMatch(f -> f.endsWith("charts/research-rank-trajectories.png")));
  }
}
