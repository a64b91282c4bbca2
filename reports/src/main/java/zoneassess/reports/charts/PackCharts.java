package zoneassess.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SpiderWebPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.BoxAndWhiskerItem;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/**
 * The pack's charts, built from plain values so that tests can check each dataset (series, order,
 * values). Every text element uses the CJK font from {@link CjkFonts}; colours are fixed so the
 * same run gives the same picture.
 *
 * <p>Longer than 500 lines on purpose: one short factory per chart of the pack, sharing the styling
 * helpers at the bottom; the chart types have nothing else in common to split along.
 */
public final class PackCharts {
  private PackCharts() {}

  /** Series colours, in order. */
  public static final List<Color> PALETTE =
      List.of(
          new Color(0x1F4E79),
          new Color(0xC55A11),
          new Color(0x548235),
          new Color(0x7030A0),
          new Color(0xBF9000),
          new Color(0x2E75B6),
          new Color(0xC00000),
          new Color(0x7F7F7F),
          new Color(0x00B0A0),
          new Color(0x8F5E2A));

  public static final Color HIGHLIGHT = new Color(0xC00000);
  public static final Color MUTED = new Color(0x9DC3E6);
  public static final Color CLASS_A = new Color(0x548235);
  public static final Color CLASS_B = new Color(0x2E75B6);
  public static final Color CLASS_C = new Color(0xFFC000);
  public static final Color CLASS_D = new Color(0xC00000);

  /** A labelled value (a bar). */
  public record Bar(String label, double value) {}

  /** A-B-C-D shares (0–1) of one zone or city. */
  public record ClassMix(String label, double a, double b, double c, double d) {}

  /** One factor's provincial distribution as an index (median = 100) and the marked places. */
  public record CostBox(
      String factor,
      double min,
      double q1,
      double median,
      double q3,
      double max,
      Map<String, Double> places) {}

  private static StandardChartTheme theme() {
    StandardChartTheme t = new StandardChartTheme("zoneassess");
    t.setExtraLargeFont(CjkFonts.font(Font.BOLD, 18f));
    t.setLargeFont(CjkFonts.font(Font.BOLD, 14f));
    t.setRegularFont(CjkFonts.font(Font.PLAIN, 12f));
    t.setSmallFont(CjkFonts.font(Font.PLAIN, 11f));
    t.setChartBackgroundPaint(Color.WHITE);
    t.setPlotBackgroundPaint(Color.WHITE);
    t.setDomainGridlinePaint(new Color(0xD9D9D9));
    t.setRangeGridlinePaint(new Color(0xD9D9D9));
    t.setBarPainter(new StandardBarPainter());
    t.setShadowVisible(false);
    t.setAxisLabelPaint(Color.DARK_GRAY);
    t.setTickLabelPaint(Color.DARK_GRAY);
    return t;
  }

