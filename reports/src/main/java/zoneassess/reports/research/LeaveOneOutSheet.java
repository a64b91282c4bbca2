package zoneassess.reports.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.ColorScaleFormatting;
import org.apache.poi.ss.usermodel.ConditionalFormattingRule;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFColor;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 剔除指标: zones × dropped indicators, each cell the zone's rank change without that indicator (colour
 * scale: green = rises, white = unchanged, red = falls), indicators ordered by their mean |change|;
 * the per-indicator summary above the header and as a table below the matrix.
 */
final class LeaveOneOutSheet {
  static final String NAME = "剔除指标";
  static final int MEAN_ROW = 3;
  static final int MAX_ROW = 4;
  static final int HEADER_ROW = 5;
  static final int ZONE_COLS = 3;
  static final int SUMMARY_COL = 2;

  private LeaveOneOutSheet() {}

  /** One dropped indicator's effect over all zones. */
  record Impact(
      String code, String label, double meanAbsShift, int maxAbsShift, int zonesMoved, int zones) {}

  /** Per indicator: mean and max |rank shift|; largest mean first, then indicator code. */
  static List<Impact> impacts(List<LeaveOneOut> rows) {
    Map<String, List<LeaveOneOut>> byIndicator = new TreeMap<>();
    rows.forEach(
        r -> byIndicator.computeIfAbsent(r.droppedIndicator(), k -> new ArrayList<>()).add(r));
    List<Impact> out = new ArrayList<>();
    for (var e : byIndicator.entrySet()) {
      List<Integer> shifts =
          e.getValue().stream()
              .map(LeaveOneOut::rankShift)
              .filter(java.util.Objects::nonNull)
              .toList();
      double mean = shifts.stream().mapToInt(Math::abs).average().orElse(0);
      int max = shifts.stream().mapToInt(Math::abs).max().orElse(0);
      int moved = (int) shifts.stream().filter(s -> s != 0).count();
      out.add(
          new Impact(
              e.getKey(), e.getValue().get(0).indicatorLabel(), mean, max, moved, shifts.size()));
    }
    out.sort(Comparator.comparing((Impact i) -> -i.meanAbsShift()).thenComparing(Impact::code));
    return out;
  }

  static void write(ResearchContext ctx) {
    PackStyles st = ctx.styles();
    ResearchData data = ctx.data();
    List<Impact> impacts = impacts(data.leaveOneOut());
    Map<String, Integer> nominal = new HashMap<>();
    Map<String, Map<String, Integer>> shift = new HashMap<>();
    for (LeaveOneOut r : data.leaveOneOut()) {
      if (r.nominalRank() != null) {
        nominal.putIfAbsent(r.zoneCode(), r.nominalRank());
      }
      shift
          .computeIfAbsent(r.zoneCode(), k -> new HashMap<>())
          .put(r.droppedIndicator(), r.rankShift());
    }
    List<String> zones =
        shift.keySet().stream()
            .sorted(
                Comparator.comparing((String z) -> nominal.get(z), ResearchData.NULLS_LAST)
                    .thenComparing(z -> z))
            .toList();
    Map<String, String> names = data.zoneNames();
    Sheet sh = ctx.workbook().createSheet(NAME);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("名义排名", 8, st.number(ResearchStyles.FMT_RANK)));
    cols.add(new Column("开发区代码", 11, st.textCentered()));
    cols.add(new Column("开发区", 30, st.text()));
    for (Impact i : impacts) {
      cols.add(new Column(i.label(), 9, st.number(ResearchStyles.FMT_SIGNED)));
    }
    int lastCol = cols.size() - 1;
    SheetText.title(
        sh,
        st,
        "剔除单项指标后的排名变化",
        "单元格 = 剔除该指标后的排名 − 原排名：正数（红）= 名次下降，负数（绿）= 名次上升；" + "指标按平均|变化|从大到小排列。",
        Math.min(lastCol, 12));
    SafeCells.put(sh, MEAN_ROW, ZONE_COLS - 1, "平均|排名变化|", ctx.research().rowLabel());
    SafeCells.put(sh, MAX_ROW, ZONE_COLS - 1, "最大|排名变化|", ctx.research().rowLabel());
    for (int i = 0; i < impacts.size(); i++) {
      SafeCells.put(
          sh,
          MEAN_ROW,
          ZONE_COLS + i,
          impacts.get(i).meanAbsShift(),
          st.numberBold(PackStyles.FMT_DEC2));
      SafeCells.put(
          sh,
          MAX_ROW,
          ZONE_COLS + i,
          impacts.get(i).maxAbsShift(),
          st.numberBold(PackStyles.FMT_INT));
    }
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    sh.getRow(HEADER_ROW).setHeightInPoints(45);
    for (String z : zones) {
      List<Object> v = new ArrayList<>();
      v.add(nominal.get(z));
      v.add(z);
      v.add(names.getOrDefault(z, z));
      Map<String, Integer> byIndicator = shift.get(z);
      for (Impact i : impacts) {
        v.add(byIndicator.get(i.code()));
      }
      t.row(v.toArray());
    }
    if (!impacts.isEmpty() && !zones.isEmpty()) {
      divergingScale(sh, t.bodyRange(ZONE_COLS, lastCol));
    }
    summary(ctx, sh, impacts, t.nextRow() + 1);
    SheetCraft.freeze(sh, ZONE_COLS, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), HEADER_ROW, HEADER_ROW);
  }

  private static void summary(ResearchContext ctx, Sheet sh, List<Impact> impacts, int row) {
    PackStyles st = ctx.styles();
    SheetText.section(sh, st, row, "各指标的影响（按平均|排名变化|排序）", SUMMARY_COL + 4);
    List<Column> cols =
        List.of(
            new Column("指标", 0, st.text()),
            new Column("指标代码", 0, st.textCentered()),
            new Column("平均|排名变化|", 0, st.number(PackStyles.FMT_DEC2)),
            new Column("最大|排名变化|", 0, st.number(PackStyles.FMT_INT)),
            new Column("名次变化的开发区数", 0, st.number(PackStyles.FMT_INT)));
    // The summary sits under the matrix from its zone-name column on (wide enough for names);
    // widths stay the matrix's.
    TableWriter t = new TableWriter(sh, st, row + 1, SUMMARY_COL, cols).header(false);
    for (Impact i : impacts) {
      t.row(i.label(), i.code(), i.meanAbsShift(), i.maxAbsShift(), i.zonesMoved());
    }
  }

  /** Green (rises) – white (0) – red (falls). */
  private static void divergingScale(Sheet sheet, CellRangeAddress range) {
    SheetConditionalFormatting cf = sheet.getSheetConditionalFormatting();
    ConditionalFormattingRule rule = cf.createConditionalFormattingColorScaleRule();
    ColorScaleFormatting cs = rule.getColorScaleFormatting();
    cs.getThresholds()[0].setRangeType(RangeType.MIN);
    cs.getThresholds()[1].setRangeType(RangeType.NUMBER);
    cs.getThresholds()[1].setValue(0d);
    cs.getThresholds()[2].setRangeType(RangeType.MAX);
    cs.setColors(
        new org.apache.poi.ss.usermodel.Color[] {
          new XSSFColor(PackStyles.rgb(0x63BE7B)),
          new XSSFColor(PackStyles.rgb(0xFFFFFF)),
          new XSSFColor(PackStyles.rgb(0xF8696B))
        });
    cf.addConditionalFormatting(new CellRangeAddress[] {range}, rule);
  }
}
