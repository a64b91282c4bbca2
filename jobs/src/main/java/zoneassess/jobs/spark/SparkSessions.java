package zoneassess.jobs.spark;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every command uses. Local mode by default; {@code --master} selects a
 * cluster. Shuffle partitions are fixed from the core count (the default 200 is pure overhead on a
 * small machine) and do not depend on the master, so local and cluster runs write the same files.
 *
 * <p>On a standalone cluster ({@code spark://…}) the executors need the project's classes: the
 * launcher passes its classpath as {@code -Dzoneassess.classpath}; the project's own jars go to
 * {@code spark.jars} (lambdas fail on executors without it) and the rest to {@code
 * spark.executor.extraClassPath}.
 */
public final class SparkSessions {
  /** Partitions used for shuffles; fixed so outputs do not depend on where the job runs. */
  public static final int SHUFFLE_PARTITIONS = 4;

  /**
   * How many times {@link #create} was called in this JVM: the CLI tests check that argument and
   * specification errors come back before any session is asked for.
   */
  private static final java.util.concurrent.atomic.AtomicInteger REQUESTED =
      new java.util.concurrent.atomic.AtomicInteger();

  private SparkSessions() {}

  /** A session for {@code master} ({@code local[*]} when null or blank). */
  public static SparkSession create(String master, String appName) {
    REQUESTED.incrementAndGet();
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      // One session per JVM: a command started inside a JVM that already has one (a test suite)
      // uses it as it is instead of changing its settings (shuffle partitions) under its users.
      return running.get();
    }
    String m = master == null || master.isBlank() ? "local[*]" : master;
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(appName)
            .master(m)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", String.valueOf(SHUFFLE_PARTITIONS))
            // Input splits of at most 32 MB: eight 30 MB enterprise files make eight scan tasks
            // rather than three, which left one of two cores idle for a third of every scan.
            .config("spark.sql.files.maxPartitionBytes", "32m")
            .config("spark.sql.legacy.javaCharsets", "true")
            .config("spark.sql.parquet.compression.codec", "snappy")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
    if (m.startsWith("spark://")) {
      String cp = System.getProperty("zoneassess.classpath", System.getProperty("java.class.path"));
      String jars =
          Arrays.stream(cp.split(System.getProperty("path.separator")))
              .filter(p -> p.matches(".*/(jobs|data-schema|reports)-[^/]*\\.jar$"))
              .collect(Collectors.joining(","));
      b.config("spark.executor.extraClassPath", cp)
          .config("spark.jars", jars)
          .config("spark.executor.memory", System.getProperty("zoneassess.executor.memory", "1g"))
          .config(
              "spark.executor.extraJavaOptions",
              "-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED"
                  + " --add-opens=java.base/java.nio=ALL-UNNAMED"
                  + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
                  + " --add-opens=java.base/java.util=ALL-UNNAMED"
                  + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
                  + " -Djava.awt.headless=true");
    }
    return b.getOrCreate();
  }

  /** Sessions requested through {@link #create} so far in this JVM. */
  public static int requested() {
    return REQUESTED.get();
  }
}
