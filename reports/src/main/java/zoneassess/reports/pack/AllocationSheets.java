package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.marts.MartReader;
import zoneassess.reports.marts.MartRow;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * 资源要素配置 (issue 15): the allocation marts as annexes — for a city or a zone the priority list, the
 * D-class surcharges per factor, the 应保尽保 list, the quota split and the recoverable land; for the
 * province one row per city. The marts are streamed and filtered to the pack's scope; only the
 * scope's rows are held. Each list shows the first {@code print.allocation_top} firms.
 *
 * <p>Longer than 500 lines on purpose: one method per annex sheet, each a column list and a
 * streamed filter over one mart, in the order the pack prints them.
 */
final class AllocationSheets {
  static final String NAME = "资源要素配置";
  static final String PROVINCE_NAME = "资源要素配置汇总";
  static final int HEADER_ROW = 3;
  static final String MU = "#,##0.0";
  static final String TCE = "#,##0.00";

  /** One firm of {@code allocation_enterprise}, as the annex shows it. */
  record Firm(
      String name,
      String zoneCode,
      String city,
      String cls,
      String policy,
      Double score,
      Double landMu,
      Integer yearsInD,
      Integer rank,
      boolean guaranteed,
      double[] surcharge,
      double total,
      double relief) {}

  /** One quota unit of {@code allocation_zone}. */
  record Quota(
      String code,
      String name,
      String level,
      String city,
      double share,
      double guaranteedLand,
      double landQuota,
      double energyQuota,
      int guaranteedFirms,
      String rule) {}

  /** Recoverable land of one zone. */
  static final class Land {
    final String zoneName;
    String city;
    double idle;
    double lowEfficiency;
    double persistentD;
    final Set<String> firms = new LinkedHashSet<>();

    Land(String zoneName) {
      this.zoneName = zoneName;
    }

    double total() {
      return idle + lowEfficiency + persistentD;
    }
  }

  private AllocationSheets() {}

  /** The newest allocation year at or before the period's year, or null. */
  static Integer year(RunData data, String period) {
    if (!data.hasAllocation()) {
      return null;
    }
    TreeSet<Integer> years = new TreeSet<>();
    String uri = data.martUri(MartMapping.ALLOCATION_ENTERPRISE);
    for (String y : data.reader().partitionValues(uri, MartMapping.ENTERPRISE_YEAR)) {
      try {
        years.add(Integer.parseInt(y));
      } catch (NumberFormatException notAYear) {
        // another partition value: ignored
      }
    }
    if (years.isEmpty()) {
      data.reader().forEach(uri, r -> years.add(r.integer("year")));
    }
    int limit;
    try {
      limit = Integer.parseInt(period.substring(0, 4));
    } catch (RuntimeException e) {
      limit = Integer.MAX_VALUE;
    }
    Integer y = years.floor(limit);
    return y != null ? y : (years.isEmpty() ? null : years.first());
  }

  /** The firms of the year that {@code keep} accepts. */
  static List<Firm> firms(RunData data, int year, Predicate<MartRow> keep) {
    MartReader reader = data.reader();
    String uri = data.martUri(MartMapping.ALLOCATION_ENTERPRISE);
    List<String> years = reader.partitionValues(uri, MartMapping.ENTERPRISE_YEAR);
    String source =
        years.contains(Integer.toString(year))
            ? uri + "/" + MartMapping.ENTERPRISE_YEAR + "=" + year
            : uri;
    List<Firm> out = new ArrayList<>();
    reader.forEach(
        uri,
        source,
        r -> {
          Integer y = r.optInteger("year");
          if ((y != null && y != year) || !keep.test(r)) {
            return;
          }
          double[] s = new double[MartMapping.PRICE_FACTORS.size()];
          for (int i = 0; i < s.length; i++) {
            s[i] = nz(r.optDbl(MartMapping.PRICE_FACTORS.get(i)[0] + "_surcharge_10k"));
          }
          Boolean g = r.optBool("guaranteed");
          out.add(
              new Firm(
                  r.optStr("enterprise_name"),
                  r.optStr("zone_code"),
                  r.optStr("city"),
                  r.str(MartMapping.PER_MU_CLASS),
                  r.optStr("policy_name_zh"),
                  r.optDbl("total_score"),
                  r.optDbl("land_area_mu"),
                  r.optInteger("years_in_d"),
                  r.optInteger("priority_rank"),
                  g != null && g,
                  s,
                  nz(r.optDbl("surcharge_total_10k")),
                  nz(r.optDbl("land_use_tax_relief_10k"))));
        });
    return out;
  }

