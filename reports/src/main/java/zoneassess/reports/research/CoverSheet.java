package zoneassess.reports.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;

/** 说明: the parameters, what each sheet shows, how to read the measures, and what is missing. */
final class CoverSheet {
  static final String NAME = "说明";
  private static final int LAST_COL = 7;

  /** Chinese labels of the parameter keys the producers write (RESEARCH.md). */
  static final Map<String, String> PARAMETER_LABELS =
      Map.ofEntries(
          Map.entry("run_id", "运行编号"),
          Map.entry("methodology_a", "方法A"),
          Map.entry("methodology_a_version", "方法A版本"),
          Map.entry("methodology_b", "方法B"),
          Map.entry("methodology_b_version", "方法B版本"),
          Map.entry("periods", "期次范围"),
          Map.entry("focus_period", "重点期次"),
          Map.entry("replications", "模拟次数"),
          Map.entry("weight_scheme", "权重扰动方式"),
          Map.entry("spread", "扰动幅度"),
          Map.entry("concentration", "狄利克雷集中度"),
          Map.entry("normalisations", "标准化方法"),
          Map.entry("aggregations", "合成方法"),
          Map.entry("seed", "随机种子"),
          Map.entry("elapsed_seconds_monte_carlo", "模拟耗时（秒）"));

  /** What each sheet shows, by sheet name, in sheet order, with the mart it comes from. */
  static final List<String[]> SHEETS =
      List.of(
          new String[] {
            ComparisonSheet.NAME,
            ResearchMarts.COMPARISON,
            "最新一期每个开发区在方法A、方法B下的得分与排名及排名变化（按方法B排名排序），右侧为变动最大的 10 个开发区。"
          },
          new String[] {
            CorrelationSheet.NAME,
            ResearchMarts.CORRELATION,
            "每期两种方法排名的 Spearman ρ、Kendall τb、平均与最大|排名变化|、名次变化的开发区数。"
          },
          new String[] {
            TrajectorySheet.NAME,
            ResearchMarts.TRAJECTORY,
            "各开发区历年排名矩阵（方法A，有方法B时另列），右侧为名次变动最大的 10 个开发区的排名轨迹图。"
          },
          new String[] {
            IntervalSheet.NAME,
            ResearchMarts.INTERVALS,
            "权重扰动下每个开发区的中位排名与 P05–P95 排名区间（表与区间图，按中位排名排序）。"
          },
          new String[] {
            LeaveOneOutSheet.NAME,
            ResearchMarts.LEAVE_ONE_OUT,
            "逐一剔除指标后各开发区的排名变化矩阵（色阶）与各指标的平均、最大|排名变化|。"
          });

  private CoverSheet() {}

  static Sheet write(ResearchContext ctx) {
    ResearchData data = ctx.data();
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(NAME);
    SheetCraft.widths(sh, 22, 16, 16, 16, 16, 16, 16, 16);
    sh.setDisplayGridlines(false);
    SheetText.title(
        sh,
        st,
        ResearchContext.TITLE,
        "方法A：" + Methods.a(data) + " · 方法B：" + Methods.b(data) + " · 运行编号 " + ctx.runId(),
        LAST_COL);
    int row = 3;
    SheetText.section(sh, st, row++, "一、参数", LAST_COL);
    if (data.parameters().isEmpty()) {
      SheetText.prose(
          sh, st, row++, 0, LAST_COL, "未找到 " + ResearchMarts.PARAMETERS + "，参数未记录。", false);
    }
    for (ResearchParameter p : data.parameters()) {
      String label = PARAMETER_LABELS.get(p.key());
      row = fact(sh, st, row, label == null ? p.key() : label + "（" + p.key() + "）", p.value());
    }
    row++;
    SheetText.section(sh, st, row++, "二、各页内容", LAST_COL);
    for (String[] s : SHEETS) {
      String text = data.has(s[1]) ? s[2] : "本次未生成（缺少 " + s[1] + "）。";
      row = fact(sh, st, row, s[0], text);
    }
    row++;
    SheetText.section(sh, st, row++, "三、如何阅读", LAST_COL);
    for (String s :
        List.of(
            Reading.SHIFT,
            Reading.SPEARMAN,
            Reading.KENDALL,
            Reading.INTERVALS,
            Reading.LEAVE_ONE_OUT)) {
      SheetText.prose(sh, st, row++, 0, LAST_COL, s, false);
    }
    row++;
    SheetText.section(sh, st, row++, "四、数据来源与缺失", LAST_COL);
    row = fact(sh, st, row, "研究目录", data.source());
    List<String> missing = new ArrayList<>(data.missing());
    row =
        fact(
            sh,
            st,
            row,
            "缺少的数据集",
            missing.isEmpty() ? "无（六个研究数据集齐全）。" : String.join("、", missing) + "：相应表页已省略。");
    for (String o : ctx.omissions()) {
      row = fact(sh, st, row, "省略", o);
    }
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), -1, -1);
    return sh;
  }

  private static int fact(Sheet sh, PackStyles st, int row, String label, String value) {
    SafeCells.put(sh, row, 0, label, st.proseBold());
    SheetText.prose(sh, st, row, 1, LAST_COL, value, false);
    return row + 1;
  }
}
