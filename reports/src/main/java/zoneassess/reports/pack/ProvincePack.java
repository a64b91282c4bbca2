package zoneassess.reports.pack;

import java.util.List;
import java.util.Set;
import zoneassess.reports.marts.MartMapping;
import zoneassess.reports.model.ZoneResult;

/** 全省开发区综合考核评价简报: the province pack's sheets in order. */
public final class ProvincePack {
  public static final String TITLE = "全省开发区综合考核评价简报";

  private ProvincePack() {}

  public static void write(PackContext ctx, String rerender) {
    var data = ctx.data();
    List<ZoneResult> zones = data.results(ctx.period());
    CoverSheet.write(
        ctx,
        "考核期 " + ctx.period() + " · 运行编号 " + ctx.runId() + " · " + data.info().timestampText(),
        KeyMessages.province(data, ctx.period()));
    RankingSheets.full(ctx, zones);
    RankingSheets.level(ctx, zones, true);
    RankingSheets.level(ctx, zones, false);
    if (data.has(MartMapping.DIMENSIONS)) {
      RankingSheets.heatMap(ctx, zones);
    } else {
      ctx.omit(RankingSheets.HEAT, "缺少 assessment_dimensions，维度得分与热力图省略");
    }
    RankingSheets.scoreCharts(ctx, zones, Set.of(), RankingSheets.SCORES);
    Integer year = data.perMuYear(ctx.period());
    if (year != null && !data.perMuCities(year).isEmpty()) {
      PerMuSheets.byCity(ctx, year);
    } else {
      ctx.omit(PerMuSheets.NAME, "缺少 permu_area（城市级），亩均效益页省略");
    }
    if (!data.cityCosts().isEmpty()) {
      CostSheets.province(ctx);
    } else {
      ctx.omit(CostSheets.PROVINCE, "缺少 cost_benchmark（城市级），要素成本页省略");
    }
    if (data.has(MartMapping.WARNINGS)) {
      WarningSheet.write(ctx, zones);
    } else {
      ctx.omit(WarningSheet.NAME, "缺少 assessment_warnings，预警事项页省略");
    }
    NotesSheet.write(ctx, rerender);
  }
}
