package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.ZoneResult;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * The body of the province pack after the cover, as the provincial 通报 carry it: the results by 设区市,
 * the top and bottom N of the ranking, the peer groups (国家级/省级, 苏南/苏中/苏北) and the 单项 top lists per
 * dimension. The full ranking is an annex.
 */
final class ResultsOverview {
  static final String BY_CITY = "结果概览";
  static final String GROUPS = "分组与单项";
  static final int TOP_IN_GROUP = 3;

  private ResultsOverview() {}

  /** 结果概览: by 设区市, then the top and the bottom N. */
  static Sheet byCity(PackContext ctx, List<ZoneResult> zones) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(BY_CITY);
    List<ZoneResult> ranked = zones.stream().filter(z -> z.rankAll() != null).toList();
    SheetText.title(
        sh,
        st,
        "各设区市开发区考核结果（" + ctx.period() + "）",
        "共 " + zones.size() + " 个开发区参评，" + ranked.size() + " 个排名；按平均综合得分排序。全部名次见附件综合排名。",
        8);
    List<Column> cols =
        List.of(
            new Column("设区市", 8, st.textCentered()),
            new Column("区域", 6, st.textCentered()),
            new Column("参评数", 7, st.number(PackStyles.FMT_INT)),
            new Column("国家级", 7, st.number(PackStyles.FMT_INT)),
            new Column("平均得分", 9, st.number(PackStyles.FMT_SCORE)),
            new Column("最好位次", 8, st.number(PackStyles.FMT_INT)),
            new Column("进位数", 7, st.number(PackStyles.FMT_INT)),
            new Column("退位数", 7, st.number(PackStyles.FMT_INT)),
            new Column("前30名", 7, st.number(PackStyles.FMT_INT)));
    TableWriter t = new TableWriter(sh, st, 3, 0, cols).header(true);
    Map<String, List<ZoneResult>> byCity = new LinkedHashMap<>();
    zones.forEach(z -> byCity.computeIfAbsent(z.city(), k -> new ArrayList<>()).add(z));
    List<Map.Entry<String, List<ZoneResult>>> cities = new ArrayList<>(byCity.entrySet());
    cities.sort(
        Comparator.comparingDouble((Map.Entry<String, List<ZoneResult>> e) -> -mean(e.getValue()))
            .thenComparing(Map.Entry::getKey));
    for (var e : cities) {
      List<ZoneResult> zs = e.getValue();
      t.row(
          CityPack.cityLabel(e.getKey()),
          Display.region(zs.get(0).region()),
          (long) zs.size(),
          zs.stream().filter(ZoneResult::isNational).count(),
          Double.isNaN(mean(zs)) ? null : mean(zs),
          zs.stream().filter(z -> z.rankAll() != null).mapToInt(ZoneResult::rankAll).min().stream()
              .boxed()
              .findFirst()
              .orElse(null),
          zs.stream().filter(z -> z.deltaRank() != null && z.deltaRank() > 0).count(),
          zs.stream().filter(z -> z.deltaRank() != null && z.deltaRank() < 0).count(),
          zs.stream().filter(z -> z.rankAll() != null && z.rankAll() <= 30).count());
    }
    int row = t.nextRow() + 1;
    int n = Math.min(ctx.config().topBottom(), ranked.size() / 2);
    row = rankList(ctx, sh, row, "前 " + n + " 名", ranked.subList(0, n));
    row++;
    List<ZoneResult> bottom = new ArrayList<>(ranked.subList(ranked.size() - n, ranked.size()));
    bottom.addAll(zones.stream().filter(z -> z.rankAll() == null).toList());
    rankList(ctx, sh, row, "后 " + n + " 名及未排名", bottom);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    sh.getPrintSetup().setLandscape(false);
    return sh;
  }

  private static int rankList(
      PackContext ctx, Sheet sh, int row, String title, List<ZoneResult> zs) {
    PackStyles st = ctx.styles();
    SheetText.section(sh, st, row++, title, 8);
    List<Column> cols =
        List.of(
            new Column("全省排名", 8, st.textCentered()),
            new Column("升降", 6, st.textCentered()),
            new Column("开发区", 7, st.text()),
            new Column("", 7, st.text()),
            new Column("", 9, st.text()),
            new Column("设区市", 8, st.textCentered()),
            new Column("级别", 7, st.textCentered()),
            new Column("综合得分", 7, st.numberBold(PackStyles.FMT_SCORE)),
            new Column("标记", 7, st.textCentered()));
    TableWriter t = new TableWriter(sh, st, row, 0, cols).header(false);
    mergeName(sh, row);
    for (ZoneResult z : zs) {
      int r =
          t.row(
              z.rankAll() == null ? "未排名" : z.rankAll().toString(),
              RankingSheets.arrow(st, z.deltaRank()),
              z.zoneName(),
              null,
              null,
              z.city(),
              z.levelZh(),
              z.finalScore(),
              Display.mark(z.mark()));
      mergeName(sh, r);
    }
    ConditionalFormats.marks(sh, t.bodyRange(8));
    return t.nextRow();
  }

  private static void mergeName(Sheet sh, int row) {
    sh.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(row, row, 2, 4));
  }

  private static double mean(List<ZoneResult> zs) {
    OptionalDouble m =
        zs.stream()
            .filter(z -> z.rankAll() != null && z.finalScore() != null)
            .mapToDouble(ZoneResult::finalScore)
            .average();
    return m.isPresent() ? m.getAsDouble() : Double.NaN;
  }

  /** 分组与单项: top 3 per peer group, and the top N per dimension. */
  static Sheet groups(PackContext ctx, List<ZoneResult> zones) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(GROUPS);
    List<ZoneResult> ranked = zones.stream().filter(z -> z.rankAll() != null).toList();
    Map<String, String> dims = ctx.data().dimensionNames();
    int lastCol = Math.max(TOP_IN_GROUP, dims.size());
    SheetCraft.widths(sh, 6, 22, 22, 22, 22, 22);
    SheetText.title(
        sh,
        st,
        "分组排名与单项排名（" + ctx.period() + "）",
        "分组：国家级、省级，苏南、苏中、苏北各前 "
            + TOP_IN_GROUP
            + " 名（括号内为组内名次/全省名次）；单项：各维度得分前 "
            + ctx.config().singleTop()
            + " 名。",
        lastCol);
    List<Column> gcols = new ArrayList<>();
    gcols.add(new Column("分组", 0, st.textCentered()));
    for (int i = 1; i <= TOP_IN_GROUP; i++) {
      gcols.add(new Column("第" + i + "名", 0, st.textWrap()));
    }
    TableWriter g = new TableWriter(sh, st, 3, 0, gcols).header(false);
    Map<String, List<ZoneResult>> groups = new LinkedHashMap<>();
    groups.put("国家级", ranked.stream().filter(ZoneResult::isNational).toList());
    groups.put("省级", ranked.stream().filter(z -> !z.isNational()).toList());
    ranked.stream()
        .map(ZoneResult::region)
        .filter(java.util.Objects::nonNull)
        .distinct()
        .sorted(Comparator.comparingInt(ResultsOverview::regionOrder))
        .forEach(
            r ->
                groups.put(
                    Display.region(r), ranked.stream().filter(z -> r.equals(z.region())).toList()));
    groups.forEach(
        (name, zs) -> {
          List<Object> v = new ArrayList<>();
          v.add(name);
          for (int i = 0; i < TOP_IN_GROUP; i++) {
            v.add(
                i < zs.size()
                    ? zs.get(i).zoneName() + "（" + (i + 1) + "/" + zs.get(i).rankAll() + "）"
                    : null);
          }
          g.row(v.toArray());
        });
    int row = g.nextRow() + 1;
    if (!dims.isEmpty()) {
      SheetText.section(sh, st, row++, "单项前 " + ctx.config().singleTop() + " 名", lastCol);
      List<Column> dcols = new ArrayList<>();
      dcols.add(new Column("名次", 0, st.textCentered()));
      dims.values().forEach(n -> dcols.add(new Column(n, 0, st.textWrap())));
      TableWriter dt = new TableWriter(sh, st, row, 0, dcols).header(false);
      Map<String, List<DimensionScore>> top = new LinkedHashMap<>();
      Map<String, ZoneResult> byCode = new LinkedHashMap<>();
      zones.forEach(z -> byCode.put(z.zoneCode(), z));
      for (String code : dims.keySet()) {
        top.put(
            code,
            ctx.data().dimensions(ctx.period()).stream()
                .filter(d -> d.dimensionCode().equals(code) && d.score() != null)
                .filter(d -> byCode.containsKey(d.zoneCode()))
                .sorted(
                    Comparator.comparingDouble((DimensionScore d) -> -d.score())
                        .thenComparing(DimensionScore::zoneCode))
                .limit(ctx.config().singleTop())
                .toList());
      }
      for (int i = 0; i < ctx.config().singleTop(); i++) {
        List<Object> v = new ArrayList<>();
        v.add(Integer.toString(i + 1));
        for (String code : dims.keySet()) {
          List<DimensionScore> l = top.get(code);
          v.add(
              i < l.size()
                  ? byCode.get(l.get(i).zoneCode()).zoneName()
                      + " "
                      + Display.num(l.get(i).score(), 1)
                  : null);
        }
        dt.row(v.toArray());
      }
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }

  static int regionOrder(String region) {
    int i = List.of("苏南", "苏中", "苏北").indexOf(Display.region(region));
    return i < 0 ? 9 : i;
  }

  static int rankCount(RunData data, String period) {
    return (int) data.results(period).stream().filter(z -> z.rankAll() != null).count();
  }
}
