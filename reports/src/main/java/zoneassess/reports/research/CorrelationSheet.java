package zoneassess.reports.research;

import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/** 相关性: per period, how closely the rankings under A and B agree. */
final class CorrelationSheet {
  static final String NAME = "相关性";
  static final int HEADER_ROW = 3;

  private CorrelationSheet() {}

  static void write(ResearchContext ctx) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(NAME);
    List<Column> cols =
        List.of(
            new Column("期次", 10, st.textCentered()),
            new Column("两法均排名的开发区数", 12, st.number(PackStyles.FMT_INT)),
            new Column("Spearman ρ", 11, st.number(ResearchStyles.FMT_CORR)),
            new Column("Kendall τb", 11, st.number(ResearchStyles.FMT_CORR)),
            new Column("平均|排名变化|", 11, st.number(PackStyles.FMT_DEC2)),
            new Column("最大|排名变化|", 11, st.number(PackStyles.FMT_INT)),
            new Column("排名变化的开发区数", 12, st.number(PackStyles.FMT_INT)),
            new Column("变化占比", 9, st.number(PackStyles.FMT_PCT)));
    SheetText.title(
        sh,
        st,
        "方法A与方法B排名的相关性",
        "方法A：" + Methods.a(ctx.data()) + "；方法B：" + Methods.b(ctx.data()) + "。系数越接近 1，两种方法的排序越一致。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (MethodCorrelation c : ctx.data().correlations()) {
      Double share =
          c.zones() == null || c.zones() == 0 || c.zonesMoved() == null
              ? null
              : c.zonesMoved() / (double) c.zones();
      t.row(
          c.period(),
          c.zones(),
          c.spearman(),
          c.kendallTauB(),
          c.meanAbsShift(),
          c.maxAbsShift(),
          c.zonesMoved(),
          share);
    }
    ConditionalFormats.colourScale(sh, t.bodyRange(2), true);
    ConditionalFormats.colourScale(sh, t.bodyRange(3), true);
    int row = t.nextRow() + 1;
    SheetText.prose(sh, st, row++, 0, cols.size() - 1, Reading.SPEARMAN, false);
    SheetText.prose(sh, st, row, 0, cols.size() - 1, Reading.KENDALL, false);
    SheetCraft.freeze(sh, 1, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), HEADER_ROW, HEADER_ROW);
  }
}