  static List<Quota> quotas(RunData data, int year, Predicate<MartRow> keep) {
    if (!data.has(MartMapping.ALLOCATION_ZONE)) {
      return List.of();
    }
    List<Quota> out =
        data.reader()
            .read(
                data.martUri(MartMapping.ALLOCATION_ZONE),
                r -> r.integer("year") == year && keep.test(r),
                r ->
                    new Quota(
                        r.str("unit_code"),
                        r.optStr("unit_name"),
                        r.str("unit_level"),
                        r.optStr("city"),
                        nz(r.optDbl("share")),
                        nz(r.optDbl("guaranteed_land_mu")),
                        nz(r.optDbl("land_quota_mu")),
                        nz(r.optDbl("energy_quota_10k_tce")),
                        r.optInteger("guaranteed_firms") == null
                            ? 0
                            : r.optInteger("guaranteed_firms"),
                        r.optStr("rule_zh")));
    return out.stream().sorted(Comparator.comparing(Quota::code)).toList();
  }

  /** Recoverable land per zone code, in zone-code order. */
  static Map<String, Land> land(RunData data, int year, Predicate<MartRow> keep) {
    Map<String, Land> out = new TreeMap<>();
    if (!data.has(MartMapping.LAND_RECOVERY)) {
      return out;
    }
    data.reader()
        .forEach(
            data.martUri(MartMapping.LAND_RECOVERY),
            r -> {
              if (r.integer("year") != year || !keep.test(r)) {
                return;
              }
              String code = r.str("zone_code");
              Land l =
                  out.computeIfAbsent(
                      code,
                      c -> new Land(r.optStr("zone_name") == null ? c : r.optStr("zone_name")));
              l.city = r.optStr("city");
              double a = nz(r.optDbl("area_mu"));
              switch (r.str("candidate_type")) {
                case "idle_land" -> l.idle += a;
                case "low_efficiency_land" -> l.lowEfficiency += a;
                default -> {
                  l.persistentD += a;
                  String firm = r.optStr("enterprise_name");
                  l.firms.add(firm == null ? nz(r.optStr("credit_code")) : firm);
                }
              }
            });
    return out;
  }

