package zoneassess.jobs.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The major-project register 2018–2025: a few projects signed per zone and year, each moving
 * through the funnel signed → construction → production → target met with consistent dates, seen as
 * of 2025-12-31. Three zones (one in Huai'an) start no project in 2024 or 2025.
 */
final class MajorProjectRegister {
  static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

  /** Zones with a two-year drought of construction starts (2024 and 2025). */
  static final Set<String> DROUGHT_ZONES = Set.of("320800P05", "320700P06", "321300P05");

  /** Planted: a project in a zone that does not exist. */
  static final String UNKNOWN_ZONE = "320899P99";

  /** The "7+3" industry chains. */
  static final List<String> CHAINS =
      List.of("新型电力装备", "工程机械", "物联网", "生物医药", "高端纺织", "集成电路", "新能源汽车", "绿色食品", "新材料", "数字经济");

  private static final String[][] PRODUCTS = {
    {"智能电网成套设备", "储能变流器", "高压开关"},
    {"挖掘机关键零部件", "液压件", "起重机械"},
    {"物联网传感器", "智能终端", "工业互联网平台"},
    {"创新药产业化", "医疗器械", "原料药绿色改造"},
    {"高端面料", "功能性纤维", "智能纺机"},
    {"功率半导体", "先进封装测试", "半导体材料"},
    {"动力电池", "汽车电驱系统", "整车零部件"},
    {"中央厨房", "粮油精深加工", "休闲食品"},
    {"特种合金", "高性能膜材料", "碳纤维复合材料"},
    {"数据中心", "软件研发基地", "智能制造服务平台"},
  };

  private static final String[] BRANDS = {
    "恒瑞", "协鑫", "华宏", "远景", "天合", "中信", "金陵", "苏美", "新元", "宏图", "众力", "博源"
  };

  private static final String[] SUFFIXES = {"项目", "扩建项目", "生产基地项目", "智能制造项目"};

  private MajorProjectRegister() {}

  static List<MajorProject> build(long seed, List<SampleZone> zones) {
    Draw d = new Draw(seed);
    List<MajorProject> out = new ArrayList<>();
    for (SampleZone z : zones) {
      for (int year = Math.max(2018, z.firstYear()); year <= 2025; year++) {
        int base = z.national() ? 3 : 1;
        int n = base + d.intBetween(0, z.national() ? 5 : 3, z.code(), year, "projects");
        for (int i = 1; i <= n; i++) {
          out.add(project(d, z, year, i));
        }
      }
    }
    out.add(
        new MajorProject(
            "XM-" + UNKNOWN_ZONE + "-2024-001",
            "未知园区示例项目",
            UNKNOWN_ZONE,
            3.5,
            null,
            "新材料",
            LocalDate.of(2024, 5, 6),
            LocalDate.of(2024, 9, 1),
            null,
            null,
            "under_construction"));
    return List.copyOf(out);
  }

  private static MajorProject project(Draw d, SampleZone z, int year, int seq) {
    String id = String.format(Locale.ROOT, "XM-%s-%d-%03d", z.code(), year, seq);
    int chainIdx = d.intBetween(0, CHAINS.size() - 1, id, "chain");
    String chain = CHAINS.get(chainIdx);
    String[] products = PRODUCTS[chainIdx];
    String name =
        BRANDS[d.intBetween(0, BRANDS.length - 1, id, "brand")]
            + products[d.intBetween(0, products.length - 1, id, "product")]
            + SUFFIXES[d.intBetween(0, SUFFIXES.length - 1, id, "suffix")];
    double lognormal = 4.0 * Math.exp(0.9 * d.normal(id, "invest")) * (z.national() ? 1.4 : 1.0);
    // Most projects are 1–20 亿元; about one in eighty is a 50亿元+ flagship.
    double invest =
        ZoneRegister.round(
            d.uniform(id, "mega") < 0.012
                ? d.between(50.0, 160.0, id, "mega-size")
                : Math.max(1.0, Math.min(45.0, lognormal)),
            2);
    Double foreign =
        d.uniform(id, "foreign") < 0.2
            ? ZoneRegister.round(invest / 7.1 * d.between(0.2, 1.0, id, "foreign-share"), 3)
            : null;
    LocalDate signed = LocalDate.of(year, 1, 1).plusDays(d.intBetween(0, 364, id, "signed"));
    LocalDate start =
        d.uniform(id, "starts") < 0.88 ? signed.plusDays(d.intBetween(20, 300, id, "start")) : null;
    if (start != null && DROUGHT_ZONES.contains(z.code()) && start.getYear() >= 2024) {
      start = null;
    }
    LocalDate production =
        start != null && d.uniform(id, "produces") < 0.9
            ? start.plusDays(d.intBetween(240, 720, id, "production"))
            : null;
    LocalDate target =
        production != null && d.uniform(id, "meets") < 0.8
            ? production.plusDays(d.intBetween(180, 540, id, "target"))
            : null;
    start = asOf(start);
    production = start == null ? null : asOf(production);
    target = production == null ? null : asOf(target);
    String status;
    if (d.uniform(id, "cancel") < 0.02 && start == null) {
      status = "cancelled";
    } else if (target != null) {
      status = "target_met";
    } else if (production != null) {
      status = "in_production";
    } else if (start != null) {
      status = "under_construction";
    } else {
      status = "signed";
    }
    return new MajorProject(
        id, name, z.code(), invest, foreign, chain, signed, start, production, target, status);
  }

  private static LocalDate asOf(LocalDate date) {
    return date == null || date.isAfter(AS_OF) ? null : date;
  }
}
