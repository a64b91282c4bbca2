package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.CostIndex;
import zoneassess.reports.model.PerMuArea;
import zoneassess.reports.model.ProfileCost;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;

/**
 * The five to eight sentences on a pack's cover, generated from the data: who leads, who moved
 * most, who entered the top 10, who is under warning, and what per-mu and costs say. Ties are
 * broken by rank, then zone code, so the same run always gives the same sentences.
 */
public final class KeyMessages {
  public static final int MAX = 8;
  private static final int TOP = 10;

  private KeyMessages() {}

  public static List<String> province(RunData data, String period) {
    List<ZoneResult> zones = data.results(period);
    List<String> out = new ArrayList<>();
    List<ZoneResult> ranked = zones.stream().filter(z -> z.rankAll() != null).toList();
    if (!ranked.isEmpty()) {
      ZoneResult first = ranked.get(0);
      out.add(
          String.format(
              java.util.Locale.ROOT,
              "本期（%s）全省共 %d 个开发区参评排名，综合得分第一为%s（%s分），前三名为%s。",
              period,
              ranked.size(),
              first.zoneName(),
              Display.num(first.finalScore(), 2),
              names(ranked.subList(0, Math.min(3, ranked.size())))));
    }
    movers(ranked, "全省", out);
    List<ZoneResult> newTop =
        ranked.stream()
            .filter(z -> z.rankAll() <= TOP && (z.prevRankAll() == null || z.prevRankAll() > TOP))
            .toList();
    if (!newTop.isEmpty()) {
      out.add(
          "新进入前"
              + TOP
              + "名："
              + newTop.stream()
                  .map(
                      z ->
                          z.zoneName()
                              + "（第"
                              + z.rankAll()
                              + "位，"
                              + (z.prevRankAll() == null ? "上期未排名" : "上期第" + z.prevRankAll() + "位")
                              + "）")
                  .collect(Collectors.joining("、"))
              + "。");
    } else if (!ranked.isEmpty() && data.previousPeriod(period) != null) {
      out.add("前" + TOP + "名与上期相同，无新进入者。");
    }
    warnings(zones, data.warnings(period), out);
    perMu(data, period, out);
    costs(data, out);
    return out.subList(0, Math.min(MAX, out.size()));
  }