  /**
   * The annex of a city or of one zone.
   *
   * @param keepFirm and {@code keepUnit} select the scope's rows of the enterprise and the other
   *     two marts (both carry {@code city}; zone packs select by zone code)
   */
  static void scope(
      PackContext ctx,
      String scope,
      int year,
      Predicate<MartRow> keepFirm,
      Predicate<MartRow> keepUnit,
      Predicate<MartRow> keepLand,
      Map<String, String> zoneNames,
      String name) {
    PackStyles st = ctx.styles();
    RunData data = ctx.data();
    int top = Math.max(1, ctx.config().allocationTop());
    List<Firm> firms = firms(data, year, keepFirm);
    List<Quota> quotas = quotas(data, year, keepUnit);
    Map<String, Land> land = land(data, year, keepLand);
    XSSFSheet sh = ctx.workbook().createSheet(name);
    String dec2 = PackStyles.FMT_DEC2;
    // one set of widths for every table: 序号, name, zone, then six numbers
    List<Column> widths =
        List.of(
            new Column("序号", 5, st.textCentered()),
            new Column("企业名称", 28, st.textWrap()),
            new Column("开发区", 20, st.textWrap()),
            new Column("", 10, st.text()),
            new Column("", 10, st.text()),
            new Column("", 10, st.text()),
            new Column("", 10, st.text()),
            new Column("", 10, st.text()),
            new Column("", 10, st.text()));
    int last = widths.size() - 1;
    for (int c = 0; c < widths.size(); c++) {
      sh.setColumnWidth(c, widths.get(c).width() * 256 + 200);
    }
    sh.getPrintSetup().setLandscape(true);
    double revenue = firms.stream().mapToDouble(Firm::total).sum();
    long dCount = firms.stream().filter(f -> "D".equals(f.cls())).count();
    long guaranteed = firms.stream().filter(Firm::guaranteed).count();
    double recoverable = land.values().stream().mapToDouble(Land::total).sum();
    SheetText.title(
        sh,
        st,
        scope + " 资源要素差别化配置（" + year + "年）",
        String.format(
            "参评企业 %d 家；D 类 %d 家，差别化价格加价合计 %.2f 万元；应保尽保企业 %d 家；可盘活土地 %.1f 亩。" + "每张名单列前 %d 家。",
            firms.size(), dCount, revenue, guaranteed, recoverable, top),
        last);
    int row = HEADER_ROW;

    // 1. A-class priority list, in line order
    SheetText.section(sh, st, row, "一、A 类企业优先保障名单（按县区内用地用能排位）", last);
    TableWriter a =
        new TableWriter(
                sh,
                st,
                row + 1,
                0,
                List.of(
                    new Column("县区内排位", 5, st.textCentered()),
                    new Column("企业名称", 28, st.textWrap()),
                    new Column("开发区", 20, st.textWrap()),
                    new Column("分类政策", 10, st.text()),
                    new Column("综合得分", 10, st.number(PackStyles.FMT_SCORE)),
                    new Column("用地 亩", 10, st.number(MU)),
                    new Column("优先供地", 10, st.textCentered()),
                    new Column("优先用能", 10, st.textCentered()),
                    new Column("应保尽保", 10, st.textCentered())))
            .header(false);
    List<Firm> classA =
        firms.stream()
            .filter(f -> "A".equals(f.cls()))
            .sorted(
                Comparator.comparing((Firm f) -> f.rank() == null ? Integer.MAX_VALUE : f.rank())
                    .thenComparing(f -> -nz(f.score())))
            .toList();
    for (Firm f : classA.subList(0, Math.min(top, classA.size()))) {
      a.row(
          f.rank() == null ? "—" : Integer.toString(f.rank()),
          f.name(),
          zoneNames.getOrDefault(f.zoneCode(), nz(f.zoneCode())),
          f.policy(),
          f.score(),
          f.landMu(),
          "是",
          "是",
          f.guaranteed() ? "是" : "否");
    }
    if (classA.isEmpty()) {
      a.row(null, "本期无 A 类企业", null, null, null, null, null, null, null);
    }
    row = more(sh, st, a, classA.size(), top, last);

    // 2. D-class surcharges per factor
    SheetText.section(sh, st, row, "二、D 类企业差别化价格加价（万元）", last);
    List<Column> dCols = new ArrayList<>();
    dCols.add(new Column("序号", 5, st.textCentered()));
    dCols.add(new Column("企业名称", 28, st.textWrap()));
    dCols.add(new Column("开发区", 20, st.textWrap()));
    dCols.add(new Column("连续D类年数", 10, st.number(PackStyles.FMT_INT)));
    for (String[] f : MartMapping.PRICE_FACTORS) {
      dCols.add(new Column(f[1] + "加价", 10, st.number(dec2)));
    }
    dCols.add(new Column("加价合计", 10, st.number(dec2)));
    TableWriter d = new TableWriter(sh, st, row + 1, 0, dCols).header(false);
    List<Firm> classD =
        firms.stream()
            .filter(f -> "D".equals(f.cls()))
            .sorted(Comparator.comparing((Firm f) -> -f.total()).thenComparing(f -> nz(f.name())))
            .toList();
    int i = 0;
    for (Firm f : classD.subList(0, Math.min(top, classD.size()))) {
      Object[] v = new Object[dCols.size()];
      v[0] = ++i;
      v[1] = f.name();
      v[2] = zoneNames.getOrDefault(f.zoneCode(), nz(f.zoneCode()));
      v[3] = f.yearsInD();
      for (int k = 0; k < f.surcharge().length; k++) {
        v[4 + k] = f.surcharge()[k];
      }
      v[v.length - 1] = f.total();
      d.row(v);
    }
    if (classD.isEmpty()) {
      Object[] none = new Object[dCols.size()];
      none[1] = "本期无 D 类企业";
      d.row(none);
    } else {
      Object[] sum = new Object[dCols.size()];
      sum[1] = "合计（" + classD.size() + " 家）";
      for (int k = 0; k < MartMapping.PRICE_FACTORS.size(); k++) {
        final int kk = k;
        sum[4 + k] = classD.stream().mapToDouble(f -> f.surcharge()[kk]).sum();
      }
      sum[sum.length - 1] = classD.stream().mapToDouble(Firm::total).sum();
      d.row(sum);
    }
    row = more(sh, st, d, classD.size(), top, last);

    // 3. 应保尽保
    SheetText.section(sh, st, row, "三、应保尽保企业名单", last);
    TableWriter g =
        new TableWriter(
                sh,
                st,
                row + 1,
                0,
                List.of(
                    new Column("序号", 5, st.textCentered()),
                    new Column("企业名称", 28, st.textWrap()),
                    new Column("开发区", 20, st.textWrap()),
                    new Column("分类", 10, st.textCentered()),
                    new Column("综合得分", 10, st.number(PackStyles.FMT_SCORE)),
                    new Column("用地 亩", 10, st.number(MU)),
                    new Column("县区内排位", 10, st.textCentered()),
                    new Column("土地使用税减免 万元", 10, st.number(dec2)),
                    new Column("加价 万元", 10, st.number(dec2))))
            .header(false);
    List<Firm> guar =
        firms.stream()
            .filter(Firm::guaranteed)
            .sorted(
                Comparator.comparing((Firm f) -> f.rank() == null ? Integer.MAX_VALUE : f.rank())
                    .thenComparing(f -> nz(f.name())))
            .toList();
    i = 0;
    for (Firm f : guar.subList(0, Math.min(top, guar.size()))) {
      g.row(
          ++i,
          f.name(),
          zoneNames.getOrDefault(f.zoneCode(), nz(f.zoneCode())),
          f.cls() + "类",
          f.score(),
          f.landMu(),
          f.rank() == null ? "—" : Integer.toString(f.rank()),
          f.relief(),
          f.total());
    }
    if (guar.isEmpty()) {
      g.row(null, "本期无应保尽保企业", null, null, null, null, null, null, null);
    }
    row = more(sh, st, g, guar.size(), top, last);

    // 4. quota split
    SheetText.section(sh, st, row, "四、用地用能指标分配", last);
    TableWriter q =
        new TableWriter(
                sh,
                st,
                row + 1,
                0,
                List.of(
                    new Column("序号", 5, st.textCentered()),
                    new Column("分配单元", 28, st.textWrap()),
                    new Column("层级", 20, st.textCentered()),
                    new Column("绩效份额", 10, st.number(PackStyles.FMT_PCT)),
                    new Column("保障用地 亩", 10, st.number(MU)),
                    new Column("用地指标 亩", 10, st.number(MU)),
                    new Column("用能指标 万吨标煤", 10, st.number(TCE)),
                    new Column("应保尽保企业", 10, st.number(PackStyles.FMT_INT))))
            .header(false);
    i = 0;
    Set<String> rules = new LinkedHashSet<>();
    for (Quota u : quotas) {
      q.row(
          ++i,
          u.name() == null ? u.code() : u.name(),
          "county".equals(u.level()) ? "县区" : "开发区",
          u.share(),
          u.guaranteedLand(),
          u.landQuota(),
          u.energyQuota(),
          u.guaranteedFirms());
      if (u.rule() != null && !u.rule().isBlank()) {
        rules.add(u.rule());
      }
    }
    if (quotas.isEmpty()) {
      q.row(null, "本期无指标分配数据", null, null, null, null, null, null);
    }
    row = q.nextRow();
    if (!rules.isEmpty()) {
      SheetText.prose(sh, st, row, 0, last, "分配规则：" + String.join("；", rules), false);
      row++;
    }
    row++;

    // 5. land recovery
    SheetText.section(sh, st, row, "五、低效闲置土地盘活（亩）", last);
    TableWriter l = landTable(sh, st, row + 1, "开发区").header(false);
    i = 0;
    for (Land x : land.values()) {
      l.row(
          ++i,
          x.zoneName,
          x.idle,
          x.lowEfficiency,
          x.persistentD,
          x.total(),
          (long) x.firms.size());
    }
    if (land.isEmpty()) {
      l.row(null, "本期无盘活候选", null, null, null, null, null);
    }
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), -1, -1);
  }

  private static TableWriter landTable(XSSFSheet sh, PackStyles st, int header, String first) {
    return new TableWriter(
        sh,
        st,
        header,
        0,
        List.of(
            new Column("序号", 5, st.textCentered()),
            new Column(first, 28, st.textWrap()),
            new Column("闲置土地 亩", 20, st.number(MU)),
            new Column("低效用地 亩", 10, st.number(MU)),
            new Column("连续D类企业用地 亩", 10, st.number(MU)),
            new Column("可盘活合计 亩", 10, st.number(MU)),
            new Column("涉及企业", 10, st.number(PackStyles.FMT_INT))));
  }

  /** A line under a cut list, and the row where the next section starts. */
  private static int more(XSSFSheet sh, PackStyles st, TableWriter t, int n, int top, int last) {
    int row = t.nextRow();
    if (n > top) {
      SheetText.prose(sh, st, row, 0, last, "另有 " + (n - top) + " 家未列出。", false);
      row++;
    }
    return row + 1;
  }

  /** The province annex: one row per city. */
  static void province(PackContext ctx, int year, List<String> cityOrder, String name) {
    PackStyles st = ctx.styles();
    RunData data = ctx.data();
    Map<String, long[]> classes = new LinkedHashMap<>();
    Map<String, double[]> money = new LinkedHashMap<>();
    for (String c : cityOrder) {
      classes.put(c, new long[6]);
      money.put(c, new double[1]);
    }
    String uri = data.martUri(MartMapping.ALLOCATION_ENTERPRISE);
    List<String> years = data.reader().partitionValues(uri, MartMapping.ENTERPRISE_YEAR);
    String source =
        years.contains(Integer.toString(year))
            ? uri + "/" + MartMapping.ENTERPRISE_YEAR + "=" + year
            : uri;
    data.reader()
        .forEach(
            uri,
            source,
            r -> {
              Integer y = r.optInteger("year");
              if (y != null && y != year) {
                return;
              }
              String city = nz(r.optStr("city"));
              long[] c = classes.computeIfAbsent(city, k -> new long[6]);
              int idx = "ABCDT".indexOf(nz(r.str(MartMapping.PER_MU_CLASS)));
              if (idx >= 0) {
                c[idx]++;
              }
              Boolean g = r.optBool("guaranteed");
              if (g != null && g) {
                c[5]++;
              }
              money.computeIfAbsent(city, k -> new double[1])[0] +=
                  nz(r.optDbl("surcharge_total_10k"));
            });
    Map<String, Land> land = land(data, year, r -> true);
    Map<String, Double> landByCity = new LinkedHashMap<>();
    for (Land l : land.values()) {
      landByCity.merge(nz(l.city), l.total(), Double::sum);
    }
    XSSFSheet sh = ctx.workbook().createSheet(name);
    List<Column> cols =
        List.of(
            new Column("城市", 8, st.textCentered()),
            new Column("A类", 7, st.number(PackStyles.FMT_INT)),
            new Column("B类", 7, st.number(PackStyles.FMT_INT)),
            new Column("C类", 7, st.number(PackStyles.FMT_INT)),
            new Column("D类", 7, st.number(PackStyles.FMT_INT)),
            new Column("T类", 7, st.number(PackStyles.FMT_INT)),
            new Column("差别化价格加价 万元", 11, st.number(PackStyles.FMT_DEC2)),
            new Column("应保尽保企业", 9, st.number(PackStyles.FMT_INT)),
            new Column("可盘活土地 亩", 10, st.number(MU)));
    SheetText.title(
        sh,
        st,
        "资源要素差别化配置（按城市，" + year + "年）",
        "企业按亩均效益分类计数；加价为 D 类企业电、水、天然气、污水处理差别化价格加价合计；可盘活土地含闲置、低效用地及连续 D 类企业用地。",
        cols.size() - 1);
    TableWriter t = new TableWriter(sh, st, HEADER_ROW, 0, cols).header(true);
    long[] sumC = new long[6];
    double sumM = 0;
    double sumL = 0;
    for (Map.Entry<String, long[]> e : classes.entrySet()) {
      long[] c = e.getValue();
      double m = money.getOrDefault(e.getKey(), new double[1])[0];
      double l = landByCity.getOrDefault(e.getKey(), 0.0);
      boolean any = false;
      for (long v : c) {
        any |= v > 0;
      }
      if (!any && l == 0) {
        continue;
      }
      t.row(e.getKey(), c[0], c[1], c[2], c[3], c[4], m, c[5], l);
      for (int k = 0; k < 6; k++) {
        sumC[k] += c[k];
      }
      sumM += m;
      sumL += l;
    }
    t.row("全省", sumC[0], sumC[1], sumC[2], sumC[3], sumC[4], sumM, sumC[5], sumL);
    SheetCraft.freeze(sh, 1, HEADER_ROW + 1);
    SheetCraft.printSetup(sh, ctx.title(), ctx.runId(), HEADER_ROW, HEADER_ROW);
  }

  static double nz(Double v) {
    return v == null ? 0 : v;
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
