package zoneassess.schema.marts;

import static zoneassess.schema.dataset.ColumnSpec.builder;
import static zoneassess.schema.dataset.ColumnType.DOUBLE;
import static zoneassess.schema.dataset.ColumnType.INTEGER;
import static zoneassess.schema.dataset.ColumnType.STRING;

import java.util.List;
import zoneassess.schema.dataset.DatasetContract;

/**
 * The research marts (RESEARCH.md): written by {@code zoneassess compare} (parameters, comparison,
 * correlation, trajectory) and {@code zoneassess sensitivity} (rank intervals, leave-one-out) into
 * one folder {@code ROOT/research/<name>/}, read by the researcher pack. Column names and types are
 * fixed; a producer may add columns at the end, a consumer ignores unknown columns. Ranks are
 * competition ranks (1 = best; ties share the better rank).
 */
public final class ResearchMarts {
  /** Folder under the output root that holds one folder per research result. */
  public static final String FOLDER = "research";

  /** {@code research_parameters.key} values; producers write those that apply. */
  public static final String RUN_ID = "run_id";

  public static final String METHODOLOGY_A = "methodology_a";
  public static final String METHODOLOGY_A_VERSION = "methodology_a_version";
  public static final String METHODOLOGY_B = "methodology_b";
  public static final String METHODOLOGY_B_VERSION = "methodology_b_version";
  public static final String PERIODS = "periods";
  public static final String FOCUS_PERIOD = "focus_period";

  public static final DatasetContract RESEARCH_PARAMETERS =
      DatasetContract.builder("research_parameters")
          .zh("研究参数")
          .doc(
              "One row per parameter of the research result (run_id, methodology_a/_b and their"
                  + " versions, periods, focus_period, replications, weight_scheme, spread, seed, …)."
                  + " Sorted by key. No wall-clock timestamps.")
          .column(builder("key", STRING).required().zh("参数"))
          .column(builder("value", STRING).zh("取值"))
          .key("key")
          .build();

  public static final DatasetContract METHOD_COMPARISON =
      DatasetContract.builder("method_comparison")
          .zh("两种评价方法对比")
          .doc(
              "One row per period and zone present under either methodology. Sorted by period,"
                  + " rank_b (nulls last), zone_code.")
          .column(builder("period", STRING).required().zh("考核期"))
          .column(builder("zone_code", STRING).required().zh("园区代码"))
          .column(builder("zone_name", STRING).zh("园区名称"))
          .column(builder("city", STRING).zh("设区市"))
          .column(builder("level", STRING).zh("级别").accepted("national", "provincial"))
          .column(builder("score_a", DOUBLE).zh("方法A得分").doc("final_score under methodology A."))
          .column(
              builder("rank_a", INTEGER)
                  .zh("方法A排名")
                  .doc("rank_all under A; null = not ranked under A."))
          .column(builder("score_b", DOUBLE).zh("方法B得分").doc("final_score under methodology B."))
          .column(
              builder("rank_b", INTEGER)
                  .zh("方法B排名")
                  .doc("rank_all under B; null = not ranked under B."))
          .column(builder("score_change", DOUBLE).zh("得分变化").doc("score_b − score_a."))
          .column(
              builder("rank_shift", INTEGER)
                  .zh("位次变化")
                  .doc("rank_a − rank_b; positive = the zone moves UP under methodology B."))
          .key("period", "zone_code")
          .build();

  public static final DatasetContract METHOD_CORRELATION =
      DatasetContract.builder("method_correlation")
          .zh("排名相关性")
          .doc(
              "One row per period: how alike the two rankings are over the zones ranked under both."
                  + " Sorted by period.")
          .column(builder("period", STRING).required().zh("考核期"))
          .column(builder("zones", INTEGER).zh("两法均参与排名园区数"))
          .column(
              builder("spearman", DOUBLE)
                  .zh("斯皮尔曼相关系数")
                  .range(-1.0, 1.0)
                  .doc(
                      "Pearson correlation of the average-tie ranks; null with fewer than 2 zones."))
          .column(
              builder("kendall_tau_b", DOUBLE)
                  .zh("肯德尔τb")
                  .range(-1.0, 1.0)
                  .doc(
                      "(concordant − discordant) pairs, corrected for ties; null with fewer than 2 zones."))
          .column(builder("mean_abs_shift", DOUBLE).zh("平均位次变化").range(0.0, null))
          .column(builder("max_abs_shift", INTEGER).zh("最大位次变化").range(0.0, null))
          .column(builder("zones_moved", INTEGER).zh("位次变化园区数").doc("Zones with rank_shift ≠ 0."))
          .key("period")
          .build();

