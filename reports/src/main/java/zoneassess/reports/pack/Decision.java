package zoneassess.reports.pack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import zoneassess.reports.PackConfig;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.DimensionScore;
import zoneassess.reports.model.IndicatorValue;
import zoneassess.reports.model.PerMuArea;
import zoneassess.reports.model.Warning;
import zoneassess.reports.model.ZoneResult;

/**
 * What page 1 of a pack says: the risks (red first, each a full sentence with its numbers), the
 * progress and milestones, the consequences the rules attach, and the next steps (each zone's
 * weakest dimension and lowest-percentile indicators with the gap to the provincial median).
 *
 * <p>The risk items are built from the same marks every table shows ({@link RunData} raises a
 * zone's mark to the severity of its warnings), so the cover's counts and the mark columns agree:
 * every zone marked 红 has at least one red item and every red warning is an item.
 */
final class Decision {
  /** One line of the risk block: 红 or 黄, the zone (null for area-level items), the sentence. */
  record Risk(String mark, String zoneCode, String text) {}

  static final int TOP_MILESTONE = 30;

  final List<Risk> risks = new ArrayList<>();
  final Set<String> yellowZones = new java.util.TreeSet<>();
  final List<String> highlights = new ArrayList<>();
  final List<String> consequences = new ArrayList<>();
  final List<String> nextSteps = new ArrayList<>();

  private Decision() {}

  /**
   * @param scope the pack's zones (all zones for the province pack)
   * @param byCity next steps per city (province pack) instead of per zone
   */
  static Decision of(
      RunData data, String period, List<ZoneResult> scope, PackConfig config, boolean byCity) {
    Decision d = risks(data, period, scope, byCity);
    dClassGrowth(data, period, scope, byCity, d);
    highlights(data, period, scope, byCity, d);
    consequences(scope, data.warnings(period), data.results(period), config, d);
    nextSteps(data, period, scope, byCity, d);
    return d;
  }

  /**
   * Every red mark as its own items; yellow marks as items too, except in the province pack where
   * they are grouped by kind into one line each (the 预警事项 annex lists them one by one).
   */
  static Decision risks(RunData data, String period, List<ZoneResult> scope, boolean group) {
    Decision d = new Decision();
    List<ZoneResult> all = data.results(period);
    long ranked = all.stream().filter(z -> z.rankAll() != null).count();
    Map<String, List<Warning>> warnings =
        data.warnings(period).stream().collect(Collectors.groupingBy(Warning::zoneCode));
    List<ZoneResult> ordered = new ArrayList<>(scope);
    ordered.sort(RunData.RANK_ORDER);
    Map<String, List<String>> yellowByKind = new LinkedHashMap<>();
    for (String mark : List.of("red", "yellow")) {
      for (ZoneResult z : ordered) {
        if (!mark.equals(z.mark())) {
          continue;
        }
        List<Warning> own =
            warnings.getOrDefault(z.zoneCode(), List.of()).stream()
                .filter(w -> mark.equals(w.severity()))
                .sorted(Comparator.comparing(w -> kindOrder(w.kind())))
                .toList();
        String where = "（全省" + Display.position(z.rankAll(), ranked) + "）";
        if (group && "yellow".equals(mark)) {
          String kind = own.isEmpty() ? "黄色预警" : WarningSheet.kind(own.get(0).kind());
          yellowByKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(z.zoneName());
          d.yellowZones.add(z.zoneCode());
          continue;
        }
        if (own.isEmpty()) {
          d.risks.add(new Risk(Display.mark(mark), z.zoneCode(), unwarned(z, ranked) + where));
        }
        for (Warning w : own) {
          d.risks.add(new Risk(Display.mark(mark), z.zoneCode(), sentence(w, z) + where));
        }
      }
    }
    yellowByKind.forEach(
        (kind, names) ->
            d.risks.add(
                new Risk("黄", null, kind + " " + names.size() + " 个：" + String.join("、", names))));
    return d;
  }

  /** Zones behind the items of one mark (the count the cover prints). */
  long zonesMarked(String mark) {
    java.util.Set<String> zones = new java.util.TreeSet<>();
    risks.stream()
        .filter(r -> r.mark().equals(mark) && r.zoneCode() != null)
        .forEach(r -> zones.add(r.zoneCode()));
    if ("黄".equals(mark)) {
      zones.addAll(yellowZones);
    }
    return zones.size();
  }

