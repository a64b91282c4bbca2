package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import zoneassess.reports.charts.PackCharts;
import zoneassess.reports.model.CostIndex;
import zoneassess.reports.model.CostPosition;
import zoneassess.reports.model.ProfileCost;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.Styled;
import zoneassess.reports.workbook.TableWriter;

/** Factor-cost sheets: the province's matrix by city, and one city against the distribution. */
final class CostSheets {
  static final String PROVINCE = "要素成本";
  static final String PROVINCE_INDEX = "要素成本指数";
  static final String CITY = "要素成本对比";
  static final String PROFILE = "典型企业成本";
  static final int HEADER_ROW = 3;

  private CostSheets() {}

  /** Cities across, factors down; each factor row coloured from cheap (green) to dear (red). */
  static Sheet province(PackContext ctx, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    List<CostPosition> rows = ctx.data().cityCosts();
    List<String> cities = cities(rows);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("要素", 20, st.textWrap()));
    cols.add(new Column("单位", 7, st.textWrap()));
    for (String c : cities) {
      cols.add(new Column(c, 8, st.number(PackStyles.FMT_DEC2)));
    }
    cols.add(new Column("全省中位数", 8, st.numberBold(PackStyles.FMT_DEC2)));
    SheetText.title(
        sh,
        st,
        "要素成本（按城市）",
        "期次 " + ctx.data().costPeriod() + "；每行单独着色：绿 = 便宜，红 = 贵。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    for (var factor : byFactor(rows).values()) {
      CostPosition any = factor.values().iterator().next();
      List<Object> v = new ArrayList<>();
      v.add(any.label());
      v.add(Display.unit(any.unit()));
      var fmt = st.number(Display.format(any.unit()));
      for (String c : cities) {
        CostPosition p = factor.get(c);
        v.add(new Styled(p == null ? null : Display.value(p.value(), any.unit()), fmt));
      }
      v.add(
          new Styled(
              Display.value(any.median(), any.unit()), st.numberBold(Display.format(any.unit()))));
      int r = t.row(v.toArray());
      ConditionalFormats.colourScale(sh, new CellRangeAddress(r, r, 2, 1 + cities.size()), false);
    }
    SheetCraft.freeze(sh, 2, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  /**
   * 要素成本指数: the composite index by city and the typical-firm cost by city, on their own sheet so
   * the factor table's repeated header never stands above them.
   */
  static Sheet provinceIndex(PackContext ctx, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    SheetCraft.widths(sh, 20, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8);
    SheetText.title(
        sh, st, "要素成本综合指数与典型企业年成本", "期次 " + ctx.data().costPeriod() + "；综合指数以全省中位数为 100，越低越便宜。", 8);
    int row = 3;
    List<CostIndex> idx = ctx.data().cityCostIndex();
    if (!idx.isEmpty()) {
      SheetText.section(sh, st, row++, "要素成本综合指数（全省中位数 = 100，越低越便宜）", 4);
      TableWriter ti =
          new TableWriter(
                  sh,
                  st,
                  row,
                  0,
                  List.of(
                      new Column("城市", 0, st.text()),
                      new Column("排名", 0, st.textCentered()),
                      new Column("综合指数", 0, st.number(PackStyles.FMT_INDEX))))
              .header(false);
      for (CostIndex c : idx) {
        ti.row(c.locationName(), c.rank(), c.compositeIndex());
      }
      ConditionalFormats.colourScale(sh, ti.bodyRange(2), false);
      row = ti.nextRow() + 1;
    }
    profileTable(ctx, sh, row, Set.of());
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }

  /** Typical-firm annual cost: profiles down, cities across. Returns the next free row. */
  private static int profileTable(PackContext ctx, Sheet sh, int row, Set<String> highlight) {
    PackStyles st = ctx.styles();
    List<ProfileCost> profiles = ctx.data().cityProfileCosts();
    if (profiles.isEmpty()) {
      return row;
    }
    SheetText.section(sh, st, row++, "典型企业年要素成本（万元/年）", 4);
    List<String> cities =
        new ArrayList<>(new TreeSet<>(profiles.stream().map(ProfileCost::locationName).toList()));
    cities = orderLike(ctx, cities);
    List<Column> cols = new ArrayList<>();
    cols.add(new Column("典型企业", 0, st.textWrap()));
    cols.add(new Column("单位", 0, st.textWrap()));
    for (String c : cities) {
      cols.add(new Column(c, 0, st.number(PackStyles.FMT_INT)));
    }
    TableWriter t = new TableWriter(sh, st, row, 0, cols).header(false);
    Map<String, Map<String, ProfileCost>> byProfile = new LinkedHashMap<>();
    for (ProfileCost p : profiles) {
      byProfile
          .computeIfAbsent(p.profileNameZh(), k -> new LinkedHashMap<>())
          .put(p.locationName(), p);
    }
    for (var e : byProfile.entrySet()) {
      List<Object> v = new ArrayList<>();
      v.add(e.getKey());
      v.add("万元/年");
      for (String c : cities) {
        ProfileCost p = e.getValue().get(c);
        v.add(p == null ? null : p.totalCost10k());
      }
      int r = t.row(v.toArray());
      ConditionalFormats.colourScale(sh, new CellRangeAddress(r, r, 2, 1 + cities.size()), false);
    }
    return t.nextRow() + 1;
  }

  /** The city against the provincial distribution and its neighbours, with the box plot. */
  static Sheet city(
      PackContext ctx, String city, List<String> neighbours, String name, boolean headlineOnly) {
    int hidden = 0;
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(name);
    List<CostPosition> rows = ctx.data().cityCosts();
    Map<String, Map<String, CostPosition>> factors = byFactor(rows);
    List<Column> cols =
        new ArrayList<>(
            List.of(
                new Column("要素", 22, st.textWrap()),
                new Column("单位", 8, st.textWrap()),
                new Column(city, 8, st.numberBold(PackStyles.FMT_DEC2)),
                new Column("全省最低", 8, st.number(PackStyles.FMT_DEC2)),
                new Column("25%分位", 8, st.number(PackStyles.FMT_DEC2)),
                new Column("中位数", 8, st.number(PackStyles.FMT_DEC2)),
                new Column("75%分位", 8, st.number(PackStyles.FMT_DEC2)),
                new Column("全省最高", 8, st.number(PackStyles.FMT_DEC2)),
                new Column("指数", 6, st.number(PackStyles.FMT_INDEX)),
                new Column("百分位", 6, st.number(PackStyles.FMT_INDEX)),
                new Column("由低到高", 7, st.textCentered()),
                new Column("同比", 7, st.number(PackStyles.FMT_PCT))));
    for (String n : neighbours) {
      cols.add(new Column(n, 8, st.number(PackStyles.FMT_DEC2)));
    }
    SheetText.title(
        sh,
        st,
        CityPack.cityLabel(city) + "要素成本与全省、相邻城市比较",
        "期次 " + ctx.data().costPeriod() + "；指数以全省中位数为 100；百分位 0 = 最便宜；相邻城市取同一区域的城市。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    List<PackCharts.CostBox> boxes = new ArrayList<>();
    for (var factor : factors.values()) {
      CostPosition me = factor.get(city);
      if (me == null) {
        continue;
      }
      if (headlineOnly && !headline(me)) {
        hidden++;
        continue;
      }
      List<Object> v = new ArrayList<>(List.of());
      String u = me.unit();
      var fmt = st.number(Display.format(u));
      v.add(me.label());
      v.add(Display.unit(u));
      v.add(new Styled(Display.value(me.value(), u), st.numberBold(Display.format(u))));
      v.add(new Styled(Display.value(me.pMin(), u), fmt));
      v.add(new Styled(Display.value(me.p25(), u), fmt));
      v.add(new Styled(Display.value(me.median(), u), fmt));
      v.add(new Styled(Display.value(me.p75(), u), fmt));
      v.add(new Styled(Display.value(me.pMax(), u), fmt));
      v.add(me.indexVsMedian());
      v.add(me.percentile());
      v.add(
          me.rank() == null
              ? null
              : me.rank() + "/" + (me.nLocations() == null ? "—" : me.nLocations()));
      v.add(PerMuSheets.pct(me.changeYoyPct()));
      Map<String, Double> places = new LinkedHashMap<>();
      places.put(city, index(me.value(), me.median()));
      for (String n : neighbours) {
        CostPosition p = factor.get(n);
        v.add(new Styled(p == null ? null : Display.value(p.value(), u), fmt));
        places.put(n, p == null ? null : index(p.value(), me.median()));
      }
      t.row(v.toArray());
      if (headline(me)
          && me.median() != null
          && me.median() != 0
          && me.pMin() != null
          && me.pMax() != null
          && me.p25() != null
          && me.p75() != null) {
        double m = me.median();
        boxes.add(
            new PackCharts.CostBox(
                me.label(),
                me.pMin() / m * 100,
                me.p25() / m * 100,
                100,
                me.p75() / m * 100,
                me.pMax() / m * 100,
                places));
      }
    }
    ConditionalFormats.colourScale(sh, t.bodyRange(9), false);
    if (hidden > 0) {
      SheetText.prose(
          sh,
          st,
          t.nextRow(),
          0,
          cols.size() - 1,
          "电价只列单一制 1-10千伏（一般工业用户）的峰、平、谷；其余 " + hidden + " 行（其他电压等级与两部制）见省级简报附件要素成本。",
          false);
    }
    SheetCraft.freeze(sh, 1, HEADER_ROW + 1);
    if (!boxes.isEmpty()) {
      int top = t.nextRow() + 2;
      var chart =
          ctx.chart(
              "cost-boxes",
              PackCharts.costBoxes(
                  city + "要素成本在全省的位置",
                  "方块 = " + city + "，圆点 = 相邻城市；箱体为全省 25%–75% 分位，须线为最低与最高",
                  boxes),
              960,
              Math.max(420, 140 + 34 * boxes.size()));
      SheetCraft.picture(sh, chart, 0, top);
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
    return sh;
  }

  /**
   * A row shown in a leader's body page: every factor except the electricity tariffs of other
   * voltage classes and two-part tariffs (one typical industrial tariff is enough to compare).
   */
  static boolean headline(CostPosition p) {
    String label = p.label();
    if (!label.contains("电价")) {
      return true;
    }
    boolean otherVoltage = label.contains("千伏") && !label.contains("1-10千伏");
    return !label.contains("两部制") && !otherVoltage;
  }

  /** Typical-firm cost of every city per profile, cheapest first, with PNG and native bars. */
  static Sheet profiles(PackContext ctx, String city, String sheetName) {
    PackStyles st = ctx.styles();
    XSSFSheet sh = ctx.workbook().createSheet(sheetName);
    List<ProfileCost> profiles = ctx.data().cityProfileCosts();
    SheetCraft.widths(sh, 5, 8, 11, 7, 11, 11, 5, 2, 9, 9, 9, 9, 9, 9, 9, 9);
    SheetText.title(
        sh,
        st,
        "典型企业年要素成本（各市比较）",
        profiles.isEmpty()
            ? ""
            : profiles.get(0).year() + " 年；按标准用电、用水、用气、用地、用工量在各市计价；★ 与深色柱为" + city + "。每页一类企业。",
        14);
    Map<String, List<ProfileCost>> byProfile = new LinkedHashMap<>();
    for (ProfileCost p : profiles) {
      byProfile.computeIfAbsent(p.profileId(), k -> new ArrayList<>()).add(p);
    }
    int row = 3;
    int n = 0;
    for (var e : byProfile.entrySet()) {
      List<ProfileCost> ps = new ArrayList<>(e.getValue());
      ps.sort(
          java.util.Comparator.comparing(
                  ProfileCost::totalCost10k,
                  java.util.Comparator.nullsLast(java.util.Comparator.<Double>naturalOrder()))
              .thenComparing(ProfileCost::locationCode));
      String name = ps.get(0).profileNameZh();
      SheetText.section(sh, st, row++, name + "（万元/年）", 14);
      int top = row;
      TableWriter t =
          new TableWriter(
                  sh,
                  st,
                  row,
                  0,
                  List.of(
                      new Column("排名", 0, st.textCentered()),
                      new Column("城市", 0, st.textCentered()),
                      new Column("年成本", 0, st.number("#,##0")),
                      new Column("指数", 0, st.number(PackStyles.FMT_INDEX)),
                      new Column("比最低高", 0, st.number("#,##0")),
                      new Column("比中位数", 0, st.number("#,##0")),
                      new Column("本市", 0, st.textCentered())))
              .header(false);
      for (ProfileCost p : ps) {
        t.row(
            p.rank(),
            p.locationName(),
            p.totalCost10k(),
            p.indexVsMedian(),
            p.gapToCheapest10k(),
            p.gapToMedian10k(),
            CityPack.sameCity(city, p.locationName()) ? "★" : null);
      }
      var chart =
          ctx.chart(
              "typical-firm-" + (++n),
              PackCharts.typicalFirmCost(
                  name + "：年要素成本",
                  "万元/年，由低到高；深色为" + city,
                  ps.stream()
                      .map(
                          p ->
                              new PackCharts.Bar(
                                  p.locationName(),
                                  p.totalCost10k() == null ? 0 : p.totalCost10k()))
                      .toList(),
                  Set.of(city)),
              540,
              Math.max(300, 24 * ps.size() + 110));
      int used = SheetCraft.picture(sh, chart, 8, top);
      row = Math.max(t.nextRow(), top + used) + 1;
      if (n < byProfile.size()) {
        sh.setRowBreak(row - 1);
      }
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
    return sh;
  }

  private static Double index(Double value, Double median) {
    return value == null || median == null || median == 0 ? null : value / median * 100;
  }

  /** factor key → (city → position), factors in mart order. */
  static Map<String, Map<String, CostPosition>> byFactor(List<CostPosition> rows) {
    Map<String, Map<String, CostPosition>> out = new LinkedHashMap<>();
    for (CostPosition p : rows) {
      out.computeIfAbsent(p.key(), k -> new LinkedHashMap<>()).put(p.locationName(), p);
    }
    return out;
  }

  private static List<String> cities(List<CostPosition> rows) {
    Map<String, String> byCode = new java.util.TreeMap<>();
    for (CostPosition p : rows) {
      byCode.putIfAbsent(p.locationCode(), p.locationName());
    }
    return new ArrayList<>(byCode.values());
  }

  private static List<String> orderLike(PackContext ctx, List<String> cities) {
    List<String> order = cities(ctx.data().cityCosts());
    List<String> out = new ArrayList<>();
    for (String c : order) {
      if (cities.contains(c)) {
        out.add(c);
      }
    }
    for (String c : cities) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }
}
