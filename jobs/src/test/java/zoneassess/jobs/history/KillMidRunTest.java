package zoneassess.jobs.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.testing.ChildJvm;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * A real {@code zoneassess run} process is killed (SIGKILL) while its ingest stage runs. The run
 * published before it stays intact and readable, nothing half-written appears as finished, the
 * killed run's log is there up to its last line, and the next run takes over the stale lock,
 * removes the unfinished folder and succeeds.
 */
class KillMidRunTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void killedRunLeavesPublishedResultsIntactAndNextRunSucceeds() throws Exception {
    Path input = HistoryFixtures.inputFolder(tmp.resolve("in"), HistoryFixtures.ZONES_V1);
    Path root = tmp.resolve("root");
    HistoryFixtures.SettableClock clock = new HistoryFixtures.SettableClock("2025-03-18T02:00:00Z");
    PipelineRun.Result before =
        HistoryFixtures.ingestOnlyRun(spark, clock, input, root, List.of(), false);
    String latestBefore = Files.readString(root.resolve("LATEST"), StandardCharsets.UTF_8);
    assertEquals(before.runId() + "\n", latestBefore);

    Process child = startRun(input, root);
    String inProgress;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      List<String> seen = new ArrayList<>();
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("[stage 1 of")) {
        seen.add(line);
      }
      assertNotNull(line, "the child ended before a stage started: " + seen + "\n" + stderr());
      inProgress = onlyChild(root.resolve("runs/.inprogress"));
      assertTrue(Files.exists(root.resolve(".lock")), "the child holds the lock");
      child.destroyForcibly();
      assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    }
    assertEquals(137, child.exitValue(), "killed by SIGKILL");

    // The published run and LATEST are untouched and readable; the killed run is not published.
    assertEquals(latestBefore, Files.readString(root.resolve("LATEST"), StandardCharsets.UTF_8));
    assertEquals(List.of(".inprogress", before.runId()), names(root.resolve("runs")));
    assertFalse(Files.exists(root.resolve("runs/" + inProgress)));
    assertEquals(3, spark.read().parquet(before.run().staging("zones")).count());
    // The killed run's log was written as it went: it ends where the process died.
    String killedLog =
        Files.readString(root.resolve("logs/" + inProgress + ".log"), StandardCharsets.UTF_8);
    assertTrue(killedLog.contains("run " + inProgress + " → "), killedLog);
    // run --skip-packs --period 2024: ingest, anomalies, per-mu, allocation, assess, scoreboard
    // (an annual period), costs.
    assertTrue(killedLog.contains("[stage 1 of 7] ingest …"), killedLog);
    // The lock names the dead child.
    String lock = Files.readString(root.resolve(".lock"), StandardCharsets.UTF_8);
    assertTrue(lock.startsWith(child.pid() + "@"), lock);

    clock.set("2025-03-18T03:00:00Z");
    PipelineRun.Result next =
        HistoryFixtures.ingestOnlyRun(spark, clock, input, root, List.of(), true);

    assertEquals(
        next.runId() + "\n", Files.readString(root.resolve("LATEST"), StandardCharsets.UTF_8));
    assertEquals(
        List.of(".inprogress", before.runId(), next.runId()).stream().sorted().toList(),
        names(root.resolve("runs")));
    assertEquals(
        List.of(), names(root.resolve("runs/.inprogress")), "the killed run's folder is removed");
    assertFalse(Files.exists(root.resolve(".lock")));
    assertEquals(3, spark.read().parquet(next.run().staging("zones")).count());
  }

  private Path stderrFile() {
    return tmp.resolve("child.err");
  }

  private String stderr() throws Exception {
    return Files.exists(stderrFile()) ? Files.readString(stderrFile(), StandardCharsets.UTF_8) : "";
  }

  /**
   * {@code java … zoneassess.jobs.cli.Main run} with this JVM's class path and Spark module flags.
   */
  private Process startRun(Path input, Path root) throws Exception {
    List<String> cmd = ChildJvm.zoneassess(List.of());
    cmd.addAll(
        List.of(
            "run",
            "--input",
            input.toString(),
            "--out",
            root.toString(),
            "--force",
            "--skip-packs",
            "--period",
            "2024"));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderrFile().toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private static String onlyChild(Path dir) throws Exception {
    List<String> n = names(dir);
    assertEquals(1, n.size(), "one run in progress: " + n);
    return n.get(0);
  }

  private static List<String> names(Path dir) throws Exception {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> !n.endsWith(".crc"))
          .sorted()
          .toList();
    }
  }
}