  private static JFreeChart finish(JFreeChart chart) {
    theme().apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setFrame(BlockBorder.NONE);
      legend.setPosition(RectangleEdge.BOTTOM);
    }
    return chart;
  }

  private static void subtitle(JFreeChart chart, String text) {
    if (text != null && !text.isBlank()) {
      TextTitle t = new TextTitle(text, CjkFonts.font(Font.PLAIN, 12f));
      t.setPaint(Color.GRAY);
      chart.addSubtitle(t);
    }
  }

  /**
   * Ranks over periods, one line per zone; rank 1 at the top.
   *
   * @param ranks zone → (period → rank), in legend order; a missing period leaves a gap
   */
  public static JFreeChart rankBump(
      String title,
      String subtitle,
      List<String> periods,
      Map<String, Map<String, Integer>> ranks) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (var zone : ranks.entrySet()) {
      for (String p : periods) {
        Integer r = zone.getValue().get(p);
        ds.addValue(r, zone.getKey(), p);
      }
    }
    JFreeChart chart =
        ChartFactory.createLineChart(
            title, "期次", "全省排名", ds, PlotOrientation.VERTICAL, true, false, false);
    finish(chart);
    subtitle(chart, subtitle);
    CategoryPlot plot = chart.getCategoryPlot();
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setInverted(true);
    axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    axis.setAutoRangeIncludesZero(false);
    double maxRank = 1;
    for (var zone : ranks.values()) {
      for (Integer r : zone.values()) {
        if (r != null) {
          maxRank = Math.max(maxRank, r);
        }
      }
    }
    axis.setRange(0.5, maxRank + 0.5);
    // Told apart without colour: each line has its own marker shape and dash pattern, and the
    // zone's name is written at the end of its line.
    LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
    java.awt.Shape[] shapes =
        org.jfree.chart.plot.DefaultDrawingSupplier.createStandardSeriesShapes();
    for (int i = 0; i < ds.getRowCount(); i++) {
      r.setSeriesPaint(i, GREYS.get(i % GREYS.size()));
      r.setSeriesStroke(i, DASHES.get(i % DASHES.size()));
      r.setSeriesShape(i, scaled(shapes[i % shapes.length], 1.6));
      r.setSeriesShapesFilled(i, i % 2 == 0);
    }
    String lastPeriod = periods.isEmpty() ? null : periods.get(periods.size() - 1);
    if (lastPeriod != null) {
      for (var zone : ranks.entrySet()) {
        Integer rank = zone.getValue().get(lastPeriod);
        if (rank != null) {
          org.jfree.chart.annotations.CategoryTextAnnotation a =
              new org.jfree.chart.annotations.CategoryTextAnnotation(
                  "  " + shortName(zone.getKey()) + " " + rank, lastPeriod, rank);
          a.setFont(CjkFonts.font(Font.PLAIN, 11f));
          a.setTextAnchor(TextAnchor.CENTER_LEFT);
          a.setCategoryAnchor(org.jfree.chart.axis.CategoryAnchor.END);
          plot.addAnnotation(a);
        }
      }
      plot.getDomainAxis().setUpperMargin(0.22);
    }
    plot.setRenderer(r);
    return chart;
  }

  /**
   * Five-dimension profile (立体成像): the zone against the provincial mean and the best zone.
   *
   * @param dims dimension name → {zone, mean, best}
   */
  public static JFreeChart radar(String title, String zoneName, Map<String, double[]> dims) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    double max = 0;
    for (var d : dims.entrySet()) {
      ds.addValue(d.getValue()[0], zoneName, d.getKey());
      max = Math.max(max, Math.max(d.getValue()[0], Math.max(d.getValue()[1], d.getValue()[2])));
    }
    for (var d : dims.entrySet()) {
      ds.addValue(d.getValue()[1], "全省平均", d.getKey());
    }
    for (var d : dims.entrySet()) {
      ds.addValue(d.getValue()[2], "全省最优", d.getKey());
    }
    SpiderWebPlot plot = new SpiderWebPlot(ds);
    plot.setMaxValue(max <= 0 ? 1 : max * 1.05);
    // zone: thick solid dark line; mean: dashed mid grey; best: dotted light grey — readable in
    // black-and-white print
    plot.setSeriesPaint(0, Color.BLACK);
    plot.setSeriesPaint(1, new Color(0x606060));
    plot.setSeriesPaint(2, new Color(0x909090));
    plot.setSeriesOutlinePaint(0, Color.BLACK);
    plot.setSeriesOutlinePaint(1, new Color(0x606060));
    plot.setSeriesOutlinePaint(2, new Color(0x909090));
    plot.setSeriesOutlineStroke(0, new BasicStroke(3.5f));
    plot.setSeriesOutlineStroke(
        1,
        new BasicStroke(
            2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {8f, 5f}, 0f));
    plot.setSeriesOutlineStroke(
        2,
        new BasicStroke(
            2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1f, 5f}, 0f));
    plot.setWebFilled(false);
    plot.setInteriorGap(0.22);
    plot.setOutlineVisible(false);
    JFreeChart chart = new JFreeChart(title, CjkFonts.font(Font.BOLD, 18f), plot, true);
    finish(chart);
    plot.setLabelFont(CjkFonts.font(Font.BOLD, 13f));
    plot.setLabelPaint(Color.DARK_GRAY);
    return chart;
  }

  /**
   * Final scores as horizontal bars in rank order with the provincial median as a line; the
   * highlighted labels (e.g. the city's zones) are drawn in red.
   */
  public static JFreeChart scoreBars(
      String title, String subtitle, List<Bar> bars, double median, Set<String> highlighted) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (Bar b : bars) {
      ds.addValue(b.value(), "综合得分", b.label());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, "综合得分", ds, PlotOrientation.HORIZONTAL, false, false, false);
    finish(chart);
    subtitle(chart, subtitle);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setRenderer(new HighlightBarRenderer(ds, highlighted));
    ((BarRenderer) plot.getRenderer()).setMaximumBarWidth(0.08);
    plot.getDomainAxis().setTickLabelFont(CjkFonts.font(Font.PLAIN, bars.size() > 40 ? 9f : 11f));
    plot.getDomainAxis().setCategoryMargin(0.15);
    ValueMarker m =
        new ValueMarker(
            median,
            Color.BLACK,
            new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
    m.setLabel(String.format(java.util.Locale.ROOT, "全省中位数 %.2f", median));
    m.setLabelFont(CjkFonts.font(Font.BOLD, 12f));
    m.setLabelPaint(Color.BLACK);
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    plot.addRangeMarker(m);
    // every score chart of a pack shares one 0–100 axis, so bar lengths compare across charts
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setRange(0, 100);
    BarRenderer br = (BarRenderer) plot.getRenderer();
    br.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator(
            "{2}",
            new java.text.DecimalFormat(
                "0.0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
    br.setDefaultItemLabelsVisible(true);
    br.setDefaultItemLabelFont(CjkFonts.font(Font.PLAIN, bars.size() > 40 ? 9f : 10f));
    br.setDefaultPositiveItemLabelPosition(
        new org.jfree.chart.labels.ItemLabelPosition(
            org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    return chart;
  }

  /** Greys from dark to light for lines that must survive black-and-white print. */
  static final List<Color> GREYS =
      List.of(
          Color.BLACK,
          new Color(0x404040),
          new Color(0x707070),
          new Color(0x202020),
          new Color(0x555555),
          new Color(0x888888),
          new Color(0x303030),
          new Color(0x606060),
          new Color(0x7A7A7A));

  static final List<BasicStroke> DASHES =
      List.of(
          new BasicStroke(2.5f),
          dash(2.5f, 10f, 5f),
          dash(2.5f, 2f, 4f),
          dash(2.5f, 12f, 4f, 2f, 4f),
          dash(2f, 6f, 3f),
          dash(3f, 1f, 3f),
          dash(2f, 14f, 6f),
          dash(2.5f, 6f, 3f, 2f, 3f, 2f, 3f),
          new BasicStroke(1.5f));

  static BasicStroke dash(float width, float... pattern) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, pattern, 0f);
  }

  static java.awt.Shape scaled(java.awt.Shape s, double f) {
    return java.awt.geom.AffineTransform.getScaleInstance(f, f).createTransformedShape(s);
  }

  /** A zone name without the common suffix, for labels at line ends. */
  static String shortName(String name) {
    for (String suffix : List.of("经济技术开发区", "高新技术产业开发区", "经济开发区", "开发区")) {
      if (name.endsWith(suffix) && name.length() > suffix.length()) {
        String head = name.substring(0, name.length() - suffix.length());
        return head + (suffix.startsWith("经济技术") ? "经开区" : suffix.startsWith("高新") ? "高新区" : "开发区");
      }
    }
    return name;
  }

  /** A/B/C/D shares as 100 % stacked bars. */
  public static JFreeChart classMix(String title, String subtitle, List<ClassMix> rows) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    String[] classes = {"A类", "B类", "C类", "D类"};
    for (int k = 0; k < classes.length; k++) {
      for (ClassMix m : rows) {
        double v =
            switch (k) {
              case 0 -> m.a();
              case 1 -> m.b();
              case 2 -> m.c();
              default -> m.d();
            };
        ds.addValue(v, classes[k], m.label());
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            title, null, "占参评企业比重", ds, PlotOrientation.VERTICAL, true, false, false);
    finish(chart);
    subtitle(chart, subtitle);
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    r.setRenderAsPercentages(false);
    // light (A) to dark (D): the order of the classes survives black-and-white print
    r.setSeriesPaint(0, new Color(0xE0E0E0));
    r.setSeriesPaint(1, new Color(0xB0B0B0));
    r.setSeriesPaint(2, new Color(0x7A7A7A));
    r.setSeriesPaint(3, new Color(0x262626));
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setSeriesItemLabelPaint(0, Color.BLACK);
    r.setSeriesItemLabelPaint(1, Color.BLACK);
    r.setMaximumBarWidth(0.09);
    r.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator(
            "{2}", java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT)));
    r.setDefaultItemLabelsVisible(rows.size() <= 15);
    r.setDefaultItemLabelFont(CjkFonts.font(Font.PLAIN, 10f));
    r.setDefaultItemLabelPaint(Color.WHITE);
    r.setSeriesItemLabelPaint(0, Color.BLACK);
    r.setSeriesItemLabelPaint(1, Color.BLACK);
    NumberAxis axis = (NumberAxis) plot.getRangeAxis();
    axis.setRange(0, 1);
    axis.setNumberFormatOverride(java.text.NumberFormat.getPercentInstance(java.util.Locale.ROOT));
    if (rows.size() > 8) {
      plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    }
    return chart;
  }

  /**
   * Factor costs: each factor's provincial distribution as a box (index, median = 100) with the
   * marked places as dots; the first place is the highlighted one.
   */
  public static JFreeChart costBoxes(String title, String subtitle, List<CostBox> boxes) {
    DefaultBoxAndWhiskerCategoryDataset dist = new DefaultBoxAndWhiskerCategoryDataset();
    DefaultCategoryDataset dots = new DefaultCategoryDataset();
    for (CostBox b : boxes) {
      dist.add(
          new BoxAndWhiskerItem(
              b.median(),
              b.median(),
              b.q1(),
              b.q3(),
              b.min(),
              b.max(),
              b.min(),
              b.max(),
              List.of()),
          "全省分布",
          b.factor());
    }
    // Places first (so the highlighted place is series 0), then factors in box order.
    if (!boxes.isEmpty()) {
      for (String place : boxes.get(0).places().keySet()) {
        for (CostBox b : boxes) {
          dots.addValue(b.places().get(place), place, b.factor());
        }
      }
    }
    CategoryAxis domain = new CategoryAxis(null);
    NumberAxis range = new NumberAxis("指数（全省中位数 = 100，越低越便宜）");
    range.setAutoRangeIncludesZero(false);
    BoxAndWhiskerRenderer boxRenderer = new BoxAndWhiskerRenderer();
    boxRenderer.setSeriesPaint(0, new Color(0xDDEBF7));
    boxRenderer.setSeriesOutlinePaint(0, new Color(0x2E75B6));
    boxRenderer.setMeanVisible(false);
    boxRenderer.setMaxOutlierVisible(false);
    boxRenderer.setMinOutlierVisible(false);
    boxRenderer.setMaximumBarWidth(0.5);
    boxRenderer.setFillBox(true);
    CategoryPlot plot = new CategoryPlot(dist, domain, range, boxRenderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    LineAndShapeRenderer dotRenderer = new LineAndShapeRenderer(false, true);
    for (int i = 0; i < dots.getRowCount(); i++) {
      boolean first = i == 0;
      dotRenderer.setSeriesPaint(i, first ? HIGHLIGHT : PALETTE.get((i + 4) % PALETTE.size()));
      double s = first ? 12 : 8;
      dotRenderer.setSeriesShape(
          i,
          first
              ? new java.awt.geom.Rectangle2D.Double(-s / 2, -s / 2, s, s)
              : new Ellipse2D.Double(-s / 2, -s / 2, s, s));
    }
    plot.setDataset(1, dots);
    plot.setRenderer(1, dotRenderer);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    ValueMarker hundred = new ValueMarker(100, Color.GRAY, new BasicStroke(1f));
    plot.addRangeMarker(hundred);
    JFreeChart chart = new JFreeChart(title, CjkFonts.font(Font.BOLD, 18f), plot, true);
    finish(chart);
    subtitle(chart, subtitle);
    boxRenderer.setSeriesPaint(0, new Color(0xDDEBF7));
    return chart;
  }

  /** Annual cost of a typical firm by place, cheapest first; highlighted places in red. */
  public static JFreeChart typicalFirmCost(
      String title, String subtitle, List<Bar> bars, Set<String> highlighted) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    for (Bar b : bars) {
      ds.addValue(b.value(), "年要素成本（万元）", b.label());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title, null, "万元/年", ds, PlotOrientation.HORIZONTAL, false, false, false);
    finish(chart);
    subtitle(chart, subtitle);
    CategoryPlot plot = chart.getCategoryPlot();
    HighlightBarRenderer r = new HighlightBarRenderer(ds, highlighted);
    r.setDefaultItemLabelGenerator(
        new StandardCategoryItemLabelGenerator(
            "{2}",
            new java.text.DecimalFormat(
                "#,##0", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))));
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelFont(CjkFonts.font(Font.PLAIN, 10f));
    r.setDefaultPositiveItemLabelPosition(
        new org.jfree.chart.labels.ItemLabelPosition(
            org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
    r.setMaximumBarWidth(0.08);
    plot.setRenderer(r);
    // bars start at zero: a cut axis would make a 5 % difference look like a doubling
    ((NumberAxis) plot.getRangeAxis()).setAutoRangeIncludesZero(true);
    ((NumberAxis) plot.getRangeAxis()).setUpperMargin(0.15);
    return chart;
  }

  /**
   * Major-project funnel: projects signed → started → producing → meeting targets, stacked by
   * investment tier (each project counts in its highest tier only, so the stack is the total).
   *
   * @param tiers tier → {signed, started, producing, target met}, in legend order
   */
  public static JFreeChart funnel(String title, String subtitle, Map<String, long[]> tiers) {
    DefaultCategoryDataset ds = new DefaultCategoryDataset();
    String[] stages = {"签约", "开工", "投产", "达效"};
    for (var t : tiers.entrySet()) {
      for (int s = 0; s < stages.length; s++) {
        ds.addValue(t.getValue()[s], t.getKey(), stages[s]);
      }
    }
    JFreeChart chart =
        ChartFactory.createStackedBarChart(
            title, null, "项目数（个）", ds, PlotOrientation.HORIZONTAL, true, false, false);
    finish(chart);
    subtitle(chart, subtitle);
    CategoryPlot plot = chart.getCategoryPlot();
    StackedBarRenderer r = (StackedBarRenderer) plot.getRenderer();
    for (int i = 0; i < ds.getRowCount(); i++) {
      r.setSeriesPaint(
          i,
          new Color[] {
                new Color(0x404040), new Color(0x808080), new Color(0xB0B0B0), new Color(0xD9D9D9)
              }
              [i % 4]);
    }
    r.setBarPainter(new StandardBarPainter());
    r.setShadowVisible(false);
    r.setDefaultItemLabelsVisible(true);
    r.setDefaultItemLabelPaint(Color.BLACK);
    r.setDefaultItemLabelFont(CjkFonts.font(Font.BOLD, 11f));
    r.setMaximumBarWidth(0.18);
    ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
    return chart;
  }

  /** Bars in one colour, the highlighted categories in red. */
  static final class HighlightBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final transient DefaultCategoryDataset data;
    private final Set<String> highlighted;

    HighlightBarRenderer(DefaultCategoryDataset data, Set<String> highlighted) {
      this.data = data;
      this.highlighted = Set.copyOf(highlighted);
      setBarPainter(new StandardBarPainter());
      setShadowVisible(false);
      setDrawBarOutline(false);
    }

    @Override
    public Paint getItemPaint(int row, int column) {
      String label = String.valueOf(data.getColumnKey(column));
      return highlighted.contains(label) ? new Color(0x202020) : new Color(0xA6A6A6);
    }
  }
}
