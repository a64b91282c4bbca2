package zoneassess.reports.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerCategoryDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackChartsTest {
  @TempDir Path dir;

  /** Guard: without a CJK font every Chinese label would be drawn as boxes. */
  @Test
  void theChartFontCanDrawChinese() {
    Font f = CjkFonts.font(Font.PLAIN, 12f);
    assertEquals(-1, f.canDisplayUpTo("开发区综合考核"), "font " + f.getFamily());
    assertEquals(-1, f.canDisplayUpTo(CjkFonts.PROBE));
  }

  @Test
  void rankBumpHasOneSeriesPerZoneInPeriodOrderWithRankOneOnTop() {
    Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
    ranks.put("甲区", Map.of("2024", 3, "2025", 1));
    ranks.put("乙区", Map.of("2024", 1));
    JFreeChart c = PackCharts.rankBump("排名", null, List.of("2024", "2025"), ranks);
    CategoryDataset ds = c.getCategoryPlot().getDataset();
    assertEquals(List.of("甲区", "乙区"), ds.getRowKeys());
    assertEquals(List.of("2024", "2025"), ds.getColumnKeys());
    assertEquals(1, ds.getValue("甲区", "2025").intValue());
    assertEquals(null, ds.getValue("乙区", "2025"));
    assertTrue(c.getCategoryPlot().getRangeAxis().isInverted());
  }

  @Test
  void radarComparesTheZoneWithMeanAndBest() {
    Map<String, double[]> dims = new LinkedHashMap<>();
    dims.put("经济发展", new double[] {81, 75.67, 87.5});
    dims.put("开放水平", new double[] {89, 83.67, 95.5});
    JFreeChart c = PackCharts.radar("五维画像", "淮安经开", dims);
    CategoryDataset ds = ((SpiderWebPlot) c.getPlot()).getDataset();
    assertEquals(List.of("淮安经开", "全省平均", "全省最优"), ds.getRowKeys());
    assertEquals(List.of("经济发展", "开放水平"), ds.getColumnKeys());
    assertEquals(95.5, ds.getValue("全省最优", "开放水平").doubleValue());
    // the web reaches 5 % beyond the largest value: 95.5 × 1.05
    assertEquals(100.275, ((SpiderWebPlot) c.getPlot()).getMaxValue(), 1e-9);
  }

  @Test
  void scoreBarsKeepRankOrderAndDrawTheMedian() {
    JFreeChart c =
        PackCharts.scoreBars(
            "得分",
            null,
            List.of(
                new PackCharts.Bar("1. 甲", 92.5),
                new PackCharts.Bar("2. 乙", 88.0),
                new PackCharts.Bar("3. 丙", 70.0)),
            88.0,
            Set.of("2. 乙"));
    CategoryPlot p = c.getCategoryPlot();
    assertEquals(List.of("1. 甲", "2. 乙", "3. 丙"), p.getDataset().getColumnKeys());
    ValueMarker m =
        (ValueMarker) p.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator().next();
    assertEquals(88.0, m.getValue());
    // in grey print the pack's zones are the dark bars, the others light
    java.awt.Color mine = (java.awt.Color) p.getRenderer().getItemPaint(0, 1);
    java.awt.Color other = (java.awt.Color) p.getRenderer().getItemPaint(0, 0);
    assertTrue(brightness(mine) + 100 < brightness(other), mine + " vs " + other);
    // one 0–100 axis for every score chart, and the value at the end of every bar
    org.jfree.chart.axis.ValueAxis axis = p.getRangeAxis();
    assertEquals(0.0, axis.getLowerBound());
    assertEquals(100.0, axis.getUpperBound());
    assertTrue(p.getRenderer().getDefaultItemLabelsVisible());
  }

  static int brightness(java.awt.Color c) {
    return (c.getRed() * 299 + c.getGreen() * 587 + c.getBlue() * 114) / 1000;
  }

  @Test
  void rankLinesDifferInDashAndMarkerAndAreNamedAtTheirEnds() {
    Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
    for (int z = 0; z < 9; z++) {
      ranks.put("开发区" + z, Map.of("2024", z + 1, "2025", 9 - z));
    }
    JFreeChart c = PackCharts.rankBump("走势", null, List.of("2024", "2025"), ranks);
    CategoryPlot p = c.getCategoryPlot();
    var r = (org.jfree.chart.renderer.category.LineAndShapeRenderer) p.getRenderer();
    java.util.Set<Object> looks = new java.util.HashSet<>();
    for (int i = 0; i < 9; i++) {
      java.awt.BasicStroke s = (java.awt.BasicStroke) r.getSeriesStroke(i);
      looks.add(
          java.util.Arrays.toString(s.getDashArray())
              + s.getLineWidth()
              + r.getSeriesShape(i).getBounds2D()
              + r.getSeriesShape(i).getClass()
              + r.getSeriesShapesFilled(i));
    }
    assertEquals(9, looks.size(), "nine lines, nine different dash/marker combinations");
    assertEquals(9, p.getAnnotations().size(), "each line is named at its end");
  }

  @Test
  void classMixStacksAbcdInThatOrder() {
    JFreeChart c =
        PackCharts.classMix(
            "结构", null, List.of(new PackCharts.ClassMix("淮安", 0.20, 0.40, 0.35, 0.05)));
    CategoryDataset ds = c.getCategoryPlot().getDataset();
    assertEquals(List.of("A类", "B类", "C类", "D类"), ds.getRowKeys());
    assertEquals(0.05, ds.getValue("D类", "淮安").doubleValue());
  }

  @Test
  void costBoxesPutTheDistributionAndThePlacesOnOneIndexAxis() {
    // electricity: min 0.62, p25 0.63, median 0.64, p75 0.67, max 0.70; 淮安 0.64 → 100
    PackCharts.CostBox box =
        new PackCharts.CostBox(
            "电价",
            0.62 / 0.64 * 100,
            0.63 / 0.64 * 100,
            100,
            0.67 / 0.64 * 100,
            0.70 / 0.64 * 100,
            new LinkedHashMap<>(Map.of("淮安", 100.0)));
    JFreeChart c = PackCharts.costBoxes("成本", null, List.of(box));
    BoxAndWhiskerCategoryDataset dist =
        (BoxAndWhiskerCategoryDataset) c.getCategoryPlot().getDataset(0);
    assertEquals(109.375, dist.getMaxRegularValue("全省分布", "电价").doubleValue(), 1e-9);
    assertEquals(100.0, c.getCategoryPlot().getDataset(1).getValue("淮安", "电价").doubleValue());
  }

  @Test
  void funnelStacksTiersOverTheFourStages() {
    Map<String, long[]> tiers = new LinkedHashMap<>();
    tiers.put("1亿以上", new long[] {10, 6, 3, 1});
    tiers.put("10亿以上", new long[] {4, 2, 1, 0});
    CategoryDataset ds = PackCharts.funnel("项目", null, tiers).getCategoryPlot().getDataset();
    assertEquals(List.of("签约", "开工", "投产", "达效"), ds.getColumnKeys());
    assertEquals(2, ds.getValue("10亿以上", "开工").intValue());
  }

  @Test
  void renderedPngHasTheScaledSizeAndIsNotBlankAndSvgCarriesTheChineseTitle() throws Exception {
    JFreeChart c =
        PackCharts.typicalFirmCost(
            "典型企业年要素成本",
            null,
            List.of(new PackCharts.Bar("宿迁", 1100), new PackCharts.Bar("淮安", 1200)),
            Set.of("淮安"));
    RenderedChart r = new ChartFiles(dir).render("t", c, 400, 300);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.png()));
    assertEquals(400 * ChartFiles.SCALE, img.getWidth());
    assertEquals(300 * ChartFiles.SCALE, img.getHeight());
    int nonWhite = 0;
    for (int x = 0; x < img.getWidth(); x += 4) {
      for (int y = 0; y < img.getHeight(); y += 4) {
        if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
          nonWhite++;
        }
      }
    }
    assertTrue(nonWhite > 500, "only " + nonWhite + " sampled pixels are not white");
    assertTrue(Files.exists(r.pngFile()));
    assertTrue(Files.readString(r.svgFile(), StandardCharsets.UTF_8).contains("典型企业年要素成本"));
  }
}
