package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.reports.charts.PackCharts;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.FunnelRow;
import zoneassess.reports.model.IndicatorValue;
import zoneassess.reports.model.PerMuZone;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;
import zoneassess.reports.workbook.Column;
import zoneassess.reports.workbook.ConditionalFormats;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.reports.workbook.TableWriter;

/**
 * One page per zone (立体成像): key figures, the dimension radar against the provincial mean and best
 * zone, the project funnel, dimension scores, key indicators with their provincial percentile, the
 * per-mu class mix and the zone's warnings. Printed on one A4 portrait page.
 */
final class ZoneProfileSheet {
  static final int LAST_COL = 9;
  static final String TOTAL_TIER = "合计";

  private ZoneProfileSheet() {}

  static Sheet write(PackContext ctx, ZoneResult z, List<ZoneResult> all, String name) {
    PackStyles st = ctx.styles();
    Sheet sh = ctx.workbook().createSheet(SheetCraft.sheetName(ctx.workbook(), name));
    sh.setDisplayGridlines(false);
    SheetCraft.widths(sh, 18, 8, 8, 8, 8, 8, 8, 8, 8, 8);
    SheetText.title(
        sh,
        st,
        z.zoneName() + " · 综合画像",
        z.city()
            + " · "
            + z.levelZh()
            + (z.zoneType() == null ? "" : " · " + Display.zoneType(z.zoneType()))
            + " · 考核期 "
            + ctx.period(),
        LAST_COL);
    double median =
        Median.of(
            all.stream().filter(a -> a.rankAll() != null).map(ZoneResult::finalScore).toList());
    TableWriter key =
        new TableWriter(
                sh,
                st,
                3,
                0,
                List.of(
                    new Column("综合得分", 0, st.numberBold(PackStyles.FMT_SCORE)),
                    new Column("全省排名", 0, st.textCentered()),
                    new Column("升降", 0, st.textCentered()),
                    new Column("级内排名", 0, st.textCentered()),
                    new Column("市内排名", 0, st.textCentered()),
                    new Column("全省中位数", 0, st.number(PackStyles.FMT_SCORE)),
                    new Column("进位情况", 0, st.textCentered()),
                    new Column("档次", 0, st.textCentered()),
                    new Column("标记", 0, st.textCentered()),
                    new Column("薪酬系数", 0, st.number(PackStyles.FMT_SCORE))))
            .header(false);
    key.row(
        z.finalScore(),
        z.rankAll() == null ? "未排名" : z.rankAll() + "/" + nz(z.zonesAll(), all.size()),
        RankingSheets.arrow(st, z.deltaRank()),
        z.rankLevel(),
        z.rankCity(),
        median,
        z.progressClass(),
        z.tier(),
        Display.mark(z.mark()),
        z.salaryCoefficient());
    ConditionalFormats.marks(sh, key.bodyRange(8));
    int row = 6;
    Map<String, DimensionScore> dims = ctx.data().dimensions(z.zoneCode(), ctx.period());
    String code = z.zoneCode();
    int chartRows = 0;
    if (!dims.isEmpty()) {
      Map<String, double[]> radar = new LinkedHashMap<>();
      for (DimensionScore d :
          dims.values().stream()
              .sorted(java.util.Comparator.comparingInt(DimensionScore::sortOrder))
              .toList()) {
        radar.put(
            d.nameZh(), new double[] {nz(d.score()), nz(d.provinceMean()), nz(d.provinceBest())});
      }
      var chart =
          ctx.chart("radar-" + code, PackCharts.radar("五维画像", z.zoneName(), radar), 310, 290);
      chartRows = SheetCraft.picture(sh, chart, 0, row);
    }
    int fy = RunData.yearOf(ctx.period());
    Integer funnelYear = ctx.data().funnelYear(code, fy);
    List<FunnelRow> funnel = funnelYear == null ? List.of() : ctx.data().funnel(code, funnelYear);
    if (!funnel.isEmpty()) {
      Map<String, long[]> tiers = new LinkedHashMap<>();
      for (FunnelRow f : sortTiers(funnel)) {
        if (!TOTAL_TIER.equals(f.tier())) {
          tiers.put(f.tier(), new long[] {f.signed(), f.started(), f.producing(), f.targetMet()});
        }
      }
      var chart =
          ctx.chart(
              "funnel-" + code,
              PackCharts.funnel(
                  "重大项目（" + funnelYear + "年当年发生数）", "投产、达效可含往年开工的项目，故可多于当年开工数", tiers),
              330,
              290);
      chartRows = Math.max(chartRows, SheetCraft.picture(sh, chart, 4, row));
    }
    row += Math.max(chartRows, 1) + 1;

    SheetText.section(sh, st, row++, "一、维度得分", LAST_COL);
    TableWriter dt =
        new TableWriter(
                sh,
                st,
                row,
                0,
                List.of(
                    new Column("维度", 0, st.text()),
                    new Column("权重", 0, st.number(PackStyles.FMT_PCT)),
                    new Column("得分", 0, st.numberBold(PackStyles.FMT_SCORE)),
                    new Column("全省排名", 0, st.textCentered()),
                    new Column("全省平均", 0, st.number(PackStyles.FMT_SCORE)),
                    new Column("全省最优", 0, st.number(PackStyles.FMT_SCORE)),
                    new Column("与平均差", 0, st.number(PackStyles.FMT_SCORE))))
            .header(false);
    for (DimensionScore d : dims.values()) {
      dt.row(
          d.nameZh(),
          d.weight() == null ? null : (d.weight() > 1 ? d.weight() / 100 : d.weight()),
          d.score(),
          d.rankAll(),
          d.provinceMean(),
          d.provinceBest(),
          d.score() == null || d.provinceMean() == null ? null : d.score() - d.provinceMean());
    }
    row = dt.nextRow() + 1;

    List<IndicatorValue> inds = ctx.data().indicators(code, ctx.period());
    if (!inds.isEmpty()) {
      SheetText.section(sh, st, row++, "二、关键指标与全省百分位（100 = 全省最好）", LAST_COL);
      boolean anyImputed = inds.stream().anyMatch(IndicatorValue::imputed);
      List<Column> icols = new ArrayList<>();
      icols.add(new Column("指标", 0, st.textWrap()));
      icols.add(new Column("维度", 0, st.textCentered()));
      icols.add(new Column("数值", 0, st.number("#,##0.00")));
      icols.add(new Column("单位", 0, st.textWrap()));
      icols.add(new Column("全省百分位", 0, st.number(PackStyles.FMT_INDEX)));
      icols.add(new Column("方向", 0, st.textCentered()));
      if (anyImputed) {
        icols.add(new Column("估算", 0, st.textCentered()));
      }
      TableWriter it = new TableWriter(sh, st, row, 0, icols).header(false);
      Map<String, String> dimNames = ctx.data().dimensionNames();
      for (IndicatorValue i : inds) {
        List<Object> v = new ArrayList<>();
        v.add(i.nameZh());
        v.add(dimNames.getOrDefault(i.dimensionCode(), i.dimensionCode()));
        v.add(
            new zoneassess.reports.workbook.Styled(
                Display.value(i.rawValue(), i.unit()), st.number(Display.format(i.unit()))));
        v.add(Display.unit(i.unit()));
        v.add(i.percentile());
        v.add("lower".equals(i.direction()) ? "越低越好" : "越高越好");
        if (anyImputed) {
          v.add(i.imputed() ? "是" : null);
        }
        it.row(v.toArray());
      }
      ConditionalFormats.colourScale(sh, it.bodyRange(4), true);
      row = it.nextRow() + 1;
    }

    List<PerMuZone> perMu = ctx.data().perMuHistory(code);
    if (!perMu.isEmpty()) {
      SheetText.section(sh, st, row++, "三、亩均效益分类结构", LAST_COL);
      TableWriter pt =
          new TableWriter(
                  sh,
                  st,
                  row,
                  0,
                  List.of(
                      new Column("年份", 0, st.textCentered()),
                      new Column("参评企业", 0, st.number(PackStyles.FMT_INT)),
                      new Column("A类", 0, st.number(PackStyles.FMT_INT)),
                      new Column("B类", 0, st.number(PackStyles.FMT_INT)),
                      new Column("C类", 0, st.number(PackStyles.FMT_INT)),
                      new Column("D类", 0, st.number(PackStyles.FMT_INT)),
                      new Column("T类", 0, st.number(PackStyles.FMT_INT)),
                      new Column("D类占比", 0, st.number(PackStyles.FMT_PCT)),
                      new Column("亩均税收 万元/亩", 0, st.number(PackStyles.FMT_DEC2)),
                      new Column("亩均增加值 万元/亩", 0, st.number(PackStyles.FMT_DEC2))))
              .header(false);
      for (PerMuZone p : perMu.subList(0, Math.min(3, perMu.size()))) {
        var m = p.m();
        pt.row(
            Integer.toString(p.year()),
            m.evaluated(),
            m.countA(),
            m.countB(),
            m.countC(),
            m.countD(),
            m.countT(),
            m.shareD(),
            m.taxPerMu(),
            m.valueAddedPerMu());
      }
      row = pt.nextRow();
      SheetText.prose(sh, st, row++, 0, LAST_COL, PerMuSheets.classMeasures(ctx), false);
      row++;
    }

    if (!funnel.isEmpty()) {
      SheetText.section(sh, st, row++, "四、重大项目（" + funnelYear + "年当年发生数）", LAST_COL);
      TableWriter ft =
          new TableWriter(
                  sh,
                  st,
                  row,
                  0,
                  List.of(
                      new Column("投资档次", 0, st.text()),
                      new Column("签约", 0, st.number(PackStyles.FMT_INT)),
                      new Column("开工", 0, st.number(PackStyles.FMT_INT)),
                      new Column("投产", 0, st.number(PackStyles.FMT_INT)),
                      new Column("达效", 0, st.number(PackStyles.FMT_INT)),
                      new Column("开工率", 0, st.number(PackStyles.FMT_PCT)),
                      new Column("投产率", 0, st.number(PackStyles.FMT_PCT)),
                      new Column("达效率", 0, st.number(PackStyles.FMT_PCT)),
                      new Column("开工投资 亿元", 0, st.number("#,##0.0"))))
              .header(false);
      for (FunnelRow f : sortTiers(funnel)) {
        if (f.signed() + f.started() + f.producing() + f.targetMet() == 0) {
          continue;
        }
        ft.row(
            f.tier(),
            f.signed(),
            f.started(),
            f.producing(),
            f.targetMet(),
            rate(f.started(), f.signed()),
            rate(f.producing(), f.signed()),
            rate(f.targetMet(), f.signed()),
            f.investmentStarted100m());
      }
      SheetText.prose(
          sh,
          st,
          ft.nextRow(),
          0,
          LAST_COL,
          "注：各列为当年发生的签约、开工、投产、达效项目数，投产、达效的项目可能在往年签约或开工，比率为与当年签约数之比，不是同一批项目的转化率。",
          false);
      row = ft.nextRow() + 2;
    }

    List<Warning> ws =
        ctx.data().warnings(ctx.period()).stream().filter(w -> w.zoneCode().equals(code)).toList();
    SheetText.section(sh, st, row++, "五、预警与规则", LAST_COL);
    if (ws.isEmpty()) {
      SheetText.prose(sh, st, row++, 0, LAST_COL, "本期无预警事项。", false);
    }
    for (Warning w : ws) {
      SafeCells.put(
          sh,
          row,
          0,
          WarningSheet.severity(w.severity()) + " · " + WarningSheet.kind(w.kind()),
          st.prose());
      String years = w.triggeredYears() == null ? "" : "（触发年份 " + w.triggeredYears() + "）";
      SheetText.prose(
          sh,
          st,
          row++,
          1,
          LAST_COL,
          (w.messageZh() == null ? w.ruleNameZh() : w.messageZh()) + years,
          false);
    }
    SheetCraft.printSetup(sh, z.zoneName() + " 综合画像", ctx.runId(), -1, -1);
    sh.getPrintSetup().setLandscape(false);
    sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
    return sh;
  }

  static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static List<FunnelRow> sortTiers(List<FunnelRow> rows) {
    List<String> order = List.of("1亿以上", "10亿以上", "50亿以上", "100亿以上", TOTAL_TIER);
    List<FunnelRow> out = new ArrayList<>(rows);
    out.sort(
        java.util.Comparator.comparingInt(
                (FunnelRow f) -> {
                  int i = order.indexOf(f.tier());
                  return i < 0 ? order.size() - 1 : i;
                })
            .thenComparing(FunnelRow::tier));
    return out;
  }

  private static double nz(Double v) {
    return v == null ? 0 : v;
  }

  private static int nz(Integer v, int fallback) {
    return v == null ? fallback : v;
  }
}
