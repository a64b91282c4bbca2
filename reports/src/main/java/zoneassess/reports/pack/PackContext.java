package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import zoneassess.reports.PackConfig;
import zoneassess.reports.PackRequest;
import zoneassess.reports.charts.ChartFiles;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.workbook.PackStyles;

/**
 * What every sheet writer of one pack shares: the run's data, the workbook and its styles, where
 * charts go, the pack title, and the notes collected while writing (omitted sheets and why).
 */
public final class PackContext {
  private final RunData data;
  private final XSSFWorkbook workbook;
  private final PackStyles styles;
  private final ChartFiles charts;
  private final String title;
  private final String stem;
  private final String period;
  private final List<String> omissions = new ArrayList<>();
  private final List<RenderedChart> rendered = new ArrayList<>();
  private final PackConfig config;
  private final PackRequest.Kind kind;
  private int annexes;

  public PackContext(
      RunData data,
      XSSFWorkbook workbook,
      ChartFiles charts,
      String title,
      String stem,
      String period,
      PackConfig config,
      PackRequest.Kind kind) {
    this.config = config;
    this.kind = kind;
    this.data = data;
    this.workbook = workbook;
    this.styles = new PackStyles(workbook);
    this.charts = charts;
    this.title = title;
    this.stem = stem;
    this.period = period;
  }

  public PackConfig config() {
    return config;
  }

  public PackRequest.Kind kind() {
    return kind;
  }

  /** True when the run read synthetic inputs: every page then carries the banner. */
  public boolean synthetic() {
    return data.info().synthetic();
  }

  /** The next annex sheet name, e.g. "附件2·综合排名" (sheet names stay within 31 characters). */
  public String annex(String name) {
    annexes++;
    String full = "附件" + annexes + "·" + name;
    return full.length() > 31 ? full.substring(0, 31) : full;
  }

  public RunData data() {
    return data;
  }

  public XSSFWorkbook workbook() {
    return workbook;
  }

  public PackStyles styles() {
    return styles;
  }

  public String title() {
    return title;
  }

  public String runId() {
    return data.info().runId();
  }

  public String period() {
    return period;
  }

  /** Records that a sheet or section was left out, with the reason (shown on the notes sheet). */
  public void omit(String what, String why) {
    omissions.add(what + ":" + why);
  }

  public List<String> omissions() {
    return List.copyOf(omissions);
  }

  /** Renders a chart to PNG + SVG under the pack's stem. */
  public RenderedChart chart(String name, org.jfree.chart.JFreeChart chart, int width, int height) {
    RenderedChart c = charts.render(stem + "-" + name, chart, width, height);
    rendered.add(c);
    return c;
  }

  public List<RenderedChart> rendered() {
    return List.copyOf(rendered);
  }
}
