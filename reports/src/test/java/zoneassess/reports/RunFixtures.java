package zoneassess.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Named run folders for the pack tests, written without Spark. Nine zones in three cities (淮安 and
 * 宿迁 in the north, 南京 in the south), periods 2021–2025.
 *
 * <p>2025 final scores (hand-picked): 南京经开 92.5, 江宁经开 88.0, 淮安经开 86.0, 南京化工园 84.0, 宿迁经开 81.0, 淮安高新
 * 79.5, 淮安工业园 75.0, 涟水 71.0 (vetoed, unranked), 沭阳 69.0. 2024: 江宁 91, 南京经开 90, 化工园 85, 淮安高新 82,
 * 淮安经开 80, 宿迁经开 78, 涟水 72, 淮安工业园 70, 沭阳 68. Earlier periods: the 2024 score minus one point per
 * year back.
 */
public final class RunFixtures {
  public static final String RUN_ID = "20251120T080000Z-fixture";
  public static final String RUN_TIMESTAMP = "2025-11-20T08:00:00Z";
  public static final String HOSTILE_ZONE = "=HYPERLINK(\"http://x\",\"点击\")";
  public static final List<String> HOSTILE_ENTERPRISES =
      List.of("+1", "-2", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"点击\")");
  public static final String HOSTILE_NOTE = "=1+1";

  /** zone code, name, city, region, level, type, 2024 score, 2025 score. */
  record Zone(
      String code,
      String name,
      String city,
      String region,
      String level,
      String type,
      double s2024,
      double s2025) {}

  static List<Zone> zones(boolean hostile) {
    return List.of(
        new Zone(
            "320101", "南京经济技术开发区", "南京", "苏南", "national", "economic_technological", 90.0, 92.5),
        new Zone(
            "320102", "江宁经济技术开发区", "南京", "苏南", "national", "economic_technological", 91.0, 88.0),
        new Zone("320103", "南京化学工业园区", "南京", "苏南", "provincial", "industrial_park", 85.0, 84.0),
        new Zone(
            "320801", "淮安经济技术开发区", "淮安", "苏北", "national", "economic_technological", 80.0, 86.0),
        new Zone("320802", "淮安高新技术产业开发区", "淮安", "苏北", "national", "high_tech", 82.0, 79.5),
        new Zone(
            "320803",
            hostile ? HOSTILE_ZONE : "淮安工业园区",
            "淮安",
            "苏北",
            "provincial",
            "industrial_park",
            70.0,
            75.0),
        new Zone("320804", "涟水经济开发区", "淮安", "苏北", "provincial", "industrial_park", 72.0, 71.0),
        new Zone(
            "321301", "宿迁经济技术开发区", "宿迁", "苏北", "national", "economic_technological", 78.0, 81.0),
        new Zone("321302", "沭阳经济开发区", "宿迁", "苏北", "provincial", "industrial_park", 68.0, 69.0));
  }

  static final String[] DIM_CODES = {"ECO", "OPEN", "INNO", "ECOL", "COORD"};
  static final String[] DIM_NAMES = {"经济发展", "开放水平", "创新驱动", "生态集约", "统筹协调"};
  static final double[] DIM_WEIGHTS = {0.30, 0.20, 0.20, 0.15, 0.15};

  /** Dimension score = final score + offset. */
  static final double[] DIM_OFFSETS = {-5, 3, 0, 2, -1};

  static final String VETOED = "320804";

  private RunFixtures() {}

  /** Every mart present; the manifest says the inputs were synthetic. */
  public static Path province(Path root) {
    return write(root, false, true, 0);
  }

  /** Every mart present; the manifest says nothing of synthetic inputs (a real run). */
  public static Path real(Path root) {
    synthetic = false;
    try {
      return write(root, false, true, 0);
    } finally {
      synthetic = true;
    }
  }

  private static boolean synthetic = true;

  /** Zone names, enterprise names and notes that look like formulas. */
  public static Path hostile(Path root) {
    return write(root, true, true, 0);
  }

  /** Only the assessment mart: per-mu and cost stages did not run. */
  public static Path assessmentOnly(Path root) {
    return write(root, false, false, 0);
  }