  private static int kindOrder(String kind) {
    List<String> order =
        List.of("national_exit", "delisting", "veto", "project_drought", "deduction");
    int i = order.indexOf(kind);
    return i < 0 ? order.size() : i;
  }

  private static String sentence(Warning w, ZoneResult z) {
    String text = w.messageZh() == null || w.messageZh().isBlank() ? w.ruleNameZh() : w.messageZh();
    if (text == null) {
      text = WarningSheet.kind(w.kind());
    }
    if (!text.startsWith(z.zoneName())) {
      text = z.zoneName() + "：" + text;
    }
    return text.endsWith("。") ? text.substring(0, text.length() - 1) : text;
  }

  /** A red or yellow mark that no warning explains: the mark rule's bottom places or a veto. */
  private static String unwarned(ZoneResult z, long ranked) {
    if (!z.eligible()) {
      return z.zoneName() + "：一票否决（" + Objects.toString(z.vetoReason(), "未注明") + "），本期不参与排名";
    }
    if ("red".equals(z.mark())) {
      return z.zoneName() + "：综合排名第" + z.rankAll() + "位，位列全省末位区间";
    }
    return z.zoneName() + "：列入黄色预警（扣分或多年规则预警）";
  }

  private static void dClassGrowth(
      RunData data, String period, List<ZoneResult> scope, boolean byCity, Decision d) {
    Integer year = data.perMuYear(period);
    if (year == null) {
      return;
    }
    Set<String> cities = scope.stream().map(ZoneResult::city).collect(Collectors.toSet());
    for (PerMuArea now : data.perMuCities(year)) {
      if (cities.stream().noneMatch(c -> CityPack.sameCity(c, now.areaName()))) {
        continue;
      }
      PerMuArea before =
          data.perMuCities(year - 1).stream()
              .filter(b -> b.areaCode().equals(now.areaCode()))
              .findFirst()
              .orElse(null);
      if (before != null && now.m().countD() > before.m().countD()) {
        d.risks.add(
            new Risk(
                "黄",
                null,
                String.format(
                    Locale.ROOT,
                    "%s亩均效益D类（落后整治类）企业由%d年的%d家增至%d年的%d家，D类用地%s亩",
                    CityPack.cityLabel(now.areaName()),
                    year - 1,
                    before.m().countD(),
                    year,
                    now.m().countD(),
                    Display.num(now.m().dLandMu(), 0))));
      }
    }
  }

  private static void highlights(
      RunData data, String period, List<ZoneResult> scope, boolean byCity, Decision d) {
    String prev = data.previousPeriod(period);
    for (ZoneResult z : scope) {
      if (z.rankAll() == null) {
        continue;
      }
      List<ZoneResult> earlier =
          data.history(z.zoneCode()).stream()
              .filter(h -> h.period().compareTo(period) < 0 && h.rankAll() != null)
              .toList();
      int bestBefore =
          earlier.stream().mapToInt(ZoneResult::rankAll).min().orElse(Integer.MAX_VALUE);
      List<String> marks = new ArrayList<>();
      if (z.rankAll() <= TOP_MILESTONE && !earlier.isEmpty() && bestBefore > TOP_MILESTONE) {
        marks.add("首次进入全省前" + TOP_MILESTONE + "位");
      }
      if (earlier.size() >= 2 && z.rankAll() < bestBefore) {
        marks.add("创历史最好位次（此前最好第" + bestBefore + "位）");
      }
      if (z.deltaRank() != null && z.deltaRank() >= 5) {
        marks.add("较上期前移" + z.deltaRank() + "位");
      }
      if (!marks.isEmpty()) {
        d.highlights.add(
            z.zoneName() + "：全省第" + z.rankAll() + "位，" + String.join("，", marks) + "。");
      }
    }
    if (byCity && d.highlights.size() > 5) {
      List<String> keep = new ArrayList<>(d.highlights.subList(0, 5));
      keep.add("另有 " + (d.highlights.size() - 5) + " 个开发区取得进位，详见附件综合排名。");
      d.highlights.clear();
      d.highlights.addAll(keep);
    }
    // the average position of the scope's zones ranked in both periods
    if (prev != null && scope.size() > 1 && !byCity) {
      List<ZoneResult> both =
          scope.stream().filter(z -> z.rankAll() != null && z.prevRankAll() != null).toList();
      if (!both.isEmpty()) {
        double now = both.stream().mapToInt(ZoneResult::rankAll).average().orElse(0);
        double before = both.stream().mapToInt(ZoneResult::prevRankAll).average().orElse(0);
        double moved = before - now;
        d.highlights.add(
            String.format(
                Locale.ROOT,
                "%d 个连续参评开发区平均位次由第%.1f位%s至第%.1f位（%s %.1f 位），进位 %d 个、退位 %d 个。",
                both.size(),
                before,
                moved >= 0 ? "前移" : "后移",
                now,
                moved >= 0 ? "前移" : "后移",
                Math.abs(moved),
                both.stream().filter(z -> z.rankAll() < z.prevRankAll()).count(),
                both.stream().filter(z -> z.rankAll() > z.prevRankAll()).count()));
      }
    }
    if (d.highlights.isEmpty()) {
      d.highlights.add("本期无首次进入前" + TOP_MILESTONE + "位、创历史最好或前移 5 位以上的开发区。");
    }
  }