  public static final DatasetContract RANK_TRAJECTORY =
      DatasetContract.builder("rank_trajectory")
          .zh("排名轨迹")
          .doc(
              "One row per methodology, period and zone. Sorted by methodology, zone_code, period.")
          .column(builder("methodology", STRING).required().zh("方法").accepted("a", "b"))
          .column(builder("methodology_id", STRING).zh("评价方法"))
          .column(builder("period", STRING).required().zh("考核期"))
          .column(builder("zone_code", STRING).required().zh("园区代码"))
          .column(builder("zone_name", STRING).zh("园区名称"))
          .column(builder("score", DOUBLE).zh("得分").doc("final_score."))
          .column(builder("rank", INTEGER).zh("全省排名").doc("rank_all; null = not ranked."))
          .key("methodology", "period", "zone_code")
          .build();

  public static final DatasetContract RANK_INTERVALS =
      DatasetContract.builder("rank_intervals")
          .zh("排名区间（蒙特卡洛）")
          .doc(
              "Monte Carlo over the weights, one row per zone: the nominal rank and the spread of"
                  + " the replications' ranks. Sorted by median_rank, zone_code.")
          .column(builder("zone_code", STRING).required().zh("园区代码"))
          .column(builder("zone_name", STRING).zh("园区名称"))
          .column(builder("nominal_rank", INTEGER).zh("名义排名"))
          .column(builder("median_rank", DOUBLE).zh("排名中位数"))
          .column(builder("p05_rank", DOUBLE).zh("排名5%分位"))
          .column(builder("p95_rank", DOUBLE).zh("排名95%分位"))
          .column(builder("best_rank", INTEGER).zh("最好排名"))
          .column(builder("worst_rank", INTEGER).zh("最差排名"))
          .key("zone_code")
          .build();

  public static final DatasetContract LEAVE_ONE_OUT =
      DatasetContract.builder("leave_one_out")
          .zh("逐一剔除指标")
          .doc(
              "One row per dropped indicator and zone: the rank without that indicator. Sorted by"
                  + " dropped_indicator, rank_without, zone_code.")
          .column(builder("dropped_indicator", STRING).required().zh("剔除指标"))
          .column(
              builder("dropped_indicator_name", STRING)
                  .zh("剔除指标名称")
                  .doc("Chinese name; may be null."))
          .column(builder("zone_code", STRING).required().zh("园区代码"))
          .column(builder("nominal_rank", INTEGER).zh("名义排名"))
          .column(builder("rank_without", INTEGER).zh("剔除后排名"))
          .column(
              builder("rank_shift", INTEGER)
                  .zh("位次变化")
                  .doc(
                      "rank_without − nominal_rank; positive = the zone FALLS without that indicator."))
          .key("dropped_indicator", "zone_code")
          .build();

  public static final List<DatasetContract> ALL =
      List.of(
          RESEARCH_PARAMETERS,
          METHOD_COMPARISON,
          METHOD_CORRELATION,
          RANK_TRAJECTORY,
          RANK_INTERVALS,
          LEAVE_ONE_OUT);

  /** The folder of research result {@code name} under the output root {@code rootUri}. */
  public static String folder(String rootUri, String name) {
    String root = rootUri.endsWith("/") ? rootUri.substring(0, rootUri.length() - 1) : rootUri;
    return root + "/" + FOLDER + "/" + name;
  }

  private ResearchMarts() {}
}
