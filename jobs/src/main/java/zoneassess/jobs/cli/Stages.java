package zoneassess.jobs.cli;

import java.util.List;
import java.util.Map;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.report.ReportStage;

/** Stage lists shared by the commands that run several stages. */
final class Stages {
  private Stages() {}

  /** Adds the report stage unless packs are skipped. */
  static void addReport(List<Pipeline.Step> stages, boolean skip, String packs) {
    if (!skip) {
      stages.add(new Pipeline.Step(new ReportStage(), Map.of("packs", packs)));
    }
  }
}
