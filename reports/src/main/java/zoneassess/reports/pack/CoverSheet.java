package zoneassess.reports.pack;

import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import zoneassess.reports.PackConfig;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;

/**
 * 封面: page 1 is the decision. Marking and (for synthetic inputs) the banner, title, issuing body,
 * document number, date and data year, then 风险与问题 (red first), 进位与亮点, 考核结果运用 and 下一步; a zone pack
 * first states the zone's own positions and figures. Run id, paths and row counts are on the 说明
 * sheet, not here.
 */
final class CoverSheet {
  static final String NAME = "封面";
  static final String RISKS = "一、风险与问题";
  private static final int LAST_COL = 7;

  private CoverSheet() {}

  /**
   * @param facts the scope's own positions and figures (zone pack), may be empty
   */
  static Sheet write(PackContext ctx, Decision d, List<String> facts, String scopeNote) {
    Sheet sh = ctx.workbook().createSheet(NAME);
    PackStyles st = ctx.styles();
    SheetCraft.widths(sh, 5, 13, 13, 13, 13, 13, 13, 13);
    sh.setDisplayGridlines(false);
    PackConfig cfg = ctx.config();
    if (ctx.synthetic()) {
      SafeCells.put(sh, 0, 0, cfg.syntheticBanner() + "：本期数据由样本生成器合成，不代表任何真实开发区", st.banner());
      sh.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
    }
    SafeCells.put(sh, 0, 6, cfg.marking(), st.marking());
    sh.addMergedRegion(new CellRangeAddress(0, 0, 6, LAST_COL));
    int year = RunData.yearOf(ctx.period());
    String date =
        cfg.documentDate().isBlank()
            ? ctx.data().info().timestamp().map(CoverSheet::chineseDate).orElse("")
            : cfg.documentDate();
    SheetText.title(
        sh,
        st,
        1,
        ctx.title(),
        cfg.issuingBody()
            + "　"
            + cfg.documentNumber(ctx.kind(), year)
            + "　"
            + date
            + "　数据年度 "
            + year
            + "年",
        LAST_COL);
    int row = 4;
    if (scopeNote != null) {
      SheetText.prose(sh, st, row++, 0, LAST_COL, scopeNote, false);
    }
    if (!facts.isEmpty()) {
      SheetText.section(
          sh,
          st,
          row++,
          ctx.kind() == zoneassess.reports.PackRequest.Kind.ZONE ? "本区位次与概况" : "本市概况",
          LAST_COL);
      for (String f : facts) {
        SheetText.prose(sh, st, row++, 0, LAST_COL, f, false);
      }
    }
    SheetText.section(
        sh,
        st,
        row++,
        RISKS + "（红色标记 " + d.zonesMarked("红") + " 个开发区，黄色标记 " + d.zonesMarked("黄") + " 个）",
        LAST_COL);
    if (d.risks.isEmpty()) {
      SheetText.prose(sh, st, row++, 1, LAST_COL, "本期无红色、黄色预警事项。", false);
    }
    for (Decision.Risk r : d.risks) {
      SafeCells.put(sh, row, 0, r.mark(), st.markCell(r.mark()));
      SheetText.prose(sh, st, row++, 1, LAST_COL, r.text() + "。", false);
    }
    row = list(sh, st, row, "二、进位与亮点", d.highlights);
    if (!d.consequences.isEmpty()) {
      row = list(sh, st, row, "三、考核结果运用", d.consequences);
    }
    List<String> next = new java.util.ArrayList<>();
    next.add(cfg.nextSteps());
    next.addAll(d.nextSteps);
    row = list(sh, st, row, d.consequences.isEmpty() ? "三、下一步" : "四、下一步", next);
    row++;
    SheetText.prose(
        sh,
        st,
        row,
        0,
        LAST_COL,
        "标记：红 = 一票否决、退出或撤销预警、末位；黄 = 扣分、连续两年无重大项目开工等预警；蓝 = 前列或进位显著。"
            + "升降 ▲ 进位、▼ 退位、— 持平、“新”上期未参评。考核方法、数据状态与运行信息见“说明”页。",
        false);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    sh.getPrintSetup().setLandscape(false);
    return sh;
  }

  private static int list(Sheet sh, PackStyles st, int row, String title, List<String> items) {
    SheetText.section(sh, st, row++, title, LAST_COL);
    int n = 1;
    for (String m : items) {
      SafeCells.put(sh, row, 0, n++ + ".", st.proseBold());
      SheetText.prose(sh, st, row++, 1, LAST_COL, m, false);
    }
    return row;
  }

  static String chineseDate(java.time.Instant t) {
    var d = t.atOffset(java.time.ZoneOffset.ofHours(8)).toLocalDate();
    return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
  }

  /** The methodology's Chinese name (from its shipped file), with the id for the record. */
  static String methodology(PackContext ctx) {
    var rows = ctx.data().results(ctx.period());
    String id = rows.isEmpty() ? null : rows.get(0).methodologyId();
    if (id == null) {
      String m = ctx.data().info().methodology();
      return m == null ? "未记录" : m;
    }
    String name = methodologyName(id);
    return name == null ? id : name + "（" + id + "）";
  }

  static String methodologyName(String id) {
    try {
      return zoneassess.schema.yaml.YamlDoc.load("classpath:methodologies/" + id + ".yaml")
          .root()
          .get("name_zh")
          .map(n -> n.string())
          .orElse(null);
    } catch (RuntimeException notShipped) {
      return null;
    }
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
