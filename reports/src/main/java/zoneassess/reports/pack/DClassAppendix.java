package zoneassess.reports.pack;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.marts.MartReader;
import zoneassess.reports.marts.MartRow;
import zoneassess.reports.model.DEnterprise;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.PrintPlan;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 附录·D类企业: the city's D-class enterprises, streamed from {@code permu_enterprise} row by row into
 * an SXSSF sheet — memory stays bounded however many firms there are. Rows appear in the mart's
 * published order (the per-mu engine sorts it); they are never collected into a list.
 */
final class DClassAppendix {
  static final String NAME = "D类企业名单";
  static final int HEADER_ROW = 3;

  private DClassAppendix() {}

  /**
   * Writes the appendix and returns the number of enterprises written.
   *
   * @param keep which D-class rows belong to this pack (city or zone)
   * @param zoneNames zone code → zone name, for the 开发区 column
   */
  static long write(
      SXSSFWorkbook wb,
      PackStyles st,
      PackContext ctx,
      String scope,
      int year,
      Predicate<MartRow> keep,
      Map<String, String> zoneNames) {
    SXSSFSheet sh = wb.createSheet(ctx.annex(NAME));
    List<Column> cols =
        List.of(
            new Column("序号", 4, st.textCentered()),
            new Column("统一社会信用代码", 19, st.text()),
            new Column("企业名称", 24, st.text()),
            new Column("开发区", 20, st.text()),
            new Column("规模", 4, st.textCentered()),
            new Column("用地 亩", 7, st.number("#,##0.0")),
            new Column("亩均税收 万元/亩", 8, st.number(PackStyles.FMT_DEC2)),
            new Column("亩均销售 万元/亩", 8, st.number(PackStyles.FMT_DEC2)),
            new Column("综合得分", 6, st.number(PackStyles.FMT_SCORE)),
            new Column("组内排名", 7, st.textCentered()),
            new Column("连续D类年数", 5, st.number(PackStyles.FMT_INT)),
            new Column("电价加价 元/千瓦时", 7, st.number(PackStyles.FMT_DEC2)),
            new Column("预计加价 万元", 8, st.number("#,##0.0")));
    SheetText.title(
        sh,
        st,
        scope + " D 类（落后整治类）企业名单（" + year + "年）",
        "亩均效益评价 D 类（组内末 5%）企业；差别化电价加价按连续 D 类年数递增。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    SheetCraft.freeze(sh, 3, HEADER_ROW + 1);
    sh.getPrintSetup().setLandscape(true);
    int scale = PrintPlan.scale(sh, 0, cols.size() - 1);
    int perPage = PrintPlan.rowsPerPage(sh, scale, 17, sh.getRow(HEADER_ROW).getHeightInPoints());
    int firstPage =
        PrintPlan.rowsPerPage(
            sh,
            scale,
            17,
            sh.getRow(0).getHeightInPoints()
                + sh.getRow(1).getHeightInPoints()
                + 15
                + sh.getRow(HEADER_ROW).getHeightInPoints());
    long[] n = {0};
    MartReader reader = ctx.data().reader();
    String uri = ctx.data().martUri(MartMapping.PERMU_ENTERPRISE);
    List<String> years = reader.partitionValues(uri, MartMapping.ENTERPRISE_YEAR);
    String source =
        years.contains(Integer.toString(year))
            ? uri + "/" + MartMapping.ENTERPRISE_YEAR + "=" + year
            : uri;
    reader.forEach(
        uri,
        source,
        r -> {
          if (!MartMapping.isDClass(r) || !keep.test(r)) {
            return;
          }
          DEnterprise e = MartMapping.dEnterprise(r);
          if (e.year() != year) {
            return;
          }
          n[0]++;
          int written =
              t.row(
                  n[0],
                  e.creditCode(),
                  e.enterpriseName(),
                  zoneNames.getOrDefault(e.zoneCode(), e.zoneCode()),
                  Display.scale(e.scale()),
                  e.landAreaMu(),
                  e.taxPerMu(),
                  e.revenuePerMu(),
                  e.totalScore(),
                  e.rankInGroup() == null
                      ? null
                      : e.rankInGroup() + "/" + (e.groupSize() == null ? "—" : e.groupSize()),
                  e.yearsInD(),
                  e.surchargePerKwh(),
                  e.surchargeEstimate10k());
          if (n[0] == firstPage || (n[0] > firstPage && (n[0] - firstPage) % perPage == 0)) {
            sh.setRowBreak(written);
          }
        });
    if (n[0] == 0) {
      Object[] none = new Object[cols.size()];
      none[2] = "本期无 D 类企业";
      t.row(none);
    } else {
      sh.setAutoFilter(new CellRangeAddress(HEADER_ROW, t.lastRow(), 0, cols.size() - 1));
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    PrintPlan.scale(sh, 0, cols.size() - 1);
    sh.setRowBreak(t.lastRow());
    wb.setPrintArea(wb.getSheetIndex(sh), 0, cols.size() - 1, 0, t.lastRow());
    SheetCraft.banner(
        sh, ctx.synthetic() ? ctx.config().syntheticBanner() : null, ctx.config().marking());
    return n[0];
  }
}
