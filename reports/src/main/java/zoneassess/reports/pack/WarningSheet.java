package zoneassess.reports.pack;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/** 预警事项: vetoes, deductions and multi-year consequences with the years that triggered them. */
final class WarningSheet {
  static final String NAME = "预警事项";
  static final int HEADER_ROW = 3;

  private WarningSheet() {}

  static Sheet write(PackContext ctx, List<ZoneResult> zones, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    Map<String, ZoneResult> byCode =
        zones.stream().collect(Collectors.toMap(ZoneResult::zoneCode, z -> z, (a, b) -> a));
    List<Warning> ws =
        ctx.data().warnings(ctx.period()).stream()
            .filter(w -> byCode.containsKey(w.zoneCode()))
            .filter(w -> !"info".equals(w.severity()) || !"bonus".equals(w.kind()))
            .sorted(
                java.util.Comparator.comparing((Warning w) -> severityOrder(w.severity()))
                    .thenComparing(
                        w -> byCode.get(w.zoneCode()).rankAll(),
                        java.util.Comparator.nullsLast(
                            java.util.Comparator.<Integer>naturalOrder()))
                    .thenComparing(Warning::zoneCode)
                    .thenComparing(
                        Warning::ruleId,
                        java.util.Comparator.nullsLast(
                            java.util.Comparator.<String>naturalOrder())))
            .toList();
    List<Column> cols =
        List.of(
            new Column("程度", 5, st.textCentered()),
            new Column("开发区", 24, st.textWrap()),
            new Column("城市", 6, st.textCentered()),
            new Column("全省排名", 6, st.textCentered()),
            new Column("类别", 12, st.textWrap()),
            new Column("规则", 18, st.textWrap()),
            new Column("分值", 6, st.number(PackStyles.FMT_SCORE)),
            new Column("触发年份", 10, st.textWrap()),
            new Column("说明", 44, st.textWrap()));
    SheetText.title(
        sh,
        st,
        "预警事项（" + ctx.period() + "）",
        "考核期 " + ctx.period() + "，共 " + ws.size() + " 条；多年规则列出触发的年份。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (Warning w : ws) {
      ZoneResult z = byCode.get(w.zoneCode());
      t.row(
          severity(w.severity()),
          z.zoneName(),
          z.city(),
          z.rankAll(),
          kind(w.kind()),
          w.ruleNameZh(),
          w.points(),
          w.triggeredYears(),
          w.messageZh());
    }
    if (ws.isEmpty()) {
      t.row("—", "本期无预警事项", null, null, null, null, null, null, null);
    }
    ConditionalFormats.marks(sh, t.bodyRange(0));
    SheetCraft.freeze(sh, 2, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  static int severityOrder(String s) {
    return switch (s == null ? "" : s) {
      case "red" -> 0;
      case "yellow" -> 1;
      default -> 2;
    };
  }

  static String severity(String s) {
    return switch (s == null ? "" : s.toLowerCase(Locale.ROOT)) {
      case "red" -> "红";
      case "yellow" -> "黄";
      case "info" -> "提示";
      default -> s;
    };
  }

  static String kind(String k) {
    return switch (k == null ? "" : k) {
      case "veto" -> "一票否决";
      case "deduction" -> "扣分";
      case "bonus" -> "加分";
      case "delisting" -> "退出省级序列";
      case "national_exit" -> "退出国家级序列";
      case "project_drought" -> "重大项目断档";
      case "tier" -> "档次调整";
      case "progress" -> "进位奖励";
      default -> k;
    };
  }
}
