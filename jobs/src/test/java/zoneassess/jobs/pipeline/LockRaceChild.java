package zoneassess.jobs.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A process that races for the run lock, trial after trial, in step with {@link RunLockRaceTest}:
 * for trial i it announces {@code ready-i-NAME}, waits for {@code go-i}, tries the lock once, and
 * while holding it occupies {@code inside} with an exclusive create — a second holder at the same
 * time finds {@code inside} taken and records {@code violation-i-NAME}. It ends each trial with
 * {@code done-i-NAME} holding "acquired" or "held". No Spark.
 */
public final class LockRaceChild {
  private LockRaceChild() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String root = args[1];
    String name = args[2];
    int trials = Integer.parseInt(args[3]);
    Configuration conf = new Configuration();
    PrintStream quiet =
        new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    for (int i = 0; i < trials; i++) {
      Files.writeString(dir.resolve("ready-" + i + "-" + name), "");
      Path go = dir.resolve("go-" + i);
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.exists(go)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("no go for trial " + i);
        }
        Thread.onSpinWait();
      }
      String result;
      try (RunLock lock = RunLock.acquire(root, conf, "race " + name, quiet)) {
        Path inside = dir.resolve("inside");
        try {
          Files.createFile(inside);
          Thread.sleep(30);
          Files.delete(inside);
        } catch (FileAlreadyExistsException e) {
          Files.writeString(dir.resolve("violation-" + i + "-" + name), "");
        }
        result = "acquired";
      } catch (RunLock.HeldException e) {
        result = "held";
      }
      Path done = dir.resolve("done-" + i + "-" + name);
      Path tmp = dir.resolve(".done-" + i + "-" + name);
      Files.writeString(tmp, result, StandardCharsets.UTF_8);
      Files.move(tmp, done, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }
}
