package zoneassess.reports.pack;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.marts.MartRow;
import zoneassess.reports.marts.RunData;
import zoneassess.reports.model.ZoneResult;

/**
 * A city pack (or a one-zone pack): the zones against the province, their movement over five
 * periods, a profile page per zone, the city's factor costs against the province and its
 * neighbours, the typical-firm cost, and the streamed D-class appendix.
 */
public final class CityPack {
  static final String SCORES = "全省对比";
  private final String city;
  private final List<ZoneResult> zones;
  private final String scope;

  private CityPack(String city, List<ZoneResult> zones, String scope) {
    this.city = city;
    this.zones = zones;
    this.scope = scope;
  }

  /** The pack of every zone in {@code cityName} (淮安 or 淮安市). */
  public static CityPack forCity(RunData data, String period, String cityName) {
    List<ZoneResult> all = data.results(period);
    List<ZoneResult> mine = all.stream().filter(z -> sameCity(z.city(), cityName)).toList();
    if (mine.isEmpty()) {
      throw new IllegalArgumentException(
          "no zone in city '"
              + cityName
              + "' in period "
              + period
              + "; cities: "
              + all.stream().map(ZoneResult::city).collect(Collectors.toCollection(TreeSet::new)));
    }
    String city = mine.get(0).city();
    return new CityPack(city, mine, cityLabel(city));
  }

  /** The pack of one zone, with its city's costs. */
  public static CityPack forZone(RunData data, String period, String zoneCode) {
    List<ZoneResult> all = data.results(period);
    List<ZoneResult> mine = all.stream().filter(z -> z.zoneCode().equals(zoneCode)).toList();
    if (mine.isEmpty()) {
      throw new IllegalArgumentException(
          "no zone with code '" + zoneCode + "' in period " + period);
    }
    return new CityPack(mine.get(0).city(), mine, mine.get(0).zoneName());
  }

  /** 淮安市开发区综合考核评价简报, 淮安经济技术开发区综合考核评价简报 (开发区 named once). */
  public String title() {
    return (scope.endsWith("开发区") || scope.endsWith("园区") ? scope : scope + "开发区") + "综合考核评价简报";
  }

  public String scope() {
    return scope;
  }

  public boolean singleZone() {
    return zones.size() == 1 && !scope.equals(cityLabel(city));
  }

  static String cityLabel(String city) {
    return city.endsWith("市") ? city : city + "市";
  }

  static boolean sameCity(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = a.endsWith("市") ? a.substring(0, a.length() - 1) : a;
    String y = b.endsWith("市") ? b.substring(0, b.length() - 1) : b;
    return x.equals(y);
  }

  /**
   * Writes the XSSF sheets (everything but the streamed appendix). City body: 封面, 排名走势, 要素成本对比;
   * zone body: 封面 and the zone's profile. The rest are annexes.
   */
  public void writeSheets(PackContext ctx, String rerender) {
    RunData data = ctx.data();
    List<ZoneResult> all = data.results(ctx.period());
    Decision d = Decision.of(data, ctx.period(), zones, ctx.config(), false);
    CoverSheet.write(ctx, d, ScopeFacts.of(data, ctx.period(), zones, singleZone()), null);
    String costCity = costName(data);
    if (singleZone()) {
      ZoneProfileSheet.write(ctx, zones.get(0), all, "综合画像");
    } else {
      RankTrendSheet.write(ctx, scope, zones, RankTrendSheet.NAME);
      if (costCity != null) {
        CostSheets.city(ctx, costCity, neighbours(data, all, costCity), CostSheets.CITY, true);
      }
      for (ZoneResult z : zones) {
        ZoneProfileSheet.write(ctx, z, all, ctx.annex(z.zoneName()));
      }
    }
    if (singleZone()) {
      RankTrendSheet.write(ctx, scope, zones, ctx.annex(RankTrendSheet.NAME));
    }
    RankingSheets.scoreCharts(
        ctx,
        all,
        zones.stream().map(ZoneResult::zoneCode).collect(Collectors.toSet()),
        ctx.annex(SCORES));
    if (costCity != null) {
      if (singleZone()) {
        CostSheets.city(
            ctx, costCity, neighbours(data, all, costCity), ctx.annex(CostSheets.CITY), false);
      }
    } else {
      ctx.omit(
          CostSheets.CITY,
          data.cityCosts().isEmpty()
              ? "缺少 cost_benchmark（城市级），要素成本对比页省略"
              : "cost_benchmark 中没有 " + city + " 的城市级数据，要素成本对比页省略");
    }
    if (!data.cityProfileCosts().isEmpty()) {
      CostSheets.profiles(ctx, costCity == null ? city : costCity, ctx.annex(CostSheets.PROFILE));
    } else {
      ctx.omit(CostSheets.PROFILE, "缺少 cost_profile（城市级），典型企业成本页省略");
    }
    writeAllocation(ctx, all);
    if (!data.hasEnterprises()) {
      ctx.omit(DClassAppendix.NAME, "缺少 permu_enterprise，D 类企业附录省略");
    }
    NotesSheet.write(ctx, rerender);
  }

