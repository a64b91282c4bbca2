package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.assess.AssessmentStage;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Pipeline;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.sample.SampleProvince;
import zoneassess.jobs.sample.SampleScale;
import zoneassess.jobs.sample.SampleSpec;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;

/**
 * The file layout of a run is the publishing code's, not the cluster's: the same inputs run with
 * {@code spark.sql.shuffle.partitions} 64 (what a YARN user may pass with {@code --conf}) and 2
 * (the test default) publish the same outputs with the same files (names and bytes: {@code
 * Publisher#sha256} of a folder hashes each file's relative path with its bytes) and the same rows.
 */
class ShufflePartitionsLayoutTest extends SparkTestBase {
  private static final String METHODOLOGY = "classpath:methodologies/jiangsu-2021.yaml";
  private static final String RULES = "classpath:rules/jiangsu-2021-rules.yaml";

  @TempDir Path tmp;

  @Test
  void sixtyFourShufflePartitionsPublishTheSameFilesAsTwo() throws Exception {
    Path sample = tmp.resolve("sample");
    SampleProvince.generate(
        spark, new SampleSpec(42, SampleScale.parse("small")), sample.toUri().toString());
    Path input = Files.createDirectories(tmp.resolve("in"));
    for (String f :
        List.of(
            "areas.csv",
            "zones.xlsx",
            "zone_stats.csv",
            "major_projects.xlsx",
            "zone_events.csv",
            "ingest.yaml")) {
      Files.copy(sample.resolve(f), input.resolve(f));
    }
    Map<String, String[]> two = publish(input, tmp.resolve("two"), "2");
    Map<String, String[]> sixtyFour = publish(input, tmp.resolve("sixty-four"), "64");
    assertEquals(two.keySet(), sixtyFour.keySet(), "the same outputs");
    assertTrue(two.containsKey("assessment") && two.containsKey("staging/zone_stats"), "" + two);
    for (String name : two.keySet()) {
      assertEquals(
          two.get(name)[1],
          sixtyFour.get(name)[1],
          () -> name + ": same rows; " + firstDifference(name));
      assertEquals(
          two.get(name)[0],
          sixtyFour.get(name)[0],
          () -> name + ": same files, same bytes; " + firstDifference(name));
    }
    assertEquals(
        files(tmp.resolve("two")), files(tmp.resolve("sixty-four")), "the same file names");
  }

  /** The first row at which the two runs' copies of {@code output} differ, for the message. */
  private String firstDifference(String output) {
    try {
      List<org.apache.spark.sql.Row> a = rows(tmp.resolve("two"), output);
      List<org.apache.spark.sql.Row> b = rows(tmp.resolve("sixty-four"), output);
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        if (!a.get(i).equals(b.get(i))) {
          return "row " + i + ": " + a.get(i) + " vs " + b.get(i);
        }
      }
      return "rows " + a.size() + " vs " + b.size();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private List<org.apache.spark.sql.Row> rows(Path root, String output) throws Exception {
    try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
      Path run = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().get();
      Path dir = output.contains("/") ? run.resolve(output) : run.resolve("marts/" + output);
      return spark.read().parquet(dir.toString()).collectAsList();
    }
  }

  /** Runs ingest + assess with {@code partitions}; returns output → (file hash, content hash). */
  private Map<String, String[]> publish(Path input, Path root, String partitions) throws Exception {
    String before = spark.conf().get("spark.sql.shuffle.partitions");
    PipelineRun.Result r;
    try {
      spark.conf().set("spark.sql.shuffle.partitions", partitions);
      r =
          new PipelineRun(spark)
              .execute(
                  new PipelineRun.Request(
                      input.toUri().toString(),
                      root.toUri().toString(),
                      List.of(
                          new Pipeline.Step(
                              new AssessmentStage(new EngineZoneScoring()),
                              Map.of(
                                  AssessmentStage.PERIOD,
                                  "latest",
                                  AssessmentStage.METHODOLOGY,
                                  METHODOLOGY,
                                  AssessmentStage.RULES,
                                  RULES))),
                      Map.of("period", "latest", "methodology", METHODOLOGY, "rules", RULES),
                      List.of(METHODOLOGY, RULES),
                      1.0,
                      false),
                  HistoryFixtures.quiet());
    } finally {
      spark.conf().set("spark.sql.shuffle.partitions", before);
    }
    RunManifest m =
        RunManifest.fromJson(
            new Publisher(spark)
                .readText(RunLayout.published(root.toUri().toString(), r.runId()).manifest()));
    Map<String, String[]> out = new TreeMap<>();
    for (RunManifest.Output o : m.outputs()) {
      out.put(o.name(), new String[] {o.sha256(), o.contentSha256()});
    }
    return out;
  }

  /** The data files under every run of {@code root}, relative to their run folder. */
  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> runs = Files.list(root.resolve("runs"))) {
      Path run = runs.filter(p -> !p.getFileName().toString().startsWith(".")).findFirst().get();
      try (Stream<Path> all = Files.walk(run)) {
        return all.filter(Files::isRegularFile)
            .map(p -> run.relativize(p).toString())
            .filter(p -> p.contains("part-"))
            .sorted()
            .toList();
      }
    }
  }
}
