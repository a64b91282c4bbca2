package zoneassess.reports.pack;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.marts.RunInfo;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;

/** 封面: title, period, method, data status and the key messages. */
final class CoverSheet {
  static final String NAME = "封面";
  private static final int LAST_COL = 7;

  private CoverSheet() {}

  static Sheet write(PackContext ctx, String subtitle, List<String> messages) {
    Sheet sh = ctx.workbook().createSheet(NAME);
    PackStyles st = ctx.styles();
    SheetCraft.widths(sh, 14, 16, 16, 16, 16, 16, 16, 16);
    sh.setDisplayGridlines(false);
    SheetText.title(sh, st, ctx.title(), subtitle, LAST_COL);
    int row = 3;
    SheetText.section(sh, st, row++, "一、本期概况", LAST_COL);
    RunInfo info = ctx.data().info();
    row = fact(sh, st, row, "考核期", ctx.period());
    row = fact(sh, st, row, "考核方法", methodology(ctx));
    row = fact(sh, st, row, "数据状态", dataStatus(ctx));
    row =
        fact(
            sh,
            st,
            row,
            "数据性质",
            info.synthetic() ? "本期数据由样本生成器合成，仅用于演示与测试，不代表任何真实开发区。" : "业务系统报送数据（统计、税务、自然资源、商务、电力）。");
    row = fact(sh, st, row, "运行", "运行编号 " + info.runId() + "，运行时间 " + info.timestampText());
    row++;
    SheetText.section(sh, st, row++, "二、要点", LAST_COL);
    int n = 1;
    for (String m : messages) {
      SafeCells.put(sh, row, 0, n++ + ".", st.proseBold());
      SheetText.prose(sh, st, row++, 1, LAST_COL, m, false);
    }
    row++;
    SafeCells.put(sh, row, 0, "说明", st.proseBold());
    SheetText.prose(
        sh,
        st,
        row,
        1,
        LAST_COL,
        "排名为竞争排名（并列同名次）；升降 ▲ 表示较上期进位、▼ 表示退位、— 表示持平、“新”表示上期未参评。"
            + "标记：红 = 末位或一票否决，黄 = 预警，蓝 = 前列或进位显著。详见“说明”页。",
        false);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    sh.getPrintSetup().setFitHeight((short) 1);
    return sh;
  }

  private static int fact(Sheet sh, PackStyles st, int row, String label, String value) {
    SafeCells.put(sh, row, 0, label, st.proseBold());
    SheetText.prose(sh, st, row, 1, LAST_COL, value, false);
    return row + 1;
  }

  static String methodology(PackContext ctx) {
    var rows = ctx.data().results(ctx.period());
    String id = rows.isEmpty() ? null : rows.get(0).methodologyId();
    String version = rows.isEmpty() ? null : rows.get(0).methodologyVersion();
    String fromMart = ((id == null ? "" : id) + " " + (version == null ? "" : version)).trim();
    if (!fromMart.isEmpty()) {
      return fromMart + "（维度权重见“说明”页）";
    }
    String m = ctx.data().info().methodology();
    return m == null ? "未记录" : m;
  }

  /** One sentence on validation: accepted and rejected rows when the report says so. */
  static String dataStatus(PackContext ctx) {
    List<Map.Entry<String, String>> counts = ctx.data().info().validationCounts();
    if (counts.isEmpty()) {
      return "未找到本次运行的验证报告（validation/report.json）。";
    }
    long accepted = sum(counts, "accept", "valid_rows", "staged");
    long rejected = sum(counts, "reject");
    StringBuilder sb = new StringBuilder();
    if (accepted > 0 || rejected > 0) {
      sb.append("验证通过 ")
          .append(String.format(java.util.Locale.ROOT, "%,d", accepted))
          .append(" 行，拒收 ")
          .append(String.format(java.util.Locale.ROOT, "%,d", rejected))
          .append(" 行（每条拒收记录的文件、行、列与原因见运行目录 rejects/）。");
    } else {
      sb.append("验证报告已生成，计数见“说明”页。");
    }
    if (!ctx.data().missing().isEmpty()) {
      sb.append("本次运行缺少：").append(String.join("、", ctx.data().missing())).append("，相关表页已省略。");
    }
    return sb.toString();
  }

  /**
   * Sums the counts whose key ends in one of {@code keys}, at the shallowest level where such keys
   * exist: a report with a total and per-dataset and per-file counts is counted once.
   */
  static long sum(List<Map.Entry<String, String>> counts, String... keys) {
    int bestDepth = Integer.MAX_VALUE;
    long total = 0;
    for (var e : counts) {
      String k = e.getKey();
      String last = k.substring(k.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
      boolean match = false;
      for (String want : keys) {
        match |= last.contains(want);
      }
      if (!match) {
        continue;
      }
      int depth = (int) k.chars().filter(ch -> ch == '.').count();
      long v;
      try {
        v = (long) Double.parseDouble(e.getValue());
      } catch (NumberFormatException ignored) {
        continue;
      }
      if (depth < bestDepth) {
        bestDepth = depth;
        total = v;
      } else if (depth == bestDepth) {
        total += v;
      }
    }
    return total;
  }
}
