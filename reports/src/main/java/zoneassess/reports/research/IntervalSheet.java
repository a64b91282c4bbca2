package zoneassess.reports.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 排名区间: each zone's median rank and 5th–95th percentile interval under perturbed weights, as a
 * table in median-rank order and as rank range charts of at most {@link #PAGE} zones each.
 */
final class IntervalSheet {
  static final String NAME = "排名区间";
  static final int HEADER_ROW = 3;

  /** Zones per chart: about 40 keeps a label per row legible at 9 pt. */
  static final int PAGE = 40;

  static final int CHART_WIDTH = 760;

  private IntervalSheet() {}

  /** Splits {@code n} zones into the fewest pages of at most {@link #PAGE}, sized evenly. */
  static List<int[]> pages(int n) {
    List<int[]> out = new ArrayList<>();
    int count = Math.max(1, (n + PAGE - 1) / PAGE);
    for (int i = 0; i < count; i++) {
      out.add(new int[] {n * i / count, n * (i + 1) / count});
    }
    return out;
  }

  static void write(ResearchContext ctx) {
    PackStyles st = ctx.styles();
    ResearchData data = ctx.data();
    List<RankInterval> zones = data.intervals();
    Sheet sh = ctx.workbook().createSheet(NAME);
    List<Column> cols =
        List.of(
            new Column("序号", 6, st.number(ResearchStyles.FMT_RANK)),
            new Column("开发区代码", 11, st.textCentered()),
            new Column("开发区", 30, st.text()),
            new Column("名义排名", 8, st.number(ResearchStyles.FMT_RANK)),
            new Column("中位排名", 8, st.numberBold(ResearchStyles.FMT_RANK_DEC)),
            new Column("P05排名", 8, st.number(ResearchStyles.FMT_RANK_DEC)),
            new Column("P95排名", 8, st.number(ResearchStyles.FMT_RANK_DEC)),
            new Column("区间宽度", 8, st.number(ResearchStyles.FMT_RANK_DEC)),
            new Column("最好", 6, st.number(ResearchStyles.FMT_RANK)),
            new Column("最差", 6, st.number(ResearchStyles.FMT_RANK)));
    String how = how(data);
    SheetText.title(
        sh,
        st,
        "排名区间（权重扰动的蒙特卡洛模拟）",
        how + "按中位排名排序；P05–P95 = 90% 的模拟名次所在区间；区间宽度 = P95 − P05。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    int n = 1;
    for (RankInterval z : zones) {
      Double width = z.p05Rank() == null || z.p95Rank() == null ? null : z.p95Rank() - z.p05Rank();
      t.row(
          n++,
          z.zoneCode(),
          z.zoneName(),
          z.nominalRank(),
          z.medianRank(),
          z.p05Rank(),
          z.p95Rank(),
          width,
          z.bestRank(),
          z.worstRank());
    }
    SheetCraft.freeze(sh, 3, HEADER_ROW + 1);
    charts(ctx, sh, zones, cols.size() + 1, how);
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), HEADER_ROW, HEADER_ROW);
  }

  private static void charts(
      ResearchContext ctx, Sheet sh, List<RankInterval> zones, int col, String how) {
    Map<String, String> labels =
        ZoneLabels.of(zones.stream().map(RankInterval::zoneCode).toList(), ctx.data().zoneNames());
    int maxRank = 1;
    for (RankInterval z : zones) {
      maxRank =
          Math.max(
              maxRank,
              (int) Math.ceil(max(z.p95Rank(), z.worstRank(), z.nominalRank(), z.medianRank())));
    }
    List<int[]> pages = pages(zones.size());
    int row = HEADER_ROW;
    for (int p = 0; p < pages.size(); p++) {
      int[] range = pages.get(p);
      List<ResearchCharts.RankRange> page = new ArrayList<>();
      for (RankInterval z : zones.subList(range[0], range[1])) {
        page.add(
            new ResearchCharts.RankRange(
                labels.get(z.zoneCode()),
                z.p05Rank(),
                z.p95Rank(),
                z.medianRank(),
                z.nominalRank()));
      }
      String title =
          "排名区间"
              + (pages.size() > 1
                  ? "（"
                      + (p + 1)
                      + "/"
                      + pages.size()
                      + "，中位排名第 "
                      + (range[0] + 1)
                      + "–"
                      + range[1]
                      + " 位）"
                  : "");
      RenderedChart chart =
          ctx.chart(
              "rank-range-" + (p + 1),
              ResearchCharts.rankRange(title, how + "条 = P05–P95，◆ = 中位排名，● = 名义排名", page, maxRank),
              CHART_WIDTH,
              ResearchCharts.rankRangeHeight(page.size()));
      row += SheetCraft.picture(sh, chart, col, row) + 1;
    }
  }

  private static double max(Number... values) {
    double m = 1;
    for (Number v : values) {
      if (v != null) {
        m = Math.max(m, v.doubleValue());
      }
    }
    return m;
  }

  /** "10000 次模拟，权重 uniform±0.2。" from the parameters, or "" when they are not recorded. */
  static String how(ResearchData data) {
    StringBuilder sb = new StringBuilder();
    String reps = data.parameter("replications");
    if (reps != null) {
      sb.append(reps).append(" 次模拟");
    }
    String scheme = data.parameter("weight_scheme");
    if (scheme != null) {
      sb.append(sb.length() > 0 ? "，" : "").append("权重扰动 ").append(scheme);
    }
    return sb.length() == 0 ? "" : sb.append("。").toString();
  }
}
