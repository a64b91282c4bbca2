package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.charts.PackCharts;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.ZoneResult;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.Styled;
import zoneassess.reports.workbook.TableWriter;

/** The province pack's ranking sheets: full ranking, national and provincial lists, heat map. */
final class RankingSheets {
  static final String FULL = "综合排名";
  static final String NATIONAL = "国家级开发区";
  static final String PROVINCIAL = "省级开发区";
  static final String HEAT = "维度热力图";
  static final String SCORES = "得分分布";
  static final int HEADER_ROW = 3;

  /** Zones per score chart: one chart fits one landscape page. */
  static final int ZONES_PER_CHART = 30;

  private RankingSheets() {}

  /** 综合排名: every zone, dimension scores, rules, rank, Δrank, class, tier and mark. */
  static Sheet full(PackContext ctx, List<ZoneResult> zones, String sheetName) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(sheetName);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("全省排名", 6, st.textCentered()));
    cols.add(new Column("升降", 6, st.textCentered()));
    cols.add(new Column("开发区", 28, st.text()));
    cols.add(new Column("城市", 7, st.textCentered()));
    cols.add(new Column("级别", 6, st.textCentered()));
    cols.add(new Column("指数得分", 8, st.number(PackStyles.FMT_SCORE)));
    cols.add(new Column("扣分", 6, st.number(PackStyles.FMT_SCORE)));
    cols.add(new Column("加分", 6, st.number(PackStyles.FMT_SCORE)));
    cols.add(new Column("进位分", 6, st.number(PackStyles.FMT_SCORE)));
    cols.add(new Column("综合得分", 8, st.numberBold(PackStyles.FMT_SCORE)));
    cols.add(new Column("进位情况", 8, st.textCentered()));
    cols.add(new Column("档次", 7, st.textCentered()));
    cols.add(new Column("薪酬系数", 7, st.number(PackStyles.FMT_SCORE)));
    cols.add(new Column("标记", 5, st.textCentered()));
    cols.add(new Column("备注", 24, st.textWrap()));
    SheetText.title(
        sh,
        st,
        "综合排名（全表，" + ctx.period() + "）",
        "共 " + zones.size() + " 个开发区；按全省排名排序，未排名（一票否决）的列在最后；各维度得分见附件维度热力图。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (ZoneResult z : zones) {
      List<Object> v = new ArrayList<>();
      v.add(z.rankAll());
      v.add(arrow(st, z.deltaRank()));
      v.add(z.zoneName());
      v.add(z.city());
      v.add(z.levelZh());
      v.add(z.indexScore());
      v.add(z.deductions());
      v.add(z.bonuses());
      v.add(z.progressPoints());
      v.add(z.finalScore());
      v.add(z.progressClass());
      v.add(z.tier());
      v.add(z.salaryCoefficient());
      v.add(Display.mark(z.mark()));
      v.add(z.eligible() ? null : "一票否决：" + Objects.toString(z.vetoReason(), "未注明"));
      t.row(v.toArray());
    }
    ConditionalFormats.marks(sh, t.bodyRange(cols.size() - 2));
    SheetCraft.freeze(sh, 3, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  static Styled arrow(PackStyles st, Integer delta) {
    CellStyle s = st.arrow(delta == null ? 0 : delta);
    return new Styled(Display.arrow(delta), s);
  }

  /** 国家级开发区 / 省级开发区: rank within the level next to the provincial rank. */
  static Sheet level(PackContext ctx, List<ZoneResult> zones, boolean national, String sheetName) {
    PackStyles st = ctx.styles();
    String name = national ? NATIONAL : PROVINCIAL;
    Sheet sh = ctx.workbook().createSheet(sheetName);
    List<ZoneResult> mine = zones.stream().filter(z -> z.isNational() == national).toList();
    List<Column> cols =
        List.of(
            new Column("级内排名", 7, st.textCentered()),
            new Column("全省排名", 7, st.textCentered()),
            new Column("升降", 6, st.textCentered()),
            new Column("开发区", 32, st.text()),
            new Column("城市", 8, st.textCentered()),
            new Column("类型", 14, st.textCentered()),
            new Column("综合得分", 9, st.numberBold(PackStyles.FMT_SCORE)),
            new Column("进位情况", 8, st.textCentered()),
            new Column("档次", 8, st.textCentered()),
            new Column("薪酬系数", 8, st.number(PackStyles.FMT_SCORE)),
            new Column("标记", 6, st.textCentered()));
    SheetText.title(
        sh,
        st,
        name + "排名（" + ctx.period() + "）",
        "考核期 " + ctx.period() + "，" + name + " " + mine.size() + " 个；级内排名为同级别开发区之间的排名。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    List<ZoneResult> sorted = new ArrayList<>(mine);
    sorted.sort(
        java.util.Comparator.comparing(
                ZoneResult::rankLevel,
                java.util.Comparator.nullsLast(java.util.Comparator.<Integer>naturalOrder()))
            .thenComparing(zoneassess.reports.marts.RunData.RANK_ORDER));
    for (ZoneResult z : sorted) {
      t.row(
          z.rankLevel(),
          z.rankAll(),
          arrow(st, z.deltaRank()),
          z.zoneName(),
          z.city(),
          Display.zoneType(z.zoneType()),
          z.finalScore(),
          z.progressClass(),
          z.tier(),
          z.salaryCoefficient(),
          Display.mark(z.mark()));
    }
    ConditionalFormats.marks(sh, t.bodyRange(cols.size() - 1));
    SheetCraft.freeze(sh, 4, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  /** 维度热力图: dimension scores coloured per column. */
  static Sheet heatMap(PackContext ctx, List<ZoneResult> zones, String sheetName) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(sheetName);
    Map<String, String> dims = ctx.data().dimensionNames();
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("全省排名", 7, st.textCentered()));
    cols.add(new Column("开发区", 30, st.text()));
    cols.add(new Column("城市", 8, st.textCentered()));
    for (String name : dims.values()) {
      cols.add(new Column(name, 10, st.number(PackStyles.FMT_SCORE)));
    }
    cols.add(new Column("综合得分", 10, st.numberBold(PackStyles.FMT_SCORE)));
    SheetText.title(
        sh,
        st,
        "维度得分热力图（" + ctx.period() + "）",
        "每列单独着色：红 = 本维度得分低，黄 = 居中，绿 = 高。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (ZoneResult z : zones) {
      Map<String, DimensionScore> ds = ctx.data().dimensions(z.zoneCode(), ctx.period());
      List<Object> v = new ArrayList<>();
      v.add(z.rankAll());
      v.add(z.zoneName());
      v.add(z.city());
      for (String code : dims.keySet()) {
        DimensionScore d = ds.get(code);
        v.add(d == null ? null : d.score());
      }
      v.add(z.finalScore());
      t.row(v.toArray());
    }
    for (int i = 0; i <= dims.size(); i++) {
      ConditionalFormats.colourScale(sh, t.bodyRange(3 + i), true);
    }
    SheetCraft.freeze(sh, 2, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  /** 得分分布: score bars with the provincial median, 40 zones per chart, one chart per page. */
  static Sheet scoreCharts(
      PackContext ctx, List<ZoneResult> zones, Set<String> highlighted, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    SheetCraft.widths(sh, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12);
    sh.setDisplayGridlines(false);
    List<ZoneResult> ranked = zones.stream().filter(z -> z.rankAll() != null).toList();
    double median = Median.of(ranked.stream().map(ZoneResult::finalScore).toList());
    SheetText.title(
        sh,
        st,
        "综合得分分布（" + ctx.period() + "）",
        String.format(
            java.util.Locale.ROOT,
            "各图同一坐标（0–100 分），虚线为全省中位数 %.2f 分%s。",
            median,
            highlighted.isEmpty() ? "" : "；深色为本简报的开发区"),
        10);
    int row = 3;
    int chunks = Math.max(1, (ranked.size() + ZONES_PER_CHART - 1) / ZONES_PER_CHART);
    // equal parts (116 zones → 29 + 29 + 29 + 29), each chart one page with its title
    int per = Math.max(1, (ranked.size() + chunks - 1) / chunks);
    for (int c = 0; c < chunks; c++) {
      List<ZoneResult> part =
          ranked.subList(Math.min(ranked.size(), c * per), Math.min(ranked.size(), (c + 1) * per));
      if (part.isEmpty()) {
        break;
      }
      List<PackCharts.Bar> bars =
          part.stream()
              .map(z -> new PackCharts.Bar(z.rankAll() + ". " + z.zoneName(), z.finalScore()))
              .toList();
      Set<String> hl = new java.util.HashSet<>();
      for (ZoneResult z : part) {
        if (highlighted.contains(z.zoneCode())) {
          hl.add(z.rankAll() + ". " + z.zoneName());
        }
      }
      String sub = "第 " + part.get(0).rankAll() + "–" + part.get(part.size() - 1).rankAll() + " 名";
      RenderedChart chart =
          ctx.chart(
              "score-bars-" + (c + 1),
              PackCharts.scoreBars("综合得分（" + ctx.period() + "）", sub, bars, median, hl),
              960,
              100 + 13 * part.size());
      int used = SheetCraft.picture(sh, chart, 0, row);
      row += used;
      if (c < chunks - 1) {
        sh.setRowBreak(row - 1);
      }
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }
}
