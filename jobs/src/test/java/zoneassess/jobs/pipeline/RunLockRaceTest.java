package zoneassess.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.testing.ChildJvm;

/**
 * Two separate JVMs race for the lock of one output root, many times: never may both hold it at
 * once — neither for a free lock nor when both find a stale lock (its holder dead) and try to take
 * it over.
 */
class RunLockRaceTest {
  private static final int TRIALS = 40;
  private static final int STALE_TRIALS = 60;

  @TempDir Path tmp;

  @Test
  void twoProcessesNeverBothHoldAFreeLock() throws Exception {
    Tally t = race(TRIALS, null);
    assertEquals(List.of(), t.violations);
    assertEquals(TRIALS, t.trialsWithAHolder, "every trial some process got the lock");
    assertTrue(t.trialsWithOneHolder > 0, "the processes really competed: " + t);
  }

  @Test
  void twoProcessesNeverBothTakeOverAStaleLock() throws Exception {
    long dead = deadPid();
    String stale =
        dead
            + "@"
            + RunLock.host()
            + "\nrun file:/data/old/\n2026-01-01T00:00:00Z\nprocess-start 2026-01-01T00:00:00Z\n";
    Tally t = race(STALE_TRIALS, stale);
    assertEquals(List.of(), t.violations);
    assertEquals(STALE_TRIALS, t.trialsWithAHolder, "the stale lock was taken over every time");
    assertTrue(t.trialsWithOneHolder > 0, "the processes really competed: " + t);
  }

  private record Tally(List<String> violations, int trialsWithAHolder, int trialsWithOneHolder) {}

  /** Runs {@code trials} races; before each, {@code staleLock} (if any) is planted as the lock. */
  private Tally race(int trials, String staleLock) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("sync"));
    Path root = Files.createDirectories(tmp.resolve("root"));
    Process a = child(dir, root, "a", trials);
    Process b = child(dir, root, "b", trials);
    List<String> violations = new ArrayList<>();
    int withHolder = 0;
    int withOne = 0;
    try {
      for (int i = 0; i < trials; i++) {
        await(dir, "ready-" + i + "-a", a);
        await(dir, "ready-" + i + "-b", b);
        assertFalse(Files.exists(root.resolve(".lock")), "the lock was released after trial");
        if (staleLock != null) {
          Files.writeString(root.resolve(".lock"), staleLock, StandardCharsets.UTF_8);
        }
        Files.writeString(dir.resolve("go-" + i), "");
        String ra = Files.readString(await(dir, "done-" + i + "-a", a), StandardCharsets.UTF_8);
        String rb = Files.readString(await(dir, "done-" + i + "-b", b), StandardCharsets.UTF_8);
        for (String n : List.of("a", "b")) {
          if (Files.exists(dir.resolve("violation-" + i + "-" + n))) {
            violations.add("trial " + i + ": " + n + " found another holder inside");
          }
        }
        int acquired = (ra.equals("acquired") ? 1 : 0) + (rb.equals("acquired") ? 1 : 0);
        withHolder += acquired > 0 ? 1 : 0;
        withOne += acquired == 1 ? 1 : 0;
      }
      assertTrue(a.waitFor(30, TimeUnit.SECONDS) && b.waitFor(30, TimeUnit.SECONDS));
      assertEquals(0, a.exitValue(), stderr("a"));
      assertEquals(0, b.exitValue(), stderr("b"));
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }
    return new Tally(violations, withHolder, withOne);
  }

  private Path await(Path dir, String name, Process p) throws Exception {
    Path f = dir.resolve(name);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(f)) {
      if (!p.isAlive() && !Files.exists(f)) {
        throw new AssertionError("child ended before " + name + ": " + stderr(dirName(p)));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + name);
      }
      Thread.sleep(1);
    }
    return f;
  }

  private final List<Process> started = new ArrayList<>();

  private String dirName(Process p) {
    return started.indexOf(p) == 0 ? "a" : "b";
  }

  private String stderr(String name) {
    try {
      Path f = tmp.resolve("child-" + name + ".err");
      return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private Process child(Path dir, Path root, String name, int trials) throws Exception {
    List<String> cmd = ChildJvm.command("256m", LockRaceChild.class.getName(), List.of());
    cmd = new ArrayList<>(cmd);
    cmd.addAll(List.of(dir.toString(), root.toUri().toString(), name, String.valueOf(trials)));
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(tmp.resolve("child-" + name + ".err").toFile())
            .start();
    started.add(p);
    return p;
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    long pid = p.pid();
    assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    return pid;
  }

  static Instant now() {
    return Instant.now();
  }
}
