package zoneassess.reports.research;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.charts.RenderedChart;
import zoneassess.reports.pack.SheetText;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 排名轨迹: zones × periods matrices of ranks under A (and B when present), and the trajectories of the
 * zones whose rank under A moved most over the periods.
 */
final class TrajectorySheet {
  static final String NAME = "排名轨迹";
  static final int HEADER_ROW = 3;
  static final int CHART_ZONES = 10;

  private TrajectorySheet() {}

  /** One zone's ranks by period under one methodology. */
  record Track(String zoneCode, TreeMap<String, Integer> ranks) {
    Integer rankIn(String period) {
      return ranks.get(period);
    }

    /** Worst − best rank over the periods (0 with fewer than two ranked periods). */
    int spread() {
      var r = ranks.values().stream().filter(java.util.Objects::nonNull).toList();
      return r.size() < 2
          ? 0
          : r.stream().mapToInt(Integer::intValue).max().getAsInt()
              - r.stream().mapToInt(Integer::intValue).min().getAsInt();
    }
  }

  /**
   * The methodology's tracks, ordered by rank in the newest period (unranked last), then zone code.
   */
  static List<Track> tracks(List<RankTrajectory> rows, String newest) {
    Map<String, TreeMap<String, Integer>> byZone = new TreeMap<>();
    for (RankTrajectory t : rows) {
      byZone.computeIfAbsent(t.zoneCode(), k -> new TreeMap<>()).put(t.period(), t.rank());
    }
    return byZone.entrySet().stream()
        .map(e -> new Track(e.getKey(), e.getValue()))
        .sorted(
            Comparator.comparing((Track t) -> t.rankIn(newest), ResearchData.NULLS_LAST)
                .thenComparing(Track::zoneCode))
        .toList();
  }

  /** The tracks that moved most: largest spread first, then zone code; only tracks that moved. */
  static List<Track> movers(List<Track> tracks, int limit) {
    return tracks.stream()
        .filter(t -> t.spread() > 0)
        .sorted(Comparator.comparing((Track t) -> -t.spread()).thenComparing(Track::zoneCode))
        .limit(limit)
        .toList();
  }

  static void write(ResearchContext ctx) {
    PackStyles st = ctx.styles();
    ResearchData data = ctx.data();
    List<String> periods =
        data.trajectories().stream().map(RankTrajectory::period).distinct().sorted().toList();
    String newest = periods.get(periods.size() - 1);
    Map<String, String> names = data.zoneNames();
    Sheet sh = ctx.workbook().createSheet(NAME);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("开发区代码", 11, st.textCentered()));
    cols.add(new Column("开发区", 30, st.text()));
    for (String p : periods) {
      cols.add(new Column(p, 7, st.number(ResearchStyles.FMT_RANK)));
    }
    cols.add(new Column("名次极差", 8, st.number(ResearchStyles.FMT_RANK)));
    List<Track> a = tracks(data.trajectories("a"), newest);
    List<Track> b = tracks(data.trajectories("b"), newest);
    SheetText.title(
        sh,
        st,
        "排名轨迹 · " + periods.get(0) + "–" + newest,
        "各期全省排名（1 = 最好），按 " + newest + " 期排名排序；空白 = 该期未排名；名次极差 = 最差名次 − 最好名次。",
        cols.size() - 1);
    // One header row for both blocks (same columns); each block starts with its section row.
    int next = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true).nextRow();
    if (!a.isEmpty()) {
      next = block(sh, st, next, "方法A：" + Methods.a(data), cols, a, periods, names) + 1;
    }
    if (!b.isEmpty()) {
      block(sh, st, next, "方法B：" + Methods.b(data), cols, b, periods, names);
    }
    SheetCraft.freeze(sh, 2, HEADER_ROW + 1);
    List<Track> movers = movers(a.isEmpty() ? b : a, CHART_ZONES);
    if (!movers.isEmpty()) {
      Map<String, String> labels =
          ZoneLabels.of(movers.stream().map(Track::zoneCode).toList(), names);
      Map<String, Map<String, Integer>> ranks = new LinkedHashMap<>();
      for (Track m : movers) {
        ranks.put(labels.get(m.zoneCode()), m.ranks());
      }
      RenderedChart chart =
          ctx.chart(
              "rank-trajectories",
              ResearchCharts.trajectories(
                  "名次变动最大的 " + movers.size() + " 个开发区",
                  (a.isEmpty() ? "方法B" : "方法A") + "，" + periods.get(0) + "–" + newest + "，名次越靠上越好",
                  periods,
                  ranks),
              960,
              560);
      SheetCraft.picture(sh, chart, cols.size() + 1, HEADER_ROW);
    }
    SheetCraft.printSetup(sh, ResearchContext.TITLE, ctx.runId(), HEADER_ROW, HEADER_ROW);
  }

  /** A section row, then one row per track; returns the row after the block. */
  private static int block(
      Sheet sh,
      PackStyles st,
      int sectionRow,
      String section,
      List<Column> cols,
      List<Track> tracks,
      List<String> periods,
      Map<String, String> names) {
    SheetText.section(sh, st, sectionRow, section, cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, sectionRow, 0, cols);
    for (Track tr : tracks) {
      List<Object> v = new ArrayList<>();
      v.add(tr.zoneCode());
      v.add(names.getOrDefault(tr.zoneCode(), tr.zoneCode()));
      for (String p : periods) {
        v.add(tr.rankIn(p));
      }
      v.add(tr.spread());
      t.row(v.toArray());
    }
    return t.nextRow();
  }
}
