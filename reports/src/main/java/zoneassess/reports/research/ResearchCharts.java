package zoneassess.reports.research;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import zoneassess.reports.charts.CjkFonts;
import zoneassess.reports.charts.PackCharts;

/**
 * The researcher pack's charts, built from plain values so tests can check each dataset. Text uses
 * the CJK font from {@link CjkFonts}.
 */
public final class ResearchCharts {
  private ResearchCharts() {}

  static final String INTERVAL_SERIES = "P05–P95 区间";
  static final String MEDIAN_SERIES = "中位排名";
  static final String NOMINAL_SERIES = "名义排名";

  /** One zone on the rank range chart. */
  public record RankRange(String label, Double p05, Double p95, Double median, Integer nominal) {}

  /** Logical height of a rank range chart of {@code zones} rows: 18 px a zone plus the frame. */
  public static int rankRangeHeight(int zones) {
    return 170 + 18 * Math.max(1, zones);
  }

  /**
   * Each zone (top to bottom in list order) as a horizontal bar from its 5th to its 95th percentile
   * rank, with a diamond at the median and a red dot at the nominal rank; rank 1 on the left.
   *
   * @param maxRank the largest rank the axis shows (the same on every page of the chart)
   */
  public static JFreeChart rankRange(
      String title, String subtitle, List<RankRange> zones, int maxRank) {
    int n = zones.size();
    Comparable<?>[] categories = new Comparable<?>[n];
    Number[][] starts = new Number[1][n];
    Number[][] ends = new Number[1][n];
    DefaultCategoryDataset points = new DefaultCategoryDataset();
    for (int i = 0; i < n; i++) {
      RankRange z = zones.get(i);
      categories[i] = z.label();
      starts[0][i] = z.p05();
      ends[0][i] = z.p95();
    }
    for (RankRange z : zones) {
      points.addValue(z.median(), MEDIAN_SERIES, z.label());
    }
    for (RankRange z : zones) {
      points.addValue(z.nominal(), NOMINAL_SERIES, z.label());
    }
    DefaultIntervalCategoryDataset ranges =
        new DefaultIntervalCategoryDataset(
            new Comparable<?>[] {INTERVAL_SERIES}, categories, starts, ends);
    CategoryAxis domain = new CategoryAxis(null);
    domain.setTickLabelFont(CjkFonts.font(Font.PLAIN, n > 30 ? 9f : 11f));
    domain.setCategoryMargin(0.25);
    domain.setLowerMargin(0.01);
    domain.setUpperMargin(0.01);
    NumberAxis range = new NumberAxis("排名（1 = 最好）");
    range.setRange(0.5, Math.max(1, maxRank) + 0.5);
    range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    range.setLabelFont(CjkFonts.font(Font.PLAIN, 12f));
    range.setTickLabelFont(CjkFonts.font(Font.PLAIN, 10f));
    IntervalBarRenderer bars = new IntervalBarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    bars.setSeriesPaint(0, new Color(0x9DC3E6));
    bars.setMaximumBarWidth(0.8);
    CategoryPlot plot = new CategoryPlot(ranges, domain, range, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    LineAndShapeRenderer marks = new LineAndShapeRenderer(false, true);
    marks.setSeriesPaint(0, new Color(0x1F4E79));
    marks.setSeriesShape(0, diamond(5));
    marks.setSeriesPaint(1, PackCharts.HIGHLIGHT);
    marks.setSeriesShape(1, new Ellipse2D.Double(-3, -3, 6, 6));
    plot.setDataset(1, points);
    plot.setRenderer(1, marks);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(new Color(0xD9D9D9));
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(title, CjkFonts.font(Font.BOLD, 16f), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.getLegend().setItemFont(CjkFonts.font(Font.PLAIN, 11f));
    chart.getLegend().setFrame(BlockBorder.NONE);
    chart.getLegend().setPosition(RectangleEdge.TOP);
    if (subtitle != null && !subtitle.isBlank()) {
      TextTitle t = new TextTitle(subtitle, CjkFonts.font(Font.PLAIN, 11f));
      t.setPaint(Color.GRAY);
      chart.addSubtitle(0, t);
    }
    return chart;
  }

  /** Rank lines over periods, rank 1 at the top, without value labels (many lines cross). */
  public static JFreeChart trajectories(
      String title,
      String subtitle,
      List<String> periods,
      Map<String, Map<String, Integer>> ranks) {
    JFreeChart chart = PackCharts.rankBump(title, subtitle, periods, ranks);
    LineAndShapeRenderer r = (LineAndShapeRenderer) chart.getCategoryPlot().getRenderer();
    r.setDefaultItemLabelsVisible(false);
    for (int i = 0; i < ranks.size(); i++) {
      r.setSeriesStroke(i, new BasicStroke(2f));
      r.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
    }
    return chart;
  }

  private static java.awt.Shape diamond(double half) {
    java.awt.geom.Path2D.Double p = new java.awt.geom.Path2D.Double();
    p.moveTo(0, -half);
    p.lineTo(half, 0);
    p.lineTo(0, half);
    p.lineTo(-half, 0);
    p.closePath();
    return p;
  }
}