  public static List<String> city(
      RunData data, String period, String city, List<ZoneResult> cityZones) {
    List<String> out = new ArrayList<>();
    long national = cityZones.stream().filter(ZoneResult::isNational).count();
    List<ZoneResult> ranked = cityZones.stream().filter(z -> z.rankAll() != null).toList();
    int total =
        data.results(period).stream().filter(z -> z.rankAll() != null).mapToInt(z -> 1).sum();
    StringBuilder first =
        new StringBuilder(
            String.format(
                java.util.Locale.ROOT,
                "本期（%s）%s共 %d 个开发区参评（国家级 %d 个、省级 %d 个）",
                period,
                city,
                cityZones.size(),
                national,
                cityZones.size() - national));
    if (!ranked.isEmpty()) {
      ZoneResult best = ranked.get(0);
      first
          .append("，排名最前的是")
          .append(best.zoneName())
          .append("（全省第")
          .append(best.rankAll())
          .append("位/")
          .append(total)
          .append("）");
    }
    out.add(first.append("。").toString());
    // the median of the ranked zones, as on the score charts and profile pages
    double median =
        median(
            data.results(period).stream()
                .filter(z -> z.rankAll() != null)
                .map(ZoneResult::finalScore)
                .filter(Objects::nonNull)
                .toList());
    double cityMean =
        ranked.stream().mapToDouble(ZoneResult::finalScore).average().orElse(Double.NaN);
    if (!Double.isNaN(cityMean)) {
      out.add(
          String.format(
              java.util.Locale.ROOT,
              "全市开发区平均综合得分 %.2f 分，%s全省中位数（%.2f 分）。",
              cityMean,
              cityMean >= median ? "高于" : "低于",
              median));
    }
    movers(ranked, "全市", out);
    warnings(cityZones, data.warnings(period), out);
    Integer year = data.perMuYear(period);
    if (year != null) {
      data.perMuCities(year).stream()
          .filter(a -> city.equals(a.areaName()) || city.equals(a.city()))
          .findFirst()
          .ifPresent(
              a ->
                  out.add(
                      String.format(
                          java.util.Locale.ROOT,
                          "亩均效益（%d年）：参评企业 %d 家，D类 %d 家（占 %s），亩均税收 %s 万元/亩。",
                          year,
                          a.m().evaluated() == null ? 0 : a.m().evaluated(),
                          a.m().countD(),
                          Display.pct(a.m().shareD()),
                          Display.num(a.m().taxPerMu(), 2))));
    }
    List<CostIndex> idx = data.cityCostIndex();
    idx.stream()
        .filter(c -> city.equals(c.locationName()) || city.equals(c.city()))
        .findFirst()
        .ifPresent(
            c ->
                out.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "要素成本综合指数 %s（全省中位数 = 100），在 %d 个城市中由低到高排第 %s 位。",
                        Display.num(c.compositeIndex(), 1),
                        idx.size(),
                        c.rank() == null ? "—" : c.rank().toString())));
    List<ProfileCost> profiles = data.cityProfileCosts();
    profiles.stream()
        .filter(p -> city.equals(p.locationName()) || city.equals(p.city()))
        .findFirst()
        .ifPresent(
            p ->
                out.add(
                    String.format(
                        java.util.Locale.ROOT,
                        "典型企业（%s）在本市年要素成本约 %s 万元，比全省中位数%s %s 万元。",
                        p.profileNameZh(),
                        Display.num(p.totalCost10k(), 0),
                        p.gapToMedian10k() != null && p.gapToMedian10k() > 0 ? "高" : "低",
                        Display.num(
                            p.gapToMedian10k() == null ? null : Math.abs(p.gapToMedian10k()), 0))));
    return out.subList(0, Math.min(MAX, out.size()));
  }

  private static void movers(List<ZoneResult> ranked, String scope, List<String> out) {
    List<ZoneResult> up =
        ranked.stream()
            .filter(z -> z.deltaRank() != null && z.deltaRank() > 0)
            .sorted(
                Comparator.comparing(ZoneResult::deltaRank)
                    .reversed()
                    .thenComparing(ZoneResult::rankAll))
            .limit(3)
            .toList();
    List<ZoneResult> down =
        ranked.stream()
            .filter(z -> z.deltaRank() != null && z.deltaRank() < 0)
            .sorted(Comparator.comparing(ZoneResult::deltaRank).thenComparing(ZoneResult::rankAll))
            .limit(3)
            .toList();
    if (!up.isEmpty()) {
      out.add(
          scope
              + "进位最多："
              + up.stream()
                  .map(
                      z ->
                          z.zoneName()
                              + "（"
                              + Display.arrow(z.deltaRank())
                              + "，升至第"
                              + z.rankAll()
                              + "位）")
                  .collect(Collectors.joining("、"))
              + "。");
    }
    if (!down.isEmpty()) {
      out.add(
          scope
              + "退位最多："
              + down.stream()
                  .map(
                      z ->
                          z.zoneName()
                              + "（"
                              + Display.arrow(z.deltaRank())
                              + "，降至第"
                              + z.rankAll()
                              + "位）")
                  .collect(Collectors.joining("、"))
              + "。");
    }
  }

  private static void warnings(
      List<ZoneResult> zones, List<Warning> periodWarnings, List<String> out) {
    List<ZoneResult> red = zones.stream().filter(z -> "red".equals(z.mark())).toList();
    List<ZoneResult> yellow = zones.stream().filter(z -> "yellow".equals(z.mark())).toList();
    List<ZoneResult> vetoed = zones.stream().filter(z -> !z.eligible()).toList();
    if (red.isEmpty() && yellow.isEmpty() && vetoed.isEmpty()) {
      out.add("本期无红色、黄色预警开发区。");
    } else {
      StringBuilder sb = new StringBuilder("预警：红色标记 " + red.size() + " 个");
      if (!red.isEmpty()) {
        sb.append("（")
            .append(names(red.subList(0, Math.min(5, red.size()))))
            .append(red.size() > 5 ? "等" : "")
            .append("）");
      }
      sb.append("，黄色标记 ").append(yellow.size()).append(" 个");
      if (!vetoed.isEmpty()) {
        sb.append("；一票否决 ").append(vetoed.size()).append(" 个：").append(names(vetoed));
      }
      out.add(sb.append("。").toString());
    }
    var zoneCodes = zones.stream().map(ZoneResult::zoneCode).collect(Collectors.toSet());
    List<String> drought =
        periodWarnings.stream()
            .filter(w -> "project_drought".equals(w.kind()) && zoneCodes.contains(w.zoneCode()))
            .map(Warning::zoneCode)
            .distinct()
            .toList();
    if (!drought.isEmpty()) {
      var byCode =
          zones.stream()
              .collect(Collectors.toMap(ZoneResult::zoneCode, ZoneResult::zoneName, (a, b) -> a));
      out.add(
          "连续两年无重大项目落地的开发区 "
              + drought.size()
              + " 个："
              + drought.stream().map(byCode::get).collect(Collectors.joining("、"))
              + "。");
    }
  }

  private static void perMu(RunData data, String period, List<String> out) {
    Integer year = data.perMuYear(period);
    if (year == null) {
      return;
    }
    List<PerMuArea> cities = data.perMuCities(year);
    if (cities.isEmpty()) {
      return;
    }
    long evaluated =
        cities.stream().mapToLong(c -> c.m().evaluated() == null ? 0 : c.m().evaluated()).sum();
    long d = cities.stream().mapToLong(c -> c.m().countD()).sum();
    PerMuArea best =
        cities.stream()
            .filter(c -> c.m().taxPerMu() != null)
            .max(
                Comparator.comparing((PerMuArea c) -> c.m().taxPerMu())
                    .thenComparing(PerMuArea::areaCode, Comparator.reverseOrder()))
            .orElse(null);
    out.add(
        String.format(
            java.util.Locale.ROOT,
            "亩均效益（%d年）：全省参评企业 %,d 家，D类 %,d 家（占 %s）%s。",
            year,
            evaluated,
            d,
            Display.pct(evaluated == 0 ? null : (double) d / evaluated),
            best == null
                ? ""
                : "，亩均税收最高的城市为"
                    + best.areaName()
                    + "（"
                    + Display.num(best.m().taxPerMu(), 2)
                    + " 万元/亩）"));
  }

  private static void costs(RunData data, List<String> out) {
    List<CostIndex> idx =
        data.cityCostIndex().stream().filter(c -> c.compositeIndex() != null).toList();
    if (idx.size() < 2) {
      return;
    }
    CostIndex low =
        idx.stream()
            .min(
                Comparator.comparing(CostIndex::compositeIndex)
                    .thenComparing(CostIndex::locationCode))
            .orElseThrow();
    CostIndex high =
        idx.stream()
            .max(
                Comparator.comparing(CostIndex::compositeIndex)
                    .thenComparing(CostIndex::locationCode, Comparator.reverseOrder()))
            .orElseThrow();
    out.add(
        String.format(
            java.util.Locale.ROOT,
            "要素成本：综合指数最低的是%s（%s），最高的是%s（%s），全省中位数 = 100。",
            low.locationName(),
            Display.num(low.compositeIndex(), 1),
            high.locationName(),
            Display.num(high.compositeIndex(), 1)));
  }

  private static String names(List<ZoneResult> zones) {
    return zones.stream().map(ZoneResult::zoneName).collect(Collectors.joining("、"));
  }

  static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
