package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.FunnelRow;
import zoneassess.reports.model.PerMuMeasures;
import zoneassess.reports.model.PerMuZone;
import zoneassess.reports.model.ZoneResult;

/**
 * The cover's first lines about the pack's own scope: a zone pack states the zone's positions (全省,
 * 级内, 市内, Δ), its own per-mu figures and its projects; a city pack the city's results.
 */
final class ScopeFacts {
  private ScopeFacts() {}

  static List<String> of(RunData data, String period, List<ZoneResult> zones, boolean oneZone) {
    return oneZone ? zone(data, period, zones.get(0)) : city(data, period, zones);
  }

  static List<String> zone(RunData data, String period, ZoneResult z) {
    List<ZoneResult> all = data.results(period);
    long ranked = all.stream().filter(a -> a.rankAll() != null).count();
    long inLevel =
        all.stream().filter(a -> a.rankAll() != null && a.isNational() == z.isNational()).count();
    long inCity =
        all.stream()
            .filter(a -> a.rankAll() != null && CityPack.sameCity(a.city(), z.city()))
            .count();
    double median =
        Median.of(
            all.stream()
                .filter(a -> a.rankAll() != null && a.finalScore() != null)
                .map(ZoneResult::finalScore)
                .toList());
    List<String> out = new ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "位次：全省 %s，%s %s，市内 %s，较上期 %s；综合得分 %s 分（全省中位数 %.2f 分）；%s，薪酬系数 %s。",
            Display.position(z.rankAll(), ranked),
            z.levelZh(),
            Display.position(z.rankLevel(), inLevel),
            Display.position(z.rankCity(), inCity),
            Display.arrow(z.deltaRank()),
            Display.num(z.finalScore(), 2),
            median,
            Objects.toString(z.tier(), "未定档"),
            Display.num(z.salaryCoefficient(), 2)));
    List<PerMuZone> perMu = data.perMuHistory(z.zoneCode());
    if (!perMu.isEmpty()) {
      PerMuZone p = perMu.get(0);
      PerMuMeasures m = p.m();
      out.add(
          String.format(
              Locale.ROOT,
              "亩均效益（%d年）：本区企业 %s 家，参评 %s 家，A/B/C/D 类 %d/%d/%d/%d 家，亩均税收 %s 万元/亩，亩均增加值 %s 万元/亩。",
              p.year(),
              m.enterprises() == null ? "—" : m.enterprises().toString(),
              m.evaluated() == null ? "—" : m.evaluated().toString(),
              m.countA(),
              m.countB(),
              m.countC(),
              m.countD(),
              Display.num(m.taxPerMu(), 2),
              Display.num(m.valueAddedPerMu(), 2)));
    }
    Integer fy = data.funnelYear(z.zoneCode(), RunData.yearOf(period));
    if (fy != null) {
      FunnelRow total =
          data.funnel(z.zoneCode(), fy).stream()
              .filter(f -> ZoneProfileSheet.TOTAL_TIER.equals(f.tier()))
              .findFirst()
              .orElse(null);
      if (total != null) {
        out.add(
            String.format(
                Locale.ROOT,
                "重大项目（%d年当年发生数）：签约 %d 个，开工 %d 个，投产 %d 个，达效 %d 个，开工项目总投资 %s 亿元。",
                fy,
                total.signed(),
                total.started(),
                total.producing(),
                total.targetMet(),
                Display.num(total.investmentStarted100m(), 1)));
      }
    }
    return out;
  }

  static List<String> city(RunData data, String period, List<ZoneResult> zones) {
    List<ZoneResult> all = data.results(period);
    long ranked = all.stream().filter(a -> a.rankAll() != null).count();
    List<ZoneResult> mine = zones.stream().filter(z -> z.rankAll() != null).toList();
    double median =
        Median.of(
            all.stream()
                .filter(a -> a.rankAll() != null && a.finalScore() != null)
                .map(ZoneResult::finalScore)
                .toList());
    double mean = mine.stream().mapToDouble(ZoneResult::finalScore).average().orElse(Double.NaN);
    String city = CityPack.cityLabel(zones.get(0).city());
    List<String> out = new ArrayList<>();
    StringBuilder sb =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s %d 个开发区参评（国家级 %d 个、省级 %d 个）",
                city,
                zones.size(),
                zones.stream().filter(ZoneResult::isNational).count(),
                zones.stream().filter(z -> !z.isNational()).count()));
    if (!mine.isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "，平均综合得分 %.2f 分（全省中位数 %.2f 分）；最好位次为%s全省 %s；进位 %d 个、退位 %d 个；全省前30名 %d 个",
              mean,
              median,
              mine.get(0).zoneName(),
              Display.position(mine.get(0).rankAll(), ranked),
              mine.stream().filter(z -> z.deltaRank() != null && z.deltaRank() > 0).count(),
              mine.stream().filter(z -> z.deltaRank() != null && z.deltaRank() < 0).count(),
              mine.stream().filter(z -> z.rankAll() <= 30).count()));
    }
    out.add(sb.append("。").toString());
    List<String> positions = new ArrayList<>();
    for (ZoneResult z : zones) {
      positions.add(
          z.zoneName()
              + " "
              + Display.position(z.rankAll(), ranked)
              + Display.arrow(z.deltaRank()));
    }
    out.add("各开发区全省位次：" + String.join("；", positions) + "。");
    Integer year = data.perMuYear(period);
    if (year != null) {
      data.perMuCities(year).stream()
          .filter(a -> CityPack.sameCity(a.areaName(), zones.get(0).city()))
          .findFirst()
          .ifPresent(
              a ->
                  out.add(
                      String.format(
                          Locale.ROOT,
                          "亩均效益（%d年）：全市参评企业 %s 家，D类 %d 家（占 %s），亩均税收 %s 万元/亩。",
                          year,
                          a.m().evaluated() == null ? "—" : a.m().evaluated().toString(),
                          a.m().countD(),
                          Display.pct(a.m().shareD()),
                          Display.num(a.m().taxPerMu(), 2))));
    }
    return out;
  }
}
