package zoneassess.jobs.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server for one test class, started by the project's own {@code
 * bin/ensure-postgres} (which installs Debian's package when it is missing and runs as root). The
 * script watches this JVM: the server stops when {@link #close} is called, and also when the JVM
 * ends without calling it.
 */
public final class ThrowawayPostgres implements AutoCloseable {
  private final Path script;
  private final Map<String, String> info;
  private boolean stopped;

  private ThrowawayPostgres(Path script, Map<String, String> info) {
    this.script = script;
    this.info = info;
  }

  /** Starts a server; fails with the script's output when it cannot. */
  public static ThrowawayPostgres start() throws IOException, InterruptedException {
    Path project = Path.of(System.getProperty("zoneassess.project.dir", "..")).toAbsolutePath();
    Path script = project.resolve("bin/ensure-postgres").normalize();
    Path log = Files.createTempFile("ensure-postgres", ".log");
    Process p =
        new ProcessBuilder(
                List.of(
                    script.toString(),
                    "start",
                    "--watch",
                    String.valueOf(ProcessHandle.current().pid())))
            .redirectError(log.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException(
          "bin/ensure-postgres start failed:\n" + out + Files.readString(log));
    }
    Files.deleteIfExists(log);
    Map<String, String> info = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        info.put(line.substring(0, eq), line.substring(eq + 1).strip());
      }
    }
    return new ThrowawayPostgres(script, info);
  }

  public String jdbcUrl() {
    return info.get("JDBC_URL");
  }

  public String user() {
    return info.get("PGUSER");
  }

  public String password() {
    return info.get("PGPASSWORD");
  }

  public int port() {
    return Integer.parseInt(info.get("PGPORT"));
  }

  /** Stops the server and removes its folder (idempotent). */
  public void stop() throws IOException, InterruptedException {
    if (stopped) {
      return;
    }
    Process p =
        new ProcessBuilder(script.toString(), "stop", info.get("PGDIR")).inheritIO().start();
    p.waitFor(2, TimeUnit.MINUTES);
    stopped = true;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }
}
