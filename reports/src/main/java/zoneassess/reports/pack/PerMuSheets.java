package zoneassess.reports.pack;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import zoneassess.reports.charts.PackCharts;
import zoneassess.reports.model.PerMuArea;
import zoneassess.reports.model.PerMuMeasures;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/** 亩均效益: per-mu summary by city with a native stacked chart of the class mix. */
final class PerMuSheets {
  static final String NAME = "亩均效益";
  static final int HEADER_ROW = 3;

  private PerMuSheets() {}

  static Sheet byCity(PackContext ctx, int year, String name) {
    PackStyles st = ctx.styles();
    XSSFSheet sh = ctx.workbook().createSheet(name);
    List<PerMuArea> cities = ctx.data().perMuCities(year);
    List<Column> cols =
        List.of(
            new Column("城市", 7, st.textCentered()),
            new Column("企业数", 7, st.number(PackStyles.FMT_INT)),
            new Column("参评企业", 7, st.number(PackStyles.FMT_INT)),
            new Column("用地面积 亩", 9, st.number(PackStyles.FMT_INT)),
            new Column("亩均税收 万元/亩", 8, st.number(PackStyles.FMT_DEC2)),
            new Column("亩均增加值 万元/亩", 8, st.number(PackStyles.FMT_DEC2)),
            new Column("亩均销售收入 万元/亩", 8, st.number(PackStyles.FMT_DEC2)),
            new Column("A类", 5, st.number(PackStyles.FMT_INT)),
            new Column("B类", 5, st.number(PackStyles.FMT_INT)),
            new Column("C类", 5, st.number(PackStyles.FMT_INT)),
            new Column("D类", 5, st.number(PackStyles.FMT_INT)),
            new Column("T类", 5, st.number(PackStyles.FMT_INT)),
            new Column("A类占比", 7, st.number(PackStyles.FMT_PCT)),
            new Column("B类占比", 7, st.number(PackStyles.FMT_PCT)),
            new Column("C类占比", 7, st.number(PackStyles.FMT_PCT)),
            new Column("D类占比", 7, st.number(PackStyles.FMT_PCT)),
            new Column("D类用地 亩", 8, st.number(PackStyles.FMT_INT)),
            new Column("差别化电价加价 万元", 9, st.number("#,##0.0")),
            new Column("亩均税收同比", 7, st.number(PackStyles.FMT_PCT)));
    SheetText.title(
        sh,
        st,
        "亩均效益（按城市）",
        year + " 年；占比以参评企业（不含 T 类）为分母；D 类用地即低效用地；加价为 D 类企业差别化电价的预计年收入。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (PerMuArea a : cities) {
      PerMuMeasures m = a.m();
      t.row(
          a.areaName(),
          m.enterprises(),
          m.evaluated(),
          m.landMu(),
          m.taxPerMu(),
          m.valueAddedPerMu(),
          m.revenuePerMu(),
          m.countA(),
          m.countB(),
          m.countC(),
          m.countD(),
          m.countT(),
          m.shareA(),
          m.shareB(),
          m.shareC(),
          m.shareD(),
          m.dLandMu(),
          m.surchargeRevenue10k(),
          pct(m.taxPerMuChangePct()));
    }
    zoneassess.reports.workbook.ConditionalFormats.colourScale(sh, t.bodyRange(4), true);
    SheetText.prose(sh, st, t.nextRow(), 0, 12, classMeasures(ctx), false);
    if (!cities.isEmpty()) {
      int top = t.lastRow() + 3;
      // a picture, not a native chart: LibreOffice prints a native chart's text on the page
      // before its anchor when the chart follows a page break
      var chart =
          ctx.chart(
              "permu-class-mix",
              PackCharts.classMix(
                  "各市亩均效益分类结构（" + year + "年）",
                  "占参评企业比重；A 类最浅、D 类最深",
                  cities.stream()
                      .map(
                          a ->
                              new PackCharts.ClassMix(
                                  a.areaName(),
                                  nz(a.m().shareA()),
                                  nz(a.m().shareB()),
                                  nz(a.m().shareC()),
                                  nz(a.m().shareD())))
                      .toList()),
              900,
              420);
      SheetCraft.picture(sh, chart, 0, top);
    }
    SheetCraft.freeze(sh, 1, HEADER_ROW + 1);
    // one row per city fits a page: a repeated header would only stand alone above the chart
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }

  /** The classes' policy names and measures from the pack configuration, as one sentence. */
  static String classMeasures(PackContext ctx) {
    StringBuilder sb = new StringBuilder("分类政策：");
    ctx.config()
        .perMuClasses()
        .forEach((k, v) -> sb.append(sb.length() > 5 ? "；" : "").append(k).append("类 ").append(v));
    return sb.append("。").toString();
  }

  /** The mart gives the change in percent (12.5 = +12.5 %); cells hold fractions for "0.0%". */
  static Double pct(Double percent) {
    return percent == null ? null : percent / 100.0;
  }

  static double nz(Double v) {
    return v == null ? 0 : v;
  }
}
