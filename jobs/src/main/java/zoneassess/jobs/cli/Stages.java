package zoneassess.jobs.cli;

import java.util.List;
import zoneassess.jobs.pipeline.Pipeline;

/** Stage lists shared by the commands that run several stages. */
final class Stages {
  private Stages() {}

  /** Adds the report stage unless packs are skipped. */
  static void addReport(List<Pipeline.Step> stages, boolean skip, String packs) {
    // The report stage is added when the reports module's stage lands.
  }
}