  /** 资源要素配置: the city's (or the zone's) part of the allocation marts. */
  private void writeAllocation(PackContext ctx, List<ZoneResult> all) {
    RunData data = ctx.data();
    Integer year = AllocationSheets.year(data, ctx.period());
    if (year == null) {
      ctx.omit(AllocationSheets.NAME, "缺少 allocation_enterprise（资源要素配置未运行），资源要素配置页省略");
      return;
    }
    Map<String, String> names =
        all.stream()
            .collect(Collectors.toMap(ZoneResult::zoneCode, ZoneResult::zoneName, (a, b) -> a));
    if (singleZone()) {
      String code = zones.get(0).zoneCode();
      AllocationSheets.scope(
          ctx,
          scope,
          year,
          r -> code.equals(r.optStr(MartMapping.ENTERPRISE_ZONE)),
          r -> "zone".equals(r.str("unit_level")) && code.equals(r.str("unit_code")),
          r -> code.equals(r.str("zone_code")),
          names,
          ctx.annex(AllocationSheets.NAME));
    } else {
      AllocationSheets.scope(
          ctx,
          scope,
          year,
          r -> sameCity(r.optStr(MartMapping.ENTERPRISE_CITY), city),
          r -> sameCity(r.optStr("city"), city),
          r -> sameCity(r.optStr("city"), city),
          names,
          ctx.annex(AllocationSheets.NAME));
    }
  }

  /** Streams the D-class appendix into the SXSSF wrapper of the pack's workbook. */
  public long writeAppendix(SXSSFWorkbook wb, PackContext ctx) {
    RunData data = ctx.data();
    Integer year = data.perMuYear(ctx.period());
    if (!data.hasEnterprises() || year == null) {
      return 0;
    }
    Map<String, String> names =
        data.results(ctx.period()).stream()
            .collect(Collectors.toMap(ZoneResult::zoneCode, ZoneResult::zoneName, (a, b) -> a));
    Predicate<MartRow> keep;
    if (singleZone()) {
      String code = zones.get(0).zoneCode();
      keep = r -> code.equals(r.str(MartMapping.ENTERPRISE_ZONE));
    } else {
      keep = r -> sameCity(r.str(MartMapping.ENTERPRISE_CITY), city);
    }
    return DClassAppendix.write(wb, ctx.styles(), ctx, scope, year, keep, names);
  }

  /** The city's name as the cost marts spell it, or null when they do not have it. */
  private String costName(RunData data) {
    return data.cityCosts().stream()
        .map(c -> c.locationName())
        .filter(n -> sameCity(n, city))
        .findFirst()
        .orElse(null);
  }

  /** Cities of the same region (苏南/苏中/苏北) that the cost marts know, in code order. */
  static List<String> neighbours(RunData data, List<ZoneResult> all, String costCity) {
    String region =
        all.stream()
            .filter(z -> sameCity(z.city(), costCity))
            .map(ZoneResult::region)
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(null);
    if (region == null) {
      return List.of();
    }
    var sameRegion =
        all.stream()
            .filter(z -> region.equals(z.region()))
            .map(ZoneResult::city)
            .collect(Collectors.toSet());
    return data.cityCosts().stream()
        .sorted(java.util.Comparator.comparing(c -> c.locationCode()))
        .map(c -> c.locationName())
        .distinct()
        .filter(n -> !sameCity(n, costCity))
        .filter(n -> sameRegion.stream().anyMatch(c -> sameCity(c, n)))
        .toList();
  }
}
