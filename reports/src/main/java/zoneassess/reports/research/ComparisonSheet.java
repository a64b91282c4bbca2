package zoneassess.reports.research;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.Styled;
import zoneassess.reports.workbook.TableWriter;

/**
 * 方法对比: the newest period's zones under A and B, ranked by B, with the rank shift coloured (green
 * up, red down); beside it the zones that move most.
 */
final class ComparisonSheet {
  static final String NAME = "方法对比";
  static final int HEADER_ROW = 3;
  static final int TOP_MOVERS = 10;

  /** The movers block starts one empty column right of the main table. */
  static final int MOVERS_COL = 11;

  private ComparisonSheet() {}

  /** Largest |shift| first; equal sizes: moving up before moving down, then zone code. */
  static final Comparator<MethodComparison> MOVER_ORDER =
      Comparator.comparing((MethodComparison c) -> -Math.abs(c.rankShift()))
          .thenComparing(c -> -c.rankShift())
          .thenComparing(MethodComparison::zoneCode);

  /** Zones ranked under both whose rank differs, largest move first, at most {@code limit}. */
  static List<MethodComparison> movers(List<MethodComparison> rows, int limit) {
    return rows.stream()
        .filter(c -> c.rankShift() != null && c.rankShift() != 0)
        .sorted(MOVER_ORDER)
        .limit(limit)
        .toList();
  }

  static void write(ResearchContext ctx, String period) {
    PackStyles st = ctx.styles();
    ResearchStyles rs = ctx.research();
    List<MethodComparison> rows = ctx.data().comparisons(period);
    Sheet sh = ctx.workbook().createSheet(NAME);
    List<Column> cols =
        List.of(
            new Column("开发区代码", 11, st.textCentered()),
            new Column("开发区", 30, st.text()),
            new Column("城市", 8, st.textCentered()),
            new Column("级别", 7, st.textCentered()),
            new Column("方法A得分", 10, st.number(PackStyles.FMT_SCORE)),
            new Column("方法A排名", 9, st.number(ResearchStyles.FMT_RANK)),
            new Column("方法B得分", 10, st.number(PackStyles.FMT_SCORE)),
            new Column("方法B排名", 9, st.number(ResearchStyles.FMT_RANK)),
            new Column("得分变化(B−A)", 11, st.number("+0.00;-0.00;0.00")),
            new Column("排名变化(A→B)", 11, rs.shift(0)));
    SheetText.title(
        sh,
        st,
        "方法对比 · " + period,
        "方法A："
            + Methods.a(ctx.data())
            + "；方法B："
            + Methods.b(ctx.data())
            + "。按方法B排名排序；排名变化 = 方法A排名 − 方法B排名，▲ 绿色 = 在方法B下上升，▼ 红色 = 下降。",
        MOVERS_COL + 3);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (MethodComparison c : rows) {
      t.row(
          c.zoneCode(),
          c.zoneName(),
          c.city(),
          c.levelZh(),
          c.scoreA(),
          c.rankA(),
          c.scoreB(),
          c.rankB(),
          c.scoreChange(),
          new Styled(c.rankShift(), rs.shift(c.rankShift())));
    }
    sh.setColumnWidth(MOVERS_COL - 1, 3 * 256);
    List<Column> moverCols =
        List.of(
            new Column("变动最大的开发区", 30, st.text()),
            new Column("方法A排名", 9, st.number(ResearchStyles.FMT_RANK)),
            new Column("方法B排名", 9, st.number(ResearchStyles.FMT_RANK)),
            new Column("排名变化", 9, rs.shift(0)));
    TableWriter m = new TableWriter(sh, st, HEADER_ROW, MOVERS_COL, moverCols).header(true);
    List<MethodComparison> movers = movers(rows, TOP_MOVERS);
    for (MethodComparison c : movers) {
      m.row(
          Objects.requireNonNullElse(c.zoneName(), c.zoneCode()),
          c.rankA(),
          c.rankB(),
          new Styled(c.rankShift(), rs.shift(c.rankShift())));
    }
    if (movers.isEmpty()) {
      m.row("两种方法下排名均相同", null, null, null);
    }
    SheetCraft.freeze(sh, 2, HEADER_ROW + 1);
    sh.setAutoFilter(
        new org.apache.poi.ss.util.CellRangeAddress(
            HEADER_ROW, Math.max(HEADER_ROW, t.lastRow()), 0, cols.size() - 1));
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), HEADER_ROW, HEADER_ROW);
  }
}
