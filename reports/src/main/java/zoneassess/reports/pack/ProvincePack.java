package zoneassess.reports.pack;

import java.util.List;
import java.util.Set;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.model.ZoneResult;

/** 全省开发区综合考核评价简报: the province pack's sheets in order. */
public final class ProvincePack {
  public static final String TITLE = "全省开发区综合考核评价简报";

  private ProvincePack() {}

  /**
   * Body: 封面 (the decision), 结果概览 (by 设区市, top and bottom N), 分组与单项. Annexes: the full ranking, the
   * national and provincial lists, the heat map, the score charts, per-mu, factor costs, the
   * warnings, and 说明.
   */
  public static void write(PackContext ctx, String rerender) {
    var data = ctx.data();
    List<ZoneResult> zones = data.results(ctx.period());
    Decision d = Decision.of(data, ctx.period(), zones, ctx.config(), true);
    CoverSheet.write(ctx, d, List.of(), null);
    ResultsOverview.byCity(ctx, zones);
    ResultsOverview.groups(ctx, zones);
    RankingSheets.full(ctx, zones, ctx.annex(RankingSheets.FULL));
    RankingSheets.level(ctx, zones, true, ctx.annex(RankingSheets.NATIONAL));
    RankingSheets.level(ctx, zones, false, ctx.annex(RankingSheets.PROVINCIAL));
    if (data.has(MartMapping.DIMENSIONS)) {
      RankingSheets.heatMap(ctx, zones, ctx.annex(RankingSheets.HEAT));
    } else {
      ctx.omit(RankingSheets.HEAT, "缺少 assessment_dimensions，维度得分与热力图省略");
    }
    RankingSheets.scoreCharts(ctx, zones, Set.of(), ctx.annex(RankingSheets.SCORES));
    Integer year = data.perMuYear(ctx.period());
    if (year != null && !data.perMuCities(year).isEmpty()) {
      PerMuSheets.byCity(ctx, year, ctx.annex(PerMuSheets.NAME));
    } else {
      ctx.omit(PerMuSheets.NAME, "缺少 permu_area（城市级），亩均效益页省略");
    }
    if (!data.cityCosts().isEmpty()) {
      CostSheets.province(ctx, ctx.annex(CostSheets.PROVINCE));
      CostSheets.provinceIndex(ctx, ctx.annex(CostSheets.PROVINCE_INDEX));
    } else {
      ctx.omit(CostSheets.PROVINCE, "缺少 cost_benchmark（城市级），要素成本页省略");
    }
    Integer allocationYear = AllocationSheets.year(data, ctx.period());
    if (allocationYear != null) {
      AllocationSheets.province(
          ctx,
          allocationYear,
          zones.stream().map(ZoneResult::city).distinct().toList(),
          ctx.annex(AllocationSheets.PROVINCE_NAME));
    } else {
      ctx.omit(AllocationSheets.PROVINCE_NAME, "缺少 allocation_enterprise（资源要素配置未运行），资源要素配置汇总页省略");
    }
    if (data.has(MartMapping.WARNINGS)) {
      WarningSheet.write(ctx, zones, ctx.annex(WarningSheet.NAME));
    } else {
      ctx.omit(WarningSheet.NAME, "缺少 assessment_warnings，预警事项页省略");
    }
    NotesSheet.write(ctx, rerender);
  }
}
