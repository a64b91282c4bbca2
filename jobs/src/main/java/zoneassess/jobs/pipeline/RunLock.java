package zoneassess.jobs.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writer at a time per output root: {@code <root>/.lock} names its holder, one fact a line:
 *
 * <pre>
 * 12345@host-a                       pid@host
 * run file:/data/2025-09/            the command
 * 2026-11-30T02:00:01Z               when the lock was taken
 * process-start 2026-11-30T02:00:00Z when the holding process started
 * </pre>
 *
 * <p>The lock is taken atomically: on a local file system the holder text is written to a unique
 * file which is then hard-linked to {@code .lock} ({@code link(2)} fails when the name exists), so
 * the lock never exists without its text; elsewhere {@code create(overwrite=false)}, which HDFS
 * makes atomic.
 *
 * <p>A lock is <b>stale</b> when its holder on this host is no longer running, when its pid now
 * belongs to a process that started later (a recycled pid), or when it was taken on another host
 * more than {@link #EXPIRY} ago (runs take minutes; a crashed host must not block the cron job
 * forever). Taking over a stale lock is itself serialised by a second lock, {@code .lock.takeover}:
 * only its holder may delete the stale lock, after checking it is still the one judged stale, and
 * then competes for {@code .lock} like everyone else — so two processes never both proceed. {@code
 * zoneassess unlock} removes a lock by hand.
 */
