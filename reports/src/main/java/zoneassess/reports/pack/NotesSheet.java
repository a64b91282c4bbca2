package zoneassess.reports.pack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.marts.RunInfo;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;

/** 说明: sources, methodology and weights, run, validation counts, synthetic data, omissions. */
final class NotesSheet {
  /** The validation report's counts as a reader names them (other keys are shown as they are). */
  private static final Map<String, String> COUNT_ZH =
      Map.of("read", "读入行数", "accepted", "通过行数", "rejected", "拒收行数", "warnings", "警告条数");

  static final String NAME = "说明";
  private static final int LAST_COL = 3;

  private NotesSheet() {}

  static Sheet write(PackContext ctx, String rerender) {
    Sheet sh = ctx.workbook().createSheet(NAME);
    PackStyles st = ctx.styles();
    SheetCraft.widths(sh, 26, 22, 22, 60);
    sh.setDisplayGridlines(false);
    SheetText.title(sh, st, "说明", ctx.title() + " · 数据来源、方法与运行信息", LAST_COL);
    RunInfo info = ctx.data().info();
    int row = 3;
    SheetText.section(sh, st, row++, "一、运行", LAST_COL);
    row = kv(sh, st, row, "运行编号", info.runId());
    row = kv(sh, st, row, "运行时间", info.timestampText());
    row = kv(sh, st, row, "考核期", ctx.period());
    row =
        kv(
            sh,
            st,
            row,
            "数据性质",
            info.synthetic()
                ? "合成数据：由 zoneassess 样本生成器产生，企业、开发区数值均为虚构。"
                : "业务数据（manifest 未标记为合成）。");
    for (var f : info.manifestFacts()) {
      row = kv(sh, st, row, "manifest · " + f.getKey(), f.getValue());
    }
    row = kv(sh, st, row, "数据状态", CoverSheet.dataStatus(ctx));
    row = kv(sh, st, row, "简报配置", ctx.config().source());
    row = kv(sh, st, row, "重新生成", rerender);
    row++;
    SheetText.section(sh, st, row++, "二、方法与权重", LAST_COL);
    row = kv(sh, st, row, "考核方法", CoverSheet.methodology(ctx));
    for (var w : weights(ctx).entrySet()) {
      row = kv(sh, st, row, "权重 · " + w.getKey(), w.getValue());
    }
    row =
        kv(
            sh,
            st,
            row,
            "标记规则",
            "红 = 末位、一票否决或红色预警（退出国家级序列、撤销预警）；黄 = 黄色预警（扣分、连续两年无重大项目开工等）；"
                + "蓝 = 前列或进位显著。考核数据集（assessment.mark）给出基础标记，简报按同期预警的最高程度上调，"
                + "封面的风险条目与计数和各表标记列出自同一标记。");
    row = kv(sh, st, row, "升降", "升降 = 上期全省排名 − 本期全省排名；▲ 进位（蓝色），▼ 退位（红色），— 持平，“新”为上期未排名。");
    row = kv(sh, st, row, "热力图", "每个维度单独着色：本列最低分红色、中位黄色、最高分绿色。");
    row =
        kv(
            sh,
            st,
            row,
            "要素成本",
            "按城市比较最新一期的年度价格；颜色由低（绿，便宜）到高（红，贵）；指数以全省中位数为 100。" + "“相邻城市”取同一区域（苏南、苏中、苏北）的城市。");
    row++;
    SheetText.section(sh, st, row++, "三、数据来源（marts）", LAST_COL);
    Map<String, Long> counts = ctx.data().rowCounts();
    for (String mart :
        List.of(
            MartMapping.ASSESSMENT,
            MartMapping.DIMENSIONS,
            MartMapping.INDICATORS,
            MartMapping.WARNINGS,
            MartMapping.FUNNEL,
            MartMapping.PERMU_ZONE,
            MartMapping.PERMU_AREA,
            MartMapping.PERMU_ENTERPRISE,
            MartMapping.COST_BENCHMARK,
            MartMapping.COST_PROFILE,
            MartMapping.COST_INDEX)) {
      String status;
      if (!ctx.data().has(mart)) {
        status = "缺失：本次运行未生成，相关表页已省略";
      } else if (counts.containsKey(mart)) {
        status =
            String.format(
                Locale.ROOT,
                "已读取 %,d 行%s",
                counts.get(mart),
                mart.startsWith("cost_") ? "（城市级）" : "");
      } else {
        status = "按需流式读取";
      }
      row = kv(sh, st, row, mart, "marts/" + mart + "：" + status);
    }
    row++;
    SheetText.section(sh, st, row++, "四、验证计数（validation/report.json）", LAST_COL);
    if (info.validationCounts().isEmpty()) {
      row = kv(sh, st, row, "验证报告", "未找到");
    }
    for (var c : info.validationCounts()) {
      row = kvNumber(sh, st, row, COUNT_ZH.getOrDefault(c.getKey(), c.getKey()), c.getValue());
    }
    row = InputAnomalyNotes.write(ctx, sh, row, (r, k, v) -> kv(sh, st, r, k, v));
    List<String> omitted = ctx.omissions();
    if (!omitted.isEmpty()) {
      row++;
      SheetText.section(sh, st, row++, "五、省略的内容", LAST_COL);
      for (String o : omitted) {
        int colon = o.indexOf(':');
        row = kv(sh, st, row, o.substring(0, colon), o.substring(colon + 1));
      }
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }

  /** Effective weights per dimension; several values when weights depend on region or type. */
  private static Map<String, String> weights(PackContext ctx) {
    Map<String, TreeMap<String, Integer>> byDim = new LinkedHashMap<>();
    Map<String, String> names = ctx.data().dimensionNames();
    for (String code : names.keySet()) {
      byDim.put(code, new TreeMap<>());
    }
    for (DimensionScore d : ctx.data().dimensions(ctx.period())) {
      if (d.weight() != null) {
        byDim
            .computeIfAbsent(d.dimensionCode(), k -> new TreeMap<>())
            .merge(
                String.format(Locale.ROOT, "%.1f%%", d.weight() * (d.weight() <= 1 ? 100 : 1)),
                1,
                Integer::sum);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var e : byDim.entrySet()) {
      StringBuilder sb = new StringBuilder();
      for (var w : e.getValue().entrySet()) {
        sb.append(sb.length() == 0 ? "" : "；")
            .append(w.getKey())
            .append(e.getValue().size() > 1 ? "（" + w.getValue() + " 个开发区）" : "");
      }
      out.put(names.getOrDefault(e.getKey(), e.getKey()), sb.length() == 0 ? "—" : sb.toString());
    }
    return out;
  }

  private static int kv(Sheet sh, PackStyles st, int row, String key, String value) {
    SheetText.prose(sh, st, row, 1, LAST_COL, value, false);
    SafeCells.put(sh, row, 0, key, st.prose());
    fitKey(sh, row, key);
    return row + 1;
  }

  /** Long keys (validation paths) wrap in their column instead of running under the value. */
  private static void fitKey(Sheet sh, int row, String key) {
    int width = Math.max(1, sh.getColumnWidth(0) / 256 - 1);
    int lines = Math.max(1, (int) Math.ceil(SheetText.displayWidth(key) * 1.1 / (double) width));
    float h = lines * 16f + 5f;
    if (sh.getRow(row).getHeightInPoints() < h) {
      sh.getRow(row).setHeightInPoints(h);
    }
  }

  private static int kvNumber(Sheet sh, PackStyles st, int row, String key, String value) {
    SafeCells.put(sh, row, 0, key, st.prose());
    fitKey(sh, row, key);
    Double v = null;
    try {
      v = Double.valueOf(value);
    } catch (NumberFormatException e) {
      // keep as text
    }
    SafeCells.put(sh, row, 1, v != null ? (Object) v : value, st.number(PackStyles.FMT_INT));
    return row + 1;
  }
}