  private static void consequences(
      List<ZoneResult> scope,
      List<Warning> periodWarnings,
      List<ZoneResult> all,
      PackConfig config,
      Decision d) {
    long ranked = all.stream().filter(z -> z.rankAll() != null).count();
    Map<String, List<Warning>> warnings =
        periodWarnings.stream().collect(Collectors.groupingBy(Warning::zoneCode));
    Map<String, List<String>> byKind = new LinkedHashMap<>();
    for (String kind :
        List.of("national_exit", "delisting", "veto", "project_drought", "deduction")) {
      byKind.put(kind, new ArrayList<>());
    }
    for (ZoneResult z : scope) {
      for (Warning w : warnings.getOrDefault(z.zoneCode(), List.of())) {
        // The same warnings as the risk block: a consequence names a zone only for a red or
        // yellow warning, never for an informational one the cover does not list.
        if (!"red".equals(w.severity()) && !"yellow".equals(w.severity())) {
          continue;
        }
        List<String> names = byKind.get(w.kind());
        if (names != null && !names.contains(z.zoneName())) {
          names.add(z.zoneName());
        }
      }
    }
    byKind.forEach(
        (kind, names) -> {
          String rule = config.consequence(kind);
          if (!names.isEmpty() && rule != null) {
            d.consequences.add(rule + "涉及：" + String.join("、", names) + "。");
          }
        });
    List<String> bottom =
        scope.stream()
            .filter(z -> z.rankAll() != null && z.rankAll() > ranked - 10)
            .map(ZoneResult::zoneName)
            .toList();
    if (!bottom.isEmpty() && config.consequence("bottom_talk") != null) {
      d.consequences.add(
          config.consequence("bottom_talk") + "涉及：" + String.join("、", bottom) + "。");
    }
    List<String> reward =
        scope.stream()
            .filter(
                z ->
                    z.rankAll() != null
                        && (z.rankAll() <= 10 || (z.deltaRank() != null && z.deltaRank() >= 10)))
            .map(ZoneResult::zoneName)
            .toList();
    if (!reward.isEmpty() && config.consequence("reward") != null) {
      d.consequences.add(config.consequence("reward") + "涉及：" + String.join("、", reward) + "。");
    }
  }