public final class RunLock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunLock.class);

  /** A lock taken on another host is stale after this long. */
  public static final Duration EXPIRY = Duration.ofHours(6);

  /** A takeover lock older than this was left by a process that died while taking over. */
  static final Duration TAKEOVER_EXPIRY = Duration.ofMinutes(2);

  private final FileSystem fs;
  private final Path path;
  private final String text;

  /** Thrown when another run holds the lock; the message names the holder. */
  public static final class HeldException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    HeldException(String message) {
      super(message);
    }
  }

  /** What a lock file says, and whether it is stale (with the reason). */
  public record Holder(String text, long pid, String host, Instant acquired, Instant processStart) {
    /** Parses a lock file's text; unknown or missing lines leave fields empty (-1, null). */
    public static Holder parse(String text) {
      String[] lines = text.strip().split("\n");
      long pid = -1;
      String host = "";
      String first = lines.length > 0 ? lines[0].strip() : "";
      int at = first.indexOf('@');
      if (at > 0) {
        try {
          pid = Long.parseLong(first.substring(0, at));
        } catch (NumberFormatException e) {
          pid = -1;
        }
        host = first.substring(at + 1);
      }
      Instant acquired = lines.length > 2 ? instant(lines[2].strip()) : null;
      Instant start = null;
      for (String l : lines) {
        if (l.startsWith("process-start ")) {
          start = instant(l.substring("process-start ".length()).strip());
        }
      }
      return new Holder(text, pid, host, acquired, start);
    }

    /** Why this lock is stale, or empty when its holder may still be running. */
    public Optional<String> staleReason(Instant now) {
      if (pid < 0) {
        return Optional.empty();
      }
      if (!host.equals(RunLock.host())) {
        if (acquired != null && acquired.plus(EXPIRY).isBefore(now)) {
          return Optional.of(
              "taken on host "
                  + host
                  + " at "
                  + acquired
                  + ", more than "
                  + hours(EXPIRY)
                  + " ago");
        }
        return Optional.empty();
      }
      Optional<ProcessHandle> process = ProcessHandle.of(pid);
      if (process.isEmpty() || !process.get().isAlive()) {
        return Optional.of("process " + pid + " is no longer running");
      }
      Optional<Instant> started = process.get().info().startInstant();
      if (processStart != null
          && started.isPresent()
          && Duration.between(processStart, started.get()).abs().toSeconds() > 1) {
        return Optional.of(
            "pid " + pid + " now belongs to another process (started " + started.get() + ")");
      }
      return Optional.empty();
    }

    /** True when the holder is a live process on this host. */
    public boolean aliveHere() {
      return host.equals(RunLock.host()) && staleReason(Instant.now()).isEmpty();
    }

    /** One line for messages. */
    public String describe() {
      return text.strip().replace('\n', ' ');
    }

    private static Instant instant(String s) {
      try {
        return Instant.parse(s);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }

  private RunLock(FileSystem fs, Path path, String text) {
    this.fs = fs;
    this.path = path;
    this.text = text;
  }

  /** {@code <root>/.lock}. */
  public static Path lockPath(String root) {
    return new Path(root + "/.lock");
  }

  /**
   * Takes the lock of {@code root} for {@code command}, taking over a stale one with a message;
   * throws {@link HeldException} naming the holder when a live run holds it.
   */
  public static RunLock acquire(
      String root, Configuration conf, String command, PrintStream console) {
    Path p = lockPath(root);
    try {
      FileSystem fs = p.getFileSystem(conf);
      fs.mkdirs(p.getParent());
      String me = holderText(command);
      for (int attempt = 0; attempt < 3; attempt++) {
        if (createExclusively(fs, p, me)) {
          return new RunLock(fs, p, me);
        }
        Optional<String> holderText = read(fs, p);
        if (holderText.isEmpty()) {
          continue; // released between our attempt and the read: try again
        }
        Holder holder = Holder.parse(holderText.get());
        Optional<String> stale = holder.staleReason(Instant.now());
        if (stale.isEmpty()) {
          throw held(p, holder);
        }
        if (!removeStale(fs, p, holderText.get(), me)) {
          continue; // another process is taking it over, or already did: compete again
        }
        console.println("lock: took over a stale lock (" + stale.get() + "): " + holder.describe());
        LOG.warn("took over a stale lock ({}): {}", stale.get(), holder.describe());
      }
      Optional<String> now = read(fs, p);
      throw held(p, Holder.parse(now.orElse("(unreadable)")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the lock " + p, e);
    }
  }

  /** The holder of the lock of {@code root}, if any. */
  public static Optional<Holder> holder(String root, Configuration conf) {
    Path p = lockPath(root);
    try {
      return read(p.getFileSystem(conf), p).map(Holder::parse);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the lock " + p, e);
    }
  }

  /**
   * Removes the lock of {@code root} if it still has the text {@code expected} (by hand: {@code
   * zoneassess unlock}); true when it was removed.
   */
  public static boolean release(String root, Configuration conf, String expected) {
    Path p = lockPath(root);
    try {
      FileSystem fs = p.getFileSystem(conf);
      return removeStale(fs, p, expected, holderText("unlock"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the lock " + p, e);
    }
  }

  @Override
  public void close() {
    try {
      // Only our own lock is removed: after a takeover by hand it may be someone else's.
      if (read(fs, path).map(text::equals).orElse(false)) {
        fs.delete(path, false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HeldException held(Path p, Holder holder) {
    return new HeldException(
        "another run holds the lock "
            + p
            + ": "
            + holder.describe()
            + " — wait for it to finish; if that process is gone, 'zoneassess unlock' removes the"
            + " lock");
  }

  /**
   * Deletes the lock at {@code p} if its text is still {@code expected}, serialised by the takeover
   * lock so that no two processes delete and re-create it in turn.
   */
  private static boolean removeStale(FileSystem fs, Path p, String expected, String me)
      throws IOException {
    Path takeover = new Path(p.getParent(), p.getName() + ".takeover");
    if (!createExclusively(fs, takeover, me)) {
      Optional<String> other = read(fs, takeover);
      if (other.isPresent() && takeoverAbandoned(fs, takeover, other.get())) {
        // Its holder died inside the few milliseconds a takeover takes: clear it and retry.
        if (read(fs, takeover).map(other.get()::equals).orElse(false)) {
          fs.delete(takeover, false);
        }
      }
      return false;
    }
    try {
      Optional<String> current = read(fs, p);
      if (current.isEmpty() || !current.get().equals(expected)) {
        return false;
      }
      return fs.delete(p, false);
    } finally {
      fs.delete(takeover, false);
    }
  }

  private static boolean takeoverAbandoned(FileSystem fs, Path takeover, String text)
      throws IOException {
    Holder h = Holder.parse(text);
    if (h.host().equals(host())) {
      return h.staleReason(Instant.now()).isPresent();
    }
    long age = System.currentTimeMillis() - fs.getFileStatus(takeover).getModificationTime();
    return age > TAKEOVER_EXPIRY.toMillis();
  }

  /** Creates {@code p} with {@code text} unless it exists, atomically; true when created. */
  static boolean createExclusively(FileSystem fs, Path p, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(fs.getUri().getScheme())) {
      java.nio.file.Path target = java.nio.file.Path.of(fs.makeQualified(p).toUri());
      java.nio.file.Path tmp =
          target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.createLink(target, tmp);
        return true;
      } catch (FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        // No hard links: an exclusive create (the text follows within microseconds).
        try (OutputStream out =
            Files.newOutputStream(target, java.nio.file.StandardOpenOption.CREATE_NEW)) {
          out.write(bytes);
          return true;
        } catch (FileAlreadyExistsException e2) {
          return false;
        }
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    try (OutputStream out = fs.create(p, false)) {
      out.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  private static String holderText(String command) {
    String start =
        ProcessHandle.current().info().startInstant().map(Instant::toString).orElse("unknown");
    return pid()
        + "@"
        + host()
        + "\n"
        + command.replace('\n', ' ')
        + "\n"
        + Instant.now()
        + "\nprocess-start "
        + start
        + "\n";
  }

  private static Optional<String> read(FileSystem fs, Path p) throws IOException {
    try (InputStream in = fs.open(p)) {
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (java.io.FileNotFoundException | NoSuchFileException e) {
      return Optional.empty();
    }
  }

  private static String hours(Duration d) {
    return d.toHours() + " h";
  }

  private static long pid() {
    return ProcessHandle.current().pid();
  }

  static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }
}
