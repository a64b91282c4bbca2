package zoneassess.jobs.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import zoneassess.jobs.cli.Main;

/** When a lock is stale, and what {@code zoneassess unlock} does with each kind of lock. */
class RunLockTest {
  @TempDir Path tmp;

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static String lock(long pid, String host, String acquired, String processStart) {
    return pid + "@" + host + "\nrun file:/data/\n" + acquired + "\nprocess-start " + processStart;
  }

  @Test
  void deadProcessOnThisHostIsStale() throws Exception {
    long dead = deadPid();
    RunLock.Holder h =
        RunLock.Holder.parse(lock(dead, RunLock.host(), "2026-11-30T11:59:00Z", "x"));
    assertEquals(Optional.of("process " + dead + " is no longer running"), h.staleReason(NOW));
  }

  @Test
  void recycledPidIsStale() {
    ProcessHandle me = ProcessHandle.current();
    RunLock.Holder h =
        RunLock.Holder.parse(
            lock(me.pid(), RunLock.host(), "2026-11-30T11:59:00Z", "2001-01-01T00:00:00Z"));
    assertEquals(
        Optional.of(
            "pid "
                + me.pid()
                + " now belongs to another process (started "
                + me.info().startInstant().orElseThrow()
                + ")"),
        h.staleReason(NOW));
  }

  @Test
  void liveProcessOnThisHostHoldsTheLock() {
    ProcessHandle me = ProcessHandle.current();
    String start = me.info().startInstant().orElseThrow().toString();
    RunLock.Holder h =
        RunLock.Holder.parse(lock(me.pid(), RunLock.host(), "2020-01-01T00:00:00Z", start));
    assertEquals(Optional.empty(), h.staleReason(NOW), "age does not matter on this host");
    assertTrue(h.aliveHere());
  }

  @Test
  void otherHostExpiresAfterSixHours() {
    RunLock.Holder fresh =
        RunLock.Holder.parse(lock(42, "other-host", "2026-11-30T06:00:01Z", "x"));
    assertEquals(Optional.empty(), fresh.staleReason(NOW));
    RunLock.Holder old = RunLock.Holder.parse(lock(42, "other-host", "2026-11-30T05:59:59Z", "x"));
    assertEquals(
        Optional.of("taken on host other-host at 2026-11-30T05:59:59Z, more than 6 h ago"),
        old.staleReason(NOW));
  }

  @Test
  void liveHolderBlocksWithItsNameAndStaleOneIsTakenOver() throws Exception {
    String root = tmp.toUri().toString();
    Configuration conf = new Configuration();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
    try (RunLock held = RunLock.acquire(root, conf, "run first", out)) {
      RunLock.HeldException e =
          assertThrows(
              RunLock.HeldException.class, () -> RunLock.acquire(root, conf, "run second", out));
      String me = ProcessHandle.current().pid() + "@" + RunLock.host() + " run first ";
      assertTrue(
          e.getMessage()
              .startsWith("another run holds the lock " + RunLock.lockPath(root) + ": " + me),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .endsWith(
                  " — wait for it to finish; if that process is gone, 'zoneassess unlock' removes"
                      + " the lock"),
          e.getMessage());
    }
    assertFalse(Files.exists(tmp.resolve(".lock")), "released on close");

    long dead = deadPid();
    Files.writeString(
        tmp.resolve(".lock"), lock(dead, RunLock.host(), "2026-11-30T01:00:00Z", "x"));
    try (RunLock taken = RunLock.acquire(root, conf, "run third", out)) {
      assertTrue(
          Files.readString(tmp.resolve(".lock"))
              .startsWith(ProcessHandle.current().pid() + "@" + RunLock.host() + "\nrun third\n"));
    }
    assertTrue(
        console
            .toString(StandardCharsets.UTF_8)
            .contains(
                "lock: took over a stale lock (process "
                    + dead
                    + " is no longer running): "
                    + dead
                    + "@"),
        console.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unlockRefusesALiveHolderHereUnlessForced() throws Exception {
    ProcessHandle me = ProcessHandle.current();
    String text =
        lock(
            me.pid(),
            RunLock.host(),
            "2026-11-30T01:00:00Z",
            me.info().startInstant().orElseThrow().toString());
    Files.writeString(tmp.resolve(".lock"), text);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(5, unlock(out, err, "--out", tmp.toString()));
    assertEquals(
        "unlock: refused: the lock is held by a running process on this host: "
            + text.replace('\n', ' ')
            + " (stop that run first, or use --force)\n",
        err.toString());
    assertTrue(Files.exists(tmp.resolve(".lock")));

    assertEquals(0, unlock(out, err, "--out", tmp.toString(), "--force"));
    assertFalse(Files.exists(tmp.resolve(".lock")));
  }

  @Test
  void unlockRemovesADeadHoldersLockAndSaysWhy() throws Exception {
    long dead = deadPid();
    String text = lock(dead, RunLock.host(), "2026-11-30T01:00:00Z", "x");
    Files.writeString(tmp.resolve(".lock"), text);
    StringWriter out = new StringWriter();
    assertEquals(0, unlock(out, new StringWriter(), "--out", tmp.toString()));
    assertEquals(
        "unlock: removed the lock "
            + RunLock.lockPath(tmp.toUri().toString())
            + " held by "
            + text.replace('\n', ' ')
            + " (process "
            + dead
            + " is no longer running)\n",
        out.toString());
    assertFalse(Files.exists(tmp.resolve(".lock")));
    StringWriter again = new StringWriter();
    assertEquals(0, unlock(again, new StringWriter(), "--out", tmp.toString()));
    assertEquals("unlock: no lock under " + tmp.toUri() + "\n", again.toString());
  }

  private static int unlock(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 1];
    all[0] = "unlock";
    System.arraycopy(args, 0, all, 1, args.length);
    return cl.execute(all);
  }

  static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    return p.pid();
  }
}