  private static void nextSteps(
      RunData data, String period, List<ZoneResult> scope, boolean byCity, Decision d) {
    Map<String, Double> dimMedian = new LinkedHashMap<>();
    Map<String, String> dimName = data.dimensionNames();
    Map<String, List<Double>> dimValues = new LinkedHashMap<>();
    for (DimensionScore s : data.dimensions(period)) {
      if (s.score() != null) {
        dimValues.computeIfAbsent(s.dimensionCode(), k -> new ArrayList<>()).add(s.score());
      }
    }
    dimValues.forEach((k, v) -> dimMedian.put(k, Median.of(v)));
    Map<String, List<Double>> indValues = new LinkedHashMap<>();
    for (IndicatorValue i : data.indicators(period)) {
      if (i.rawValue() != null) {
        indValues.computeIfAbsent(i.indicatorCode(), k -> new ArrayList<>()).add(i.rawValue());
      }
    }
    Map<String, Double> indMedian = new LinkedHashMap<>();
    indValues.forEach((k, v) -> indMedian.put(k, Median.of(v)));
    if (byCity) {
      Map<String, List<ZoneResult>> cities = new LinkedHashMap<>();
      scope.stream()
          .sorted(Comparator.comparing(ZoneResult::city))
          .forEach(z -> cities.computeIfAbsent(z.city(), k -> new ArrayList<>()).add(z));
      cities.forEach(
          (city, zs) -> {
            String weakest = null;
            double gap = Double.POSITIVE_INFINITY;
            double mean = 0;
            for (String code : dimMedian.keySet()) {
              double m =
                  zs.stream()
                      .map(z -> data.dimensions(z.zoneCode(), period).get(code))
                      .filter(x -> x != null && x.score() != null)
                      .mapToDouble(DimensionScore::score)
                      .average()
                      .orElse(Double.NaN);
              if (!Double.isNaN(m) && m - dimMedian.get(code) < gap) {
                gap = m - dimMedian.get(code);
                weakest = code;
                mean = m;
              }
            }
            if (weakest != null) {
              d.nextSteps.add(
                  String.format(
                      Locale.ROOT,
                      "%s：最弱维度为%s，全市开发区平均 %.1f 分，%s全省中位数 %.1f 分。",
                      CityPack.cityLabel(city),
                      dimName.get(weakest),
                      mean,
                      gap < 0 ? "低于" : "高于",
                      Math.abs(gap)));
            }
          });
      return;
    }
    for (ZoneResult z : scope.stream().sorted(RunData.RANK_ORDER).toList()) {
      Map<String, DimensionScore> dims = data.dimensions(z.zoneCode(), period);
      DimensionScore weakest =
          dims.values().stream()
              .filter(x -> x.score() != null && dimMedian.containsKey(x.dimensionCode()))
              .min(
                  Comparator.comparingDouble(
                      (DimensionScore x) -> x.score() - dimMedian.get(x.dimensionCode())))
              .orElse(null);
      List<IndicatorValue> low =
          data.indicators(z.zoneCode(), period).stream()
              .filter(i -> i.percentile() != null && i.rawValue() != null)
              .sorted(
                  Comparator.comparingDouble(IndicatorValue::percentile)
                      .thenComparing(IndicatorValue::indicatorCode))
              .limit(2)
              .toList();
      StringBuilder sb = new StringBuilder(z.zoneName()).append("：");
      if (weakest != null) {
        double gap = weakest.score() - dimMedian.get(weakest.dimensionCode());
        sb.append(
            String.format(
                Locale.ROOT,
                "最弱维度为%s（%.1f 分，%s全省中位数 %.1f 分）",
                weakest.nameZh(),
                weakest.score(),
                gap < 0 ? "低于" : "高于",
                Math.abs(gap)));
      }
      if (!low.isEmpty()) {
        sb.append(weakest == null ? "" : "；").append("百分位最低的指标：");
        List<String> parts = new ArrayList<>();
        for (IndicatorValue i : low) {
          Double median = indMedian.get(i.indicatorCode());
          double gap = median == null ? 0 : i.rawValue() - median;
          boolean worse = "lower".equals(i.direction()) ? gap > 0 : gap < 0;
          String against =
              median == null || Math.abs(gap) < 1e-9
                  ? "与全省中位数持平"
                  : (worse ? "差于" : "优于")
                      + "全省中位数 "
                      + Display.gap(
                          Math.abs(gap), i.unit(), Display.decimals(Math.abs(gap), i.unit()));
          parts.add(
              String.format(
                  Locale.ROOT,
                  "%s %s（全省百分位 %.0f，%s）",
                  i.nameZh(),
                  Display.withUnit(
                      i.rawValue(), i.unit(), Display.decimals(i.rawValue(), i.unit())),
                  i.percentile(),
                  against));
        }
        sb.append(String.join("、", parts));
      }
      d.nextSteps.add(sb.append("。").toString());
    }
  }
}
