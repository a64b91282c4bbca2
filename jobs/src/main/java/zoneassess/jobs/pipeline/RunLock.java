package zoneassess.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run at a time per output root: {@code <root>/.lock} is created exclusively and names its
 * holder (pid@host, command, start time). A lock left by a process that is no longer alive on this
 * host is stale and taken over, with a message.
 */
public final class RunLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;

  /** Thrown when another run holds the lock; the message names the holder. */
  public static final class HeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  private RunLock(FileSystem fs, Path path) {
    this.fs = fs;
    this.path = path;
  }

  public static RunLock acquire(
      String root, Configuration conf, String command, java.io.PrintStream console) {
    Path p = new Path(root + "/.lock");
    try {
      FileSystem fs = p.getFileSystem(conf);
      fs.mkdirs(p.getParent());
      String me = pid() + "@" + host();
      for (int attempt = 0; attempt < 2; attempt++) {
        try (OutputStream out = fs.create(p, false)) {
          out.write(
              (me + "\n" + command + "\n" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8));
          return new RunLock(fs, p);
        } catch (FileAlreadyExistsException e) {
          String holder = read(fs, p).orElse("(unreadable)");
          if (isStale(holder)) {
            console.println("lock: taking over a stale lock left by " + firstLine(holder));
            fs.delete(p, false);
            continue;
          }
          throw new HeldException(
              "another run holds the lock "
                  + p
                  + ": "
                  + holder.strip().replace('\n', ' ')
                  + " — wait for it to finish, or delete the file if that process is gone");
        }
      }
      throw new HeldException("could not take the lock " + p);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + p, e);
    }
  }

  @Override
  public void close() {
    try {
      fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isStale(String holder) {
    String first = firstLine(holder);
    int at = first.indexOf('@');
    if (at < 0 || !first.substring(at + 1).equals(host())) {
      return false;
    }
    try {
      long pid = Long.parseLong(first.substring(0, at));
      return ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s.strip() : s.substring(0, nl).strip();
  }

  private static Optional<String> read(FileSystem fs, Path p) {
    try (InputStream in = fs.open(p)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }
}
