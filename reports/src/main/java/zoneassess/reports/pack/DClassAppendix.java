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
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 附录·D类企业: the city's D-class enterprises, streamed from {@code permu_enterprise} row by row into
 * an SXSSF sheet — memory stays bounded however many firms there are. Rows appear in the mart's
 * published order (the per-mu engine sorts it); they are never collected into a list.
 */
final class DClassAppendix {
  static final String NAME = "附录·D类企业";
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
    SXSSFSheet sh = wb.createSheet(NAME);
    List<Column> cols =
        List.of(
            new Column("序号", 7, st.textCentered()),
            new Column("统一社会信用代码", 21, st.text()),
            new Column("企业名称", 34, st.text()),
            new Column("开发区", 26, st.text()),
            new Column("县（市、区）", 12, st.textCentered()),
            new Column("规模", 8, st.textCentered()),
            new Column("用地面积", 11, st.number(PackStyles.FMT_MU)),
            new Column("亩均税收", 14, st.number(PackStyles.FMT_WAN_PER_MU)),
            new Column("亩均销售收入", 14, st.number(PackStyles.FMT_WAN_PER_MU)),
            new Column("综合得分", 9, st.number(PackStyles.FMT_SCORE)),
            new Column("组内排名", 11, st.textCentered()),
            new Column("连续D类年数", 9, st.number(PackStyles.FMT_INT)),
            new Column("电价加价(元/千瓦时)", 12, st.number(PackStyles.FMT_DEC2)),
            new Column("预计加价收入", 13, st.number(PackStyles.FMT_WAN)));
    SheetText.title(
        sh,
        st,
        ctx.title() + " · 附录：" + scope + " D 类企业名单（" + year + "年）",
        "亩均效益评价 D 类（组内末 5%）企业；加价按连续 D 类年数递增。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    SheetCraft.freeze(sh, 3, HEADER_ROW + 1);
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
          t.row(
              n[0],
              e.creditCode(),
              e.enterpriseName(),
              zoneNames.getOrDefault(e.zoneCode(), e.zoneCode()),
              e.county(),
              e.scale(),
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
        });
    if (n[0] == 0) {
      t.row(
          null,
          null,
          "本期无 D 类企业",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);
    } else {
      sh.setAutoFilter(new CellRangeAddress(HEADER_ROW, t.lastRow(), 0, cols.size() - 1));
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return n[0];
  }
}
