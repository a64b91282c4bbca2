package zoneassess.reports.research;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jfree.chart.JFreeChart;
import zoneassess.reports.charts.ChartFiles;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.workbook.PackStyles;

/**
 * What the researcher pack's sheet writers share: the data, the workbook and its styles, where
 * charts go, and the sheets left out (with the reason, for the cover).
 */
final class ResearchContext {
  static final String TITLE = "开发区考核评价方法研究资料包";
  static final String STEM = "research";

  private final ResearchData data;
  private final XSSFWorkbook workbook;
  private final PackStyles styles;
  private final ResearchStyles research;
  private final ChartFiles charts;
  private final List<String> omissions = new ArrayList<>();
  private final List<RenderedChart> rendered = new ArrayList<>();

  ResearchContext(ResearchData data, XSSFWorkbook workbook, ChartFiles charts) {
    this.data = data;
    this.workbook = workbook;
    this.styles = new PackStyles(workbook);
    this.research = new ResearchStyles(styles);
    this.charts = charts;
  }

  ResearchData data() {
    return data;
  }

  XSSFWorkbook workbook() {
    return workbook;
  }

  PackStyles styles() {
    return styles;
  }

  ResearchStyles research() {
    return research;
  }

  /** The run id in page footers: the parameter, else "—". */
  String runId() {
    String id = data.parameter("run_id");
    return id == null ? "—" : id;
  }

  void omit(String sheet, String why) {
    omissions.add(sheet + "：" + why);
  }

  List<String> omissions() {
    return List.copyOf(omissions);
  }

  RenderedChart chart(String name, JFreeChart chart, int width, int height) {
    RenderedChart c = charts.render(STEM + "-" + name, chart, width, height);
    rendered.add(c);
    return c;
  }

  List<RenderedChart> rendered() {
    return List.copyOf(rendered);
  }
}
