package zoneassess.reports.pack;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.marts.MartRow;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * The one-page routine pack (平时监测红黄蓝榜) of a routine run, from the {@code routine_scoreboard} and
 * {@code input_anomalies} marts: who is marked red, yellow or blue and why — behind the year's
 * pace, moved against the previous period, indicators that fell year on year — and how many input
 * anomalies were found. At most {@value #MAX_ROWS} zones (red first, then yellow, then blue, each
 * by rank); the mart has every zone.
 */
public final class RoutinePack {
  public static final String TITLE = "开发区平时监测红黄蓝榜";
  static final String SHEET = "平时监测";
  static final int MAX_ROWS = 16;
  static final int HEADER_ROW = 3;

  private RoutinePack() {}

  /** One scoreboard row as the pack needs it. */
  record Entry(
      String mark,
      String zoneName,
      String city,
      Integer rank,
      Integer deltaPeriod,
      Integer deltaYear,
      Double paceShare,
      double timeShare,
      String falling,
      String reason,
      String prevPeriod,
      String prevYearPeriod) {}

  /** Whether the run has a routine scoreboard. */
  public static boolean available(PackContext ctx) {
    return ctx.data().reader().exists(ctx.data().martUri("routine_scoreboard"));
  }

  public static void write(PackContext ctx, String rerender) {
    List<Entry> all =
        ctx.data().reader().read(ctx.data().martUri("routine_scoreboard"), RoutinePack::entry);
    String anomalies = ctx.data().martUri("input_anomalies");
    long anomalyCount =
        ctx.data().reader().exists(anomalies)
            ? ctx.data().reader().read(anomalies, r -> 1).size()
            : -1;
    write(ctx, all, anomalyCount, rerender);
  }

  static Entry entry(MartRow r) {
    return new Entry(
        r.str("mark"),
        r.optStr("zone_name"),
        r.optStr("city"),
        r.optInteger("rank_all"),
        r.optInteger("delta_rank_period"),
        r.optInteger("delta_rank_year"),
        r.optDbl("pace_share"),
        r.dbl("time_share"),
        r.str("falling_list_zh"),
        r.str("reason_zh"),
        r.str("prev_period"),
        r.str("prev_year_period"));
  }

  static Sheet write(PackContext ctx, List<Entry> all, long anomalyCount, String rerender) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(SHEET);
    List<Entry> marked =
        all.stream()
            .filter(e -> !e.mark().equals("none"))
            .sorted(
                Comparator.comparingInt((Entry e) -> WarningSheet.severityOrder(e.mark()))
                    .thenComparing(Entry::rank, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(
                        Entry::zoneName, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
    long red = count(all, "red");
    long yellow = count(all, "yellow");
    long blue = count(all, "blue");
    long behind =
        all.stream().filter(e -> e.paceShare() != null && e.paceShare() < e.timeShare()).count();
    String prev = all.isEmpty() ? "上期" : all.get(0).prevPeriod();
    String prevYear = all.isEmpty() ? "上年同期" : all.get(0).prevYearPeriod();
    List<Column> cols =
        List.of(
            new Column("标记", 5, st.textCentered()),
            new Column("开发区", 26, st.textWrap()),
            new Column("城市", 7, st.textCentered()),
            new Column("排名", 6, st.textCentered()),
            new Column("较上期", 7, st.textCentered()),
            new Column("较上年同期", 9, st.textCentered()),
            new Column("时序进度", 8, st.number(PackStyles.FMT_PCT)),
            new Column("同比下降指标", 34, st.textWrap()),
            new Column("原因", 40, st.textWrap()));
    String subtitle =
        String.format(
            Locale.ROOT,
            "监测期 %s（年初累计；较上期 = 较 %s，较上年同期 = 较 %s），共 %d 个开发区：红 %d、黄 %d、蓝 %d；" + "落后时序进度（%s）%d 个。%s",
            ctx.period(),
            prev,
            prevYear,
            all.size(),
            red,
            yellow,
            blue,
            pct(all.isEmpty() ? 0 : all.get(0).timeShare()),
            behind,
            anomalyCount < 0
                ? ""
                : anomalyCount == 0
                    ? "输入数据异常核查：未发现异常。"
                    : "输入数据异常核查：" + anomalyCount + " 条提示，见校验报告与 input_anomalies 明细。");
    SheetText.title(sh, st, TITLE + "（" + ctx.period() + "）", subtitle, cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (Entry e : marked.stream().limit(MAX_ROWS).toList()) {
      t.row(
          WarningSheet.severity(e.mark()).replace("blue", "蓝"),
          e.zoneName(),
          e.city(),
          e.rank(),
          signed(e.deltaPeriod()),
          signed(e.deltaYear()),
          e.paceShare(),
          falling(e.falling()),
          e.reason());
    }
    if (marked.isEmpty()) {
      t.row("—", "本期无红黄蓝标记", null, null, null, null, null, null, null);
    }
    ConditionalFormats.marks(sh, t.bodyRange(0));
    int next = sh.getLastRowNum() + 2;
    String more =
        marked.size() > MAX_ROWS ? "另有 " + (marked.size() - MAX_ROWS) + " 个有标记的开发区未列出；" : "";
    SheetText.prose(
        sh,
        st,
        next,
        0,
        cols.size() - 1,
        more
            + "时序进度 = 年初累计 ÷（上年全年 ×（1 + 目标增速）），与已过月份占全年之比（"
            + pct(all.isEmpty() ? 0 : all.get(0).timeShare())
            + "）比较；进位为正表示名次上升。标记规则见规则文件 routine.scoreboard；全部开发区见"
            + " routine_scoreboard。重新生成："
            + rerender,
        false);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  /** Two names, or the count and the first: one line per zone keeps the page to one sheet of A4. */
  static String falling(String list) {
    if (list.isEmpty()) {
      return "—";
    }
    String[] names = list.split("、");
    if (names.length <= 2) {
      return list;
    }
    return names.length + " 项：" + names[0] + " 等";
  }

  private static long count(List<Entry> all, String mark) {
    return all.stream().filter(e -> e.mark().equals(mark)).count();
  }

  private static String signed(Integer d) {
    if (d == null) {
      return "—";
    }
    return d > 0 ? "↑" + d : d < 0 ? "↓" + (-d) : "0";
  }

  private static String pct(double v) {
    return String.format(Locale.ROOT, "%.0f%%", v * 100);
  }
}