  /** Every mart, plus {@code extraD} more D-class firms in 淮安 in 2025. */
  public static Path withManyDClassFirms(Path root, int extraD) {
    return write(root, false, true, extraD);
  }

  static Path write(Path root, boolean hostile, boolean allMarts, int extraD) {
    Path run = root.resolve("runs").resolve(RUN_ID);
    Path marts = run.resolve("marts");
    List<Zone> zs = zones(hostile);
    List<String> periods = List.of("2021", "2022", "2023", "2024", "2025");
    try {
      Files.createDirectories(run.resolve("validation"));
      Files.writeString(
          run.resolve("manifest.json"),
          "{\"run_id\":\""
              + RUN_ID
              + "\",\"started_at\":\""
              + RUN_TIMESTAMP
              + "\",\"synthetic\":"
              + synthetic
              + ","
              + "\"methodology\":{\"id\":\"js-2021\",\"version\":\"1.0\"}}",
          StandardCharsets.UTF_8);
      Files.writeString(
          run.resolve("validation/report.json"),
          "{\"datasets\":[{\"dataset\":\"zones\",\"rows_accepted\":9,\"rows_rejected\":1},"
              + "{\"dataset\":\"enterprises\",\"rows_accepted\":40,\"rows_rejected\":2}]}",
          StandardCharsets.UTF_8);
      Files.writeString(root.resolve("LATEST"), RUN_ID + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // score per zone and period
    Map<String, Map<String, Double>> score = new LinkedHashMap<>();
    for (Zone z : zs) {
      Map<String, Double> m = new LinkedHashMap<>();
      for (String p : periods) {
        int y = Integer.parseInt(p);
        m.put(p, y == 2025 ? z.s2025() : z.s2024() - (2024 - y));
      }
      score.put(z.code(), m);
    }
    Map<String, Map<String, Integer>> rank = new LinkedHashMap<>();
    for (String p : periods) {
      List<Zone> eligible =
          new ArrayList<>(
              zs.stream().filter(z -> !(p.equals("2025") && z.code().equals(VETOED))).toList());
      eligible.sort(Comparator.comparing((Zone z) -> -score.get(z.code()).get(p)));
      for (int i = 0; i < eligible.size(); i++) {
        rank.computeIfAbsent(eligible.get(i).code(), k -> new LinkedHashMap<>()).put(p, i + 1);
      }
    }
    try (ParquetFixture a =
        new ParquetFixture(
            marts.resolve("assessment/part-00000.parquet"),
            "zone_code:string",
            "zone_name:string",
            "city:string",
            "county:string",
            "region:string",
            "level:string",
            "zone_type:string",
            "period:string",
            "methodology_id:string",
            "methodology_version:string",
            "index_score:double",
            "deductions:double",
            "bonuses:double",
            "progress_points:double",
            "final_score:double",
            "eligible:boolean",
            "veto_reason:string",
            "rank_all:int",
            "rank_level:int",
            "rank_city:int",
            "zones_all:int",
            "prev_rank_all:int",
            "delta_rank:int",
            "progress_class:string",
            "tier:string",
            "salary_coefficient:double",
            "mark:string",
            "warning_count:int")) {
      for (String p : periods) {
        String prev = p.equals("2021") ? null : Integer.toString(Integer.parseInt(p) - 1);
        int ranked = (int) zs.stream().filter(z -> rank.get(z.code()).get(p) != null).count();
        for (Zone z : zs) {
          Integer r = rank.get(z.code()).get(p);
          Integer pr = prev == null ? null : rank.get(z.code()).get(prev);
          Integer delta = r == null || pr == null ? null : pr - r;
          String cls = delta == null ? "新进入" : delta > 0 ? "进位" : delta < 0 ? "退位" : "持平";
          Integer rankLevel =
              r == null
                  ? null
                  : (int)
                      zs.stream()
                          .filter(
                              o ->
                                  o.level().equals(z.level())
                                      && rank.get(o.code()).get(p) != null
                                      && rank.get(o.code()).get(p) <= r)
                          .count();
          Integer rankCity =
              r == null
                  ? null
                  : (int)
                      zs.stream()
                          .filter(
                              o ->
                                  o.city().equals(z.city())
                                      && rank.get(o.code()).get(p) != null
                                      && rank.get(o.code()).get(p) <= r)
                          .count();
          boolean vetoed = r == null;
          String mark = p.equals("2025") ? mark2025(z.code()) : "none";
          a.row(
              z.code(),
              z.name(),
              z.city(),
              z.city() + "区",
              z.region(),
              z.level(),
              z.type(),
              p,
              "js-2021",
              "1.0",
              score.get(z.code()).get(p),
              p.equals("2025") && z.code().equals("321302") ? 0.3 : 0.0,
              0.0,
              0.0,
              score.get(z.code()).get(p),
              !vetoed,
              vetoed ? (hostile ? HOSTILE_NOTE : "重大安全生产事故") : null,
              r,
              rankLevel,
              rankCity,
              ranked,
              pr,
              delta,
              cls,
              r == null ? "不定档" : r <= 3 ? "第一档" : r <= 6 ? "第二档" : "第三档",
              r == null ? 0.8 : r <= 3 ? 1.2 : 1.0,
              mark,
              mark.equals("none") ? 0 : 1);
        }
      }
    }
    if (allMarts) {
      writeDimensions(marts, zs, periods, score);
      writeIndicators(marts, zs);
      writeWarnings(marts, hostile);
      writeFunnel(marts, zs);
      writePerMu(marts, zs, hostile, extraD);
      writeCosts(marts);
      writeAllocation(marts, hostile);
    }
    return run;
  }

  static String mark2025(String code) {
    return switch (code) {
      case "320101", "320801" -> "blue";
      case "320804", "321302" -> "red";
      case "320802" -> "yellow";
      default -> "none";
    };
  }

  private static void writeDimensions(
      Path marts, List<Zone> zs, List<String> periods, Map<String, Map<String, Double>> score) {
    try (ParquetFixture d =
        new ParquetFixture(
            marts.resolve("assessment_dimensions/part-00000.parquet"),
            "zone_code:string",
            "period:string",
            "dimension_code:string",
            "dimension_name_zh:string",
            "dimension_name_en:string",
            "weight:double",
            "score:double",
            "rank_all:int",
            "province_mean:double",
            "province_best:double",
            "sort_order:int")) {
      for (String p : periods) {
        double mean =
            zs.stream().mapToDouble(z -> score.get(z.code()).get(p)).average().orElseThrow();
        double best = zs.stream().mapToDouble(z -> score.get(z.code()).get(p)).max().orElseThrow();
        for (Zone z : zs) {
          for (int k = 0; k < DIM_CODES.length; k++) {
            d.row(
                z.code(),
                p,
                DIM_CODES[k],
                DIM_NAMES[k],
                DIM_NAMES[k],
                DIM_WEIGHTS[k],
                score.get(z.code()).get(p) + DIM_OFFSETS[k],
                1,
                mean + DIM_OFFSETS[k],
                best + DIM_OFFSETS[k],
                k + 1);
          }
        }
      }
    }
  }

  private static void writeIndicators(Path marts, List<Zone> zs) {
    try (ParquetFixture d =
        new ParquetFixture(
            marts.resolve("assessment_indicators/part-00000.parquet"),
            "zone_code:string",
            "period:string",
            "indicator_code:string",
            "indicator_name_zh:string",
            "unit:string",
            "dimension_code:string",
            "raw_value:double",
            "treated_value:double",
            "normalised_value:double",
            "imputed:boolean",
            "percentile:double",
            "direction:string")) {
      int i = 0;
      for (Zone z : zs) {
        d.row(
            z.code(),
            "2025",
            "TAX_PER_MU",
            "亩均税收",
            "万元/亩",
            "ECOL",
            30.0 + i,
            30.0 + i,
            0.5,
            false,
            10.0 * i,
            "higher");
        d.row(
            z.code(),
            "2025",
            "FDI",
            "实际使用外资",
            "亿美元",
            "OPEN",
            2.0 + i,
            2.0 + i,
            0.5,
            i == 3,
            90.0 - 10 * i,
            "higher");
        d.row(
            z.code(), "2025", "ENERGY", "单位增加值能耗", "吨标煤/万元", "ECOL", 0.3, 0.3, 0.5, false, 50.0,
            "lower");
        // a ratio as the index engine stores it: 0.014 = 1.4 %
        d.row(
            z.code(),
            "2025",
            "GDP_GROWTH",
            "地区生产总值增速",
            "ratio",
            "ECO",
            0.010 + 0.001 * i,
            0.010 + 0.001 * i,
            0.5,
            false,
            5.0 * i,
            "higher");
        i++;
      }
    }
  }

  private static void writeWarnings(Path marts, boolean hostile) {
    try (ParquetFixture w =
        new ParquetFixture(
            marts.resolve("assessment_warnings/part-00000.parquet"),
            "zone_code:string",
            "period:string",
            "rule_id:string",
            "rule_name_zh:string",
            "kind:string",
            "severity:string",
            "points:double",
            "triggered_years:string",
            "message_zh:string")) {
      w.row(
          "320804",
          "2025",
          "VETO_SAFETY",
          "安全生产一票否决",
          "veto",
          "red",
          null,
          "2025",
          hostile ? HOSTILE_NOTE : "2025年发生重大安全生产事故，取消当年考核资格。");
      w.row(
          "320802",
          "2025",
          "PROJECT_DROUGHT",
          "重大项目连续两年未落地",
          "project_drought",
          "yellow",
          null,
          "2024,2025",
          "2024、2025年连续两年无亿元以上项目开工，下调薪酬系数。");
      // the assess stage's mark rule leaves 宿迁经开 unmarked; the red warning makes it 红
      w.row(
          "321301",
          "2025",
          "consequence.national_exit",
          "国家级开发区考核排名靠后退出预警",
          "national_exit",
          "red",
          null,
          "2024,2025",
          "宿迁经济技术开发区：连续2年（2024,2025年）位列国家级开发区考核后5名，触发退出国家级开发区名单预警");
      w.row(
          "321302",
          "2025",
          "DEDUCT_INSPECT",
          "督查发现问题扣分",
          "deduction",
          "yellow",
          0.3,
          "2025",
          "省级督查发现问题一项，扣0.3分。");
    }
  }

  private static void writeFunnel(Path marts, List<Zone> zs) {
    try (ParquetFixture f =
        new ParquetFixture(
            marts.resolve("project_funnel/part-00000.parquet"),
            "zone_code:string",
            "year:int",
            "tier:string",
            "signed:long",
            "started:long",
            "producing:long",
            "target_met:long",
            "investment_started_100m:double")) {
      for (Zone z : zs) {
        f.row(z.code(), 2025, "1亿以上", 10L, 6L, 3L, 1L, 12.5);
        f.row(z.code(), 2025, "10亿以上", 4L, 2L, 1L, 0L, 30.0);
        f.row(z.code(), 2025, "50亿以上", 1L, 1L, 0L, 0L, 55.0);
        f.row(z.code(), 2025, "合计", 15L, 9L, 4L, 1L, 97.5);
      }
    }
  }

  /** 淮安 2025 D-class firms in the base fixture: 3 (two in 320801, one in 320803). */
  public static final int HUAIAN_D_2025 = 3;

  private static void writePerMu(Path marts, List<Zone> zs, boolean hostile, int extraD) {
    String[] m = {
      "enterprises:long",
      "evaluated:long",
      "land_mu:double",
      "tax_per_mu:double",
      "value_added_per_mu:double",
      "revenue_per_mu:double",
      "count_a:long",
      "count_b:long",
      "count_c:long",
      "count_d:long",
      "count_t:long",
      "share_a:double",
      "share_b:double",
      "share_c:double",
      "share_d:double",
      "d_land_mu:double",
      "surcharge_revenue_10k:double",
      "tax_per_mu_prev:double",
      "tax_per_mu_change_pct:double"
    };
    List<String> zoneCols =
        new ArrayList<>(List.of("zone_code:string", "zone_name:string", "city:string", "year:int"));
    zoneCols.addAll(List.of(m));
    zoneCols.add("output_per_km2_100m:double");
    try (ParquetFixture p =
        new ParquetFixture(
            marts.resolve("permu_zone/part-00000.parquet"), zoneCols.toArray(String[]::new))) {
      for (int y = 2024; y <= 2025; y++) {
        for (Zone z : zs) {
          // 20 evaluated: 4 A, 8 B, 7 C, 1 D → shares 0.20, 0.40, 0.35, 0.05
          p.row(
              z.code(), z.name(), z.city(), y, 22L, 20L, 1000.0, 25.0, 60.0, 300.0, 4L, 8L, 7L, 1L,
              2L, 0.20, 0.40, 0.35, 0.05, 30.0, 12.0, 24.0, 4.2, 45.0);
        }
      }
    }
    List<String> areaCols =
        new ArrayList<>(
            List.of(
                "area_code:string",
                "area_name:string",
                "area_level:string",
                "city:string",
                "year:int"));
    areaCols.addAll(List.of(m));
    try (ParquetFixture p =
        new ParquetFixture(
            marts.resolve("permu_area/part-00000.parquet"), areaCols.toArray(String[]::new))) {
      // 南京 10 % D, 淮安 5 %, 宿迁 15 %; tax per mu 40 / 22 / 18
      p.row(
          "3201", "南京", "city", "南京", 2025, 70L, 60L, 3000.0, 40.0, 90.0, 400.0, 15L, 24L, 15L, 6L,
          10L, 0.25, 0.40, 0.25, 0.10, 120.0, 40.0, 38.0, 5.3);
      p.row(
          "3208", "淮安", "city", "淮安", 2025, 90L, 80L, 4000.0, 22.0, 55.0, 260.0, 16L, 32L, 28L, 4L,
          10L, 0.20, 0.40, 0.35, 0.05, 100.0, 30.0, 21.0, 4.8);
      p.row(
          "3213", "宿迁", "city", "宿迁", 2025, 45L, 40L, 2000.0, 18.0, 45.0, 210.0, 6L, 14L, 14L, 6L,
          5L, 0.15, 0.35, 0.35, 0.15, 150.0, 35.0, 17.5, 2.9);
    }
    for (int y = 2024; y <= 2025; y++) {
      try (ParquetFixture e =
          new ParquetFixture(
              marts.resolve("permu_enterprise/year=" + y + "/part-00000.parquet"),
              "credit_code:string",
              "enterprise_name:string",
              "zone_code:string",
              "county_code:string",
              "county:string",
              "city:string",
              "scale:string",
              "land_area_mu:double",
              "tax_per_mu:double",
              "revenue_per_mu:double",
              "total_score:double",
              "group_code:string",
              "group_size:int",
              "rank_in_group:int",
              "per_mu_class:string",
              "t_reason:string",
              "years_in_d:int",
              "surcharge_per_kwh:double",
              "surcharge_estimate_10k:double")) {
        e.row(
            "91320800MA1A00001X",
            hostile ? HOSTILE_ENTERPRISES.get(0) : "淮安甲机械有限公司",
            "320801",
            "320812",
            "清江浦区",
            "淮安",
            "规上",
            50.0,
            1.2,
            30.0,
            21.5,
            "320812",
            40,
            39,
            "D",
            null,
            y - 2023,
            0.10,
            8.0);
        e.row(
            "91320800MA1A00002X",
            hostile ? HOSTILE_ENTERPRISES.get(1) : "淮安乙纺织有限公司",
            "320801",
            "320812",
            "清江浦区",
            "淮安",
            "规上",
            30.0,
            0.8,
            20.0,
            18.0,
            "320812",
            40,
            40,
            "D",
            null,
            1,
            0.10,
            5.0);
        e.row(
            "91320800MA1A00003X",
            hostile ? HOSTILE_ENTERPRISES.get(2) : "淮安丙化工有限公司",
            "320803",
            "320803",
            "淮安区",
            "淮安",
            "规下",
            12.0,
            0.5,
            15.0,
            15.0,
            "320803",
            20,
            20,
            "D",
            null,
            1,
            0.10,
            2.0);
        e.row(
            "91320800MA1A00004X",
            hostile ? HOSTILE_ENTERPRISES.get(3) : "淮安丁电子有限公司",
            "320801",
            "320812",
            "清江浦区",
            "淮安",
            "规上",
            80.0,
            30.0,
            400.0,
            120.0,
            "320812",
            40,
            1,
            "A",
            null,
            0,
            null,
            null);
        e.row(
            "91321300MA1A00005X",
            "宿迁戊食品有限公司",
            "321301",
            "321302",
            "宿城区",
            "宿迁",
            "规上",
            40.0,
            0.9,
            25.0,
            17.0,
            "321302",
            30,
            30,
            "D",
            null,
            1,
            0.10,
            4.0);
        e.row(
            "91320100MA1A00006X",
            "南京己材料有限公司",
            "320101",
            "320115",
            "江宁区",
            "南京",
            "规上",
            60.0,
            2.0,
            50.0,
            30.0,
            "320115",
            50,
            50,
            "D",
            null,
            2,
            0.20,
            9.0);
        if (y == 2025) {
          for (int i = 0; i < extraD; i++) {
            e.row(
                String.format(java.util.Locale.ROOT, "91320800%09dX", i),
                "淮安批量企业" + i,
                "320802",
                "320813",
                "淮阴区",
                "淮安",
                "规下",
                10.0 + i % 7,
                0.3,
                8.0,
                10.0,
                "320813",
                extraD,
                i + 1,
                "D",
                null,
                1 + i % 3,
                0.10,
                1.5);
          }
        }
      }
    }
  }

  /**
   * Hand-made allocation marts for 2025. 淮安: D firms surcharge 15.00 + 6.75 = 21.75 万元, two
   * guaranteed firms, recoverable land 12.5 + 30.0 + 8.0 = 50.5 亩. 宿迁: one D firm, 3.00 万元, 5.0 亩.
   */
  private static void writeAllocation(Path marts, boolean hostile) {
    try (ParquetFixture e =
        new ParquetFixture(
            marts.resolve("allocation_enterprise/year=2025/part-00000.parquet"),
            "policy_id:string",
            "credit_code:string",
            "enterprise_name:string",
            "zone_code:string",
            "city:string",
            "per_mu_class:string",
            "years_in_d:int",
            "total_score:double",
            "land_area_mu:double",
            "policy_name_zh:string",
            "guaranteed:boolean",
            "priority_rank:int",
            "electricity_surcharge_10k:double",
            "water_surcharge_10k:double",
            "natural_gas_surcharge_10k:double",
            "sewage_surcharge_10k:double",
            "surcharge_total_10k:double",
            "land_use_tax_relief_10k:double",
            "reason_zh:string")) {
      e.row(
          "p",
          "C01",
          "淮安甲精密有限公司",
          "320801",
          "淮安",
          "A",
          0,
          95.0,
          40.0,
          "优先发展类",
          true,
          1,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          2.5,
          "A 类");
      e.row(
          "p",
          "C02",
          "淮安乙电子有限公司",
          "320802",
          "淮安",
          "A",
          0,
          91.0,
          25.0,
          "优先发展类",
          false,
          2,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          1.0,
          "A 类");
      e.row(
          "p",
          "C03",
          "淮安丙材料有限公司",
          "320801",
          "淮安",
          "B",
          0,
          70.0,
          30.0,
          "鼓励提升类",
          false,
          null,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          "B 类");
      e.row(
          "p",
          "C04",
          hostile ? HOSTILE_ENTERPRISES.get(1) : "淮安丁化工有限公司",
          "320801",
          "淮安",
          "D",
          2,
          20.0,
          30.0,
          "落后整治类",
          false,
          null,
          12.5,
          1.25,
          0.75,
          0.5,
          15.0,
          0.0,
          "D 类连续 2 年");
      e.row(
          "p",
          "C05",
          "涟水戊纺织有限公司",
          "320804",
          "淮安",
          "D",
          1,
          25.0,
          18.0,
          "落后整治类",
          false,
          null,
          6.0,
          0.5,
          0.0,
          0.25,
          6.75,
          0.0,
          "D 类");
      e.row(
          "p",
          "C06",
          "淮安己食品有限公司",
          "320802",
          "淮安",
          "C",
          0,
          60.0,
          12.0,
          "调整转型类",
          true,
          3,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          0.5,
          "民生保障");
      e.row(
          "p",
          "C07",
          "宿迁庚纸业有限公司",
          "321301",
          "宿迁",
          "D",
          1,
          22.0,
          10.0,
          "落后整治类",
          false,
          null,
          3.0,
          0.0,
          0.0,
          0.0,
          3.0,
          0.0,
          "D 类");
      e.row(
          "p",
          "C08",
          "宿迁辛电子有限公司",
          "321301",
          "宿迁",
          "A",
          0,
          93.0,
          20.0,
          "优先发展类",
          true,
          1,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          1.5,
          "A 类");
      e.row(
          "p",
          "C09",
          "南京壬软件有限公司",
          "320101",
          "南京",
          "A",
          0,
          97.0,
          8.0,
          "优先发展类",
          false,
          1,
          0.0,
          0.0,
          0.0,
          0.0,
          0.0,
          0.8,
          "A 类");
    }
    try (ParquetFixture z =
        new ParquetFixture(
            marts.resolve("allocation_zone/part-00000.parquet"),
            "policy_id:string",
            "year:int",
            "unit_level:string",
            "unit_code:string",
            "unit_name:string",
            "city:string",
            "share:double",
            "share_rule:string",
            "guaranteed_firms:int",
            "guaranteed_land_mu:double",
            "land_quota_mu:double",
            "energy_quota_10k_tce:double",
            "rule_zh:string")) {
      z.row(
          "p",
          2025,
          "zone",
          "320801",
          "淮安经济技术开发区",
          "淮安",
          0.4,
          "proportional",
          1,
          40.0,
          400.0,
          4.0,
          "应保尽保项目优先，其余按亩均税收比例分配");
      z.row(
          "p",
          2025,
          "zone",
          "320802",
          "淮安高新技术产业开发区",
          "淮安",
          0.3,
          "proportional",
          1,
          12.0,
          300.0,
          3.0,
          "应保尽保项目优先，其余按亩均税收比例分配");
      z.row(
          "p",
          2025,
          "zone",
          "320803",
          "淮安工业园区",
          "淮安",
          0.2,
          "proportional",
          0,
          0.0,
          200.0,
          2.0,
          "应保尽保项目优先，其余按亩均税收比例分配");
      z.row(
          "p",
          2025,
          "zone",
          "320804",
          "涟水经济开发区",
          "淮安",
          0.1,
          "floor",
          0,
          0.0,
          100.0,
          1.0,
          "应保尽保项目优先，其余按亩均税收比例分配");
      z.row(
          "p",
          2025,
          "zone",
          "321301",
          "宿迁经济技术开发区",
          "宿迁",
          1.0,
          "proportional",
          1,
          20.0,
          500.0,
          5.0,
          "应保尽保项目优先，其余按亩均税收比例分配");
    }
    try (ParquetFixture l =
        new ParquetFixture(
            marts.resolve("land_recovery/part-00000.parquet"),
            "policy_id:string",
            "zone_code:string",
            "zone_name:string",
            "city:string",
            "year:int",
            "candidate_type:string",
            "credit_code:string",
            "enterprise_name:string",
            "years_in_d:int",
            "area_mu:double",
            "measure_zh:string")) {
      l.row("p", "320801", "淮安经济技术开发区", "淮安", 2025, "idle_land", null, null, null, 12.5, "依法处置");
      l.row(
          "p",
          "320801",
          "淮安经济技术开发区",
          "淮安",
          2025,
          "persistent_d",
          "C04",
          "淮安丁化工有限公司",
          2,
          30.0,
          "协议收回");
      l.row(
          "p",
          "320804",
          "涟水经济开发区",
          "淮安",
          2025,
          "low_efficiency_land",
          null,
          null,
          null,
          8.0,
          "提质增效");
      l.row("p", "321301", "宿迁经济技术开发区", "宿迁", 2025, "idle_land", null, null, null, 5.0, "依法处置");
    }
  }

  private static void writeCosts(Path marts) {
    try (ParquetFixture c =
        new ParquetFixture(
            marts.resolve("cost_benchmark/part-00000.parquet"),
            "factor_code:string",
            "factor_name_zh:string",
            "subcategory:string",
            "subcategory_name_zh:string",
            "unit:string",
            "period:string",
            "period_type:string",
            "location_code:string",
            "location_name:string",
            "location_level:string",
            "city:string",
            "value_source:string",
            "value:double",
            "p_min:double",
            "p25:double",
            "median:double",
            "p75:double",
            "p_max:double",
            "mean:double",
            "n_locations:int",
            "index_vs_median:double",
            "percentile:double",
            "rank:int",
            "change_prev_pct:double",
            "change_yoy_pct:double")) {
      // electricity 1-10kV: 南京 0.70, 淮安 0.64, 宿迁 0.62 → min .62, p25 .63, median .64, p75 .67, max
      // .70
      Object[][] elec = {
        {"3201", "南京", 0.70, 109.375, 100.0, 3},
        {"3208", "淮安", 0.64, 100.0, 50.0, 2},
        {"3213", "宿迁", 0.62, 96.875, 0.0, 1}
      };
      for (Object[] e : elec) {
        c.row(
            "ELEC", "工业电价", "1-10kV", "1-10千伏", "元/千瓦时", "2025", "year", e[0], e[1], "city", e[1],
            "own", e[2], 0.62, 0.63, 0.64, 0.67, 0.70, 0.6533, 3, e[3], e[4], e[5], null, 1.5);
      }
      // land: 南京 60, 淮安 20, 宿迁 15 万元/亩 → median 20
      Object[][] land = {
        {"3201", "南京", 60.0, 300.0, 100.0, 3},
        {"3208", "淮安", 20.0, 100.0, 50.0, 2},
        {"3213", "宿迁", 15.0, 75.0, 0.0, 1}
      };
      for (Object[] e : land) {
        c.row(
            "LAND", "工业用地价格", null, null, "万元/亩", "2025", "year", e[0], e[1], "city", e[1], "own",
            e[2], 15.0, 17.5, 20.0, 40.0, 60.0, 31.67, 3, e[3], e[4], e[5], null, null);
      }
      // a monthly row that must not be picked (annual periods are preferred)
      c.row(
          "ELEC", "工业电价", "1-10kV", "1-10千伏", "元/千瓦时", "2025-11", "month", "3208", "淮安", "city",
          "淮安", "own", 9.99, 9.99, 9.99, 9.99, 9.99, 9.99, 9.99, 3, 100.0, 50.0, 2, null, null);
      // a zone-level row that the city sheets ignore
      c.row(
          "ELEC",
          "工业电价",
          "1-10kV",
          "1-10千伏",
          "元/千瓦时",
          "2025",
          "year",
          "320801",
          "淮安经济技术开发区",
          "zone",
          "淮安",
          "city",
          0.64,
          0.62,
          0.63,
          0.64,
          0.67,
          0.70,
          0.65,
          9,
          100.0,
          50.0,
          5,
          null,
          null);
    }
    try (ParquetFixture p =
        new ParquetFixture(
            marts.resolve("cost_profile/part-00000.parquet"),
            "profile_id:string",
            "profile_name_zh:string",
            "location_code:string",
            "location_name:string",
            "location_level:string",
            "city:string",
            "year:int",
            "total_cost_10k:double",
            "rank:int",
            "gap_to_cheapest_10k:double",
            "gap_to_median_10k:double",
            "index_vs_median:double")) {
      p.row("MACH", "中型机械制造企业", "3201", "南京", "city", "南京", 2025, 1500.0, 3, 400.0, 300.0, 125.0);
      p.row("MACH", "中型机械制造企业", "3208", "淮安", "city", "淮安", 2025, 1200.0, 2, 100.0, 0.0, 100.0);
      p.row("MACH", "中型机械制造企业", "3213", "宿迁", "city", "宿迁", 2025, 1100.0, 1, 0.0, -100.0, 91.7);
    }
    try (ParquetFixture p =
        new ParquetFixture(
            marts.resolve("cost_index/part-00000.parquet"),
            "location_code:string",
            "location_name:string",
            "location_level:string",
            "city:string",
            "year:int",
            "composite_index:double",
            "rank:int")) {
      p.row("3201", "南京", "city", "南京", 2025, 118.0, 3);
      p.row("3208", "淮安", "city", "淮安", 2025, 100.0, 2);
      p.row("3213", "宿迁", "city", "宿迁", 2025, 93.5, 1);
    }
  }
}
