package zoneassess.jobs.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.reports.PackRequest;
import zoneassess.schema.marts.RoutineMarts;

/**
 * The report stage of {@code make run}: renders briefing packs from the run's marts into {@code
 * <run>/packs}. No Spark work: the reports module reads the Parquet marts itself.
 *
 * <p>Parameter {@code packs}: comma-separated {@code province}, {@code city:<name>}, {@code
 * zone:<code>}; default {@value #DEFAULT_PACKS}. The run folder may be on any Hadoop file system:
 * packs for a lake on HDFS or S3A are rendered locally and copied up ({@link PackOutput}).
 */
public final class ReportStage implements Stage {
  public static final String DEFAULT_PACKS = "province,city:淮安";

  /** The stage's parameters, typed; an unknown key is an error. */
  public record Params(String packs) {
    public static Params of(StageContext context) {
      StageParams p = StageParams.of("report", context.params(), List.of("packs"));
      return new Params(p.text("packs", DEFAULT_PACKS));
    }
  }

  @Override
  public String name() {
    return "report";
  }

  @Override
  public StageResult execute(StageContext context) {
    List<PackRequest> packs =
        new java.util.ArrayList<>(PackRequest.parseList(Params.of(context).packs()));
    // a routine run also gets its one-page 红黄蓝 routine pack
    if (packs.stream().noneMatch(p -> p.kind() == PackRequest.Kind.ROUTINE)
        && new zoneassess.reports.marts.MartReader()
            .exists(context.run().mart(RoutineMarts.ROUTINE_SCOREBOARD.name()))) {
      packs.add(new PackRequest(PackRequest.Kind.ROUTINE, null));
    }
    String packsDir = context.run().packs();
    List<String> files =
        PackOutput.render(context.run().runDir(), packs, packsDir, context.publisher());
    Map<String, String> outputs = new LinkedHashMap<>();
    long workbooks = 0;
    long charts = 0;
    for (String f : files) {
      String name = f.substring(f.lastIndexOf('/') + 1);
      if (name.endsWith(".xlsx")) {
        outputs.put("pack:" + name, f);
        workbooks++;
      } else {
        charts++;
      }
    }
    context
        .console()
        .println("report: " + workbooks + " pack(s), " + charts + " chart file(s) in " + packsDir);
    return new StageResult(
        name(),
        outputs,
        Map.of("packs", workbooks, "chart_files", charts),
        List.of("packs: " + String.join(", ", packs.stream().map(PackRequest::toString).toList())));
  }
}
