package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.reports.marts.RunInfo;

/**
 * An input folder whose ingest.yaml says {@code synthetic: true} gives a run whose manifest says so
 * — also while the stages run, when the report stage renders the packs from the provisional
 * manifest — and a folder without it never does.
 */
class SyntheticFlagTest extends SparkTestBase {
  @TempDir Path tmp;

  /** Records what the report stage would read about the run while the pipeline runs. */
  private static final class Probe implements Stage {
    final List<Boolean> seen = new ArrayList<>();

    @Override
    public String name() {
      return "probe";
    }

    @Override
    public StageResult execute(StageContext context) {
      seen.add(RunInfo.read(context.run().runDir()).synthetic());
      return new StageResult(name(), Map.of(), Map.of(), List.of());
    }
  }

  private RunManifest run(Path input, Path root, Probe probe) throws Exception {
    PipelineRun.Request req =
        new PipelineRun.Request(
            input.toUri().toString(),
            root.toUri().toString(),
            List.of(new Pipeline.Step(probe, Map.of())),
            Map.of("period", "2024"),
            List.of(),
            1.0,
            false);
    PipelineRun.Result r = new PipelineRun(spark).execute(req, HistoryFixtures.quiet());
    return RunManifest.fromJson(Files.readString(Path.of(java.net.URI.create(r.run().manifest()))));
  }

  @Test
  void sampleLikeFolderIsSyntheticWhileTheStagesRunAndInTheManifest() throws Exception {
    Path input = HistoryFixtures.inputFolder(tmp.resolve("synthetic"), HistoryFixtures.ZONES_V1);
    HistoryFixtures.write(input.resolve("ingest.yaml"), "synthetic: true\n");
    Probe probe = new Probe();
    RunManifest m = run(input, tmp.resolve("root-a"), probe);
    assertEquals(List.of(true), probe.seen, "the report stage would have drawn no banner");
    assertTrue(m.synthetic());
  }

  @Test
  void realFolderIsNeverSynthetic() throws Exception {
    Path input = HistoryFixtures.inputFolder(tmp.resolve("real"), HistoryFixtures.ZONES_V1);
    Probe probe = new Probe();
    RunManifest m = run(input, tmp.resolve("root-b"), probe);
    assertEquals(List.of(false), probe.seen);
    assertFalse(m.synthetic());
  }
}
