package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.charts.PackCharts;
import zoneassess.reports.model.ZoneResult;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/** 排名走势: the city's zones over the last five periods, with the rank bump chart. */
final class RankTrendSheet {
  static final String NAME = "排名走势";
  static final int PERIODS = 5;
  static final int HEADER_ROW = 3;

  private RankTrendSheet() {}

  static List<String> lastPeriods(PackContext ctx) {
    List<String> all = ctx.data().periods();
    int end = all.indexOf(ctx.period()) + 1;
    return all.subList(Math.max(0, end - PERIODS), end);
  }

  static Sheet write(PackContext ctx, String scope, List<ZoneResult> zones, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    List<String> periods = lastPeriods(ctx);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("开发区", 30, st.text()));
    cols.add(new Column("级别", 7, st.textCentered()));
    for (String p : periods) {
      cols.add(new Column(p + "排名", 8, st.textCentered()));
    }
    cols.add(new Column("本期升降", 8, st.textCentered()));
    cols.add(new Column("市内排名", 8, st.textCentered()));
    cols.add(new Column("综合得分", 9, st.numberBold(PackStyles.FMT_SCORE)));
    cols.add(new Column("进位情况", 8, st.textCentered()));
    cols.add(new Column("档次", 8, st.textCentered()));
    cols.add(new Column("标记", 6, st.textCentered()));
    int total =
        (int) ctx.data().results(ctx.period()).stream().filter(z -> z.rankAll() != null).count();
    SheetText.title(
        sh,
        st,
        scope + "开发区全省排名走势",
        "近 " + periods.size() + " 期全省排名（共 " + total + " 个参评）；空白 = 该期未参评或未排名。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
    for (ZoneResult z : zones) {
      Map<String, Integer> byPeriod = new LinkedHashMap<>();
      for (ZoneResult h : ctx.data().history(z.zoneCode())) {
        byPeriod.put(h.period(), h.rankAll());
      }
      ranks.put(z.zoneName(), byPeriod);
      List<Object> v = new ArrayList<>();
      v.add(z.zoneName());
      v.add(z.levelZh());
      for (String p : periods) {
        v.add(byPeriod.get(p));
      }
      v.add(RankingSheets.arrow(st, z.deltaRank()));
      v.add(z.rankCity());
      v.add(z.finalScore());
      v.add(z.progressClass());
      v.add(z.tier());
      v.add(Display.mark(z.mark()));
      t.row(v.toArray());
    }
    ConditionalFormats.marks(sh, t.bodyRange(cols.size() - 1));
    SheetCraft.freeze(sh, 1, HEADER_ROW + 1);
    int top = t.nextRow() + 1;
    var chart =
        ctx.chart(
            "rank-bump",
            PackCharts.rankBump(
                scope + "开发区全省排名走势", "近 " + periods.size() + " 期，名次越靠上越好", periods, ranks),
            960,
            zones.size() > 12 ? 520 : 300);
    SheetCraft.picture(sh, chart, 0, top);
    // a city has a handful of zones: the table never needs its header repeated, and a repeated
    // header above the chart's page would stand alone
    SheetCraft.printSetup(
        sh, ctx.title(), ctx.runId(), zones.size() > 20 ? HEADER_ROW : -1, HEADER_ROW);
    return sh;
  }
}
