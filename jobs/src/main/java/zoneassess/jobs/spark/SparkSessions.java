package zoneassess.jobs.spark;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every command uses. The launcher wins: whatever {@code spark-submit},
 * {@code --conf} or a {@code -Dspark.*} system property sets (master, driver host, shuffle
 * partitions, executor memory…) is kept; the defaults below apply only to settings nobody gave. The
 * CLI's own {@code --master} option counts as a launcher setting and wins over {@code
 * spark.master}; without either the session runs in {@code local[*]}.
 *
 * <p>Outputs do not depend on these settings: how many files a dataset has and the order of its
 * rows are decided by the publishing code ({@code io/Publisher}, {@code io/MartWriter}), so a run
 * with {@code spark.sql.shuffle.partitions=64} publishes the same files as one with the default.
 *
 * <p>On a standalone cluster ({@code spark://…}) started by {@code bin/zoneassess} (no {@code
 * spark-submit}), the executors need the project's classes: the launcher passes its classpath as
 * {@code -Dzoneassess.classpath}; the project's own jars go to {@code spark.jars} (lambdas fail on
 * executors without it) and the rest to {@code spark.executor.extraClassPath}.
 */
public final class SparkSessions {
  /**
   * Shuffle partitions when the launcher sets none (Spark's default 200 is pure overhead on a small
   * machine). Not an output-layout setting: see the class comment.
   */
  public static final int SHUFFLE_PARTITIONS = 4;

  /**
   * How many times {@link #create} was called in this JVM: the CLI tests check that argument and
   * specification errors come back before any session is asked for.
   */
  private static final java.util.concurrent.atomic.AtomicInteger REQUESTED =
      new java.util.concurrent.atomic.AtomicInteger();

  private SparkSessions() {}

  /**
   * A session for {@code master} (the CLI's {@code --master}; when null or blank, the launcher's
   * {@code spark.master}, else {@code local[*]}).
   */
  public static SparkSession create(String master, String appName) {
    REQUESTED.incrementAndGet();
    scala.Option<SparkSession> running = SparkSession.getDefaultSession();
    if (running.isDefined() && !running.get().sparkContext().isStopped()) {
      // One session per JVM: a command started inside a JVM that already has one (a test suite)
      // uses it as it is instead of changing its settings (shuffle partitions) under its users.
      return running.get();
    }
    return SparkSession.builder().config(conf(master, appName, new SparkConf())).getOrCreate();
  }

  /**
   * The settings of a session: {@code launcher} (Spark's {@code SparkConf}, which holds the
   * launcher's {@code spark.*} system properties) completed with the project's defaults.
   */
  public static SparkConf conf(String master, String appName, SparkConf launcher) {
    SparkConf c = launcher.clone();
    if (master != null && !master.isBlank()) {
      c.setMaster(master);
    }
    c.setIfMissing("spark.master", "local[*]");
    c.setIfMissing("spark.app.name", appName);
    String m = c.get("spark.master");
    c.setIfMissing("spark.ui.enabled", "false");
    c.setIfMissing("spark.ui.showConsoleProgress", "false");
    c.setIfMissing("spark.sql.session.timeZone", "UTC");
    c.setIfMissing("spark.sql.shuffle.partitions", String.valueOf(SHUFFLE_PARTITIONS));
    // Adaptive execution runs every shuffle stage of a query as a job of its own and re-plans
    // between them. On a province (42 k enterprise-years) that made 650 jobs of one task each and
    // plan descriptions of 830 k characters; without it a run has about 250 jobs and the same
    // outputs (measured: docs/performance.md). A cluster launch can turn it back on with --conf.
    c.setIfMissing("spark.sql.adaptive.enabled", "false");
    // Input splits of at most 32 MB: eight 30 MB enterprise files make eight scan tasks rather
    // than three, which left one of two cores idle for a third of every scan.
    c.setIfMissing("spark.sql.files.maxPartitionBytes", "32m");
    c.setIfMissing("spark.sql.legacy.javaCharsets", "true");
    c.setIfMissing("spark.sql.parquet.compression.codec", "snappy");
    if (onLoopback(m)) {
      c.setIfMissing("spark.driver.host", "127.0.0.1");
      c.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    String cp = System.getProperty("zoneassess.classpath");
    if (m.startsWith("spark://") && cp != null && !c.contains("spark.jars")) {
      String jars =
          Arrays.stream(cp.split(System.getProperty("path.separator")))
              .filter(p -> p.matches(".*/(jobs|data-schema|reports)-[^/]*\\.jar$"))
              .collect(Collectors.joining(","));
      c.set("spark.jars", jars);
      c.setIfMissing("spark.executor.extraClassPath", cp);
      c.setIfMissing(
          "spark.executor.memory", System.getProperty("zoneassess.executor.memory", "1g"));
      c.setIfMissing(
          "spark.executor.extraJavaOptions",
          "-XX:+IgnoreUnrecognizedVMOptions --add-opens=java.base/java.lang=ALL-UNNAMED"
              + " --add-opens=java.base/java.nio=ALL-UNNAMED"
              + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED"
              + " --add-opens=java.base/java.util=ALL-UNNAMED"
              + " --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
              + " -Djava.awt.headless=true");
    }
    return c;
  }

  /** Local mode, or a standalone master on this machine's loopback address. */
  private static boolean onLoopback(String master) {
    if (master.startsWith("local")) {
      return true;
    }
    if (!master.startsWith("spark://")) {
      return false;
    }
    String host = URI.create(master).getHost();
    return host != null
        && (host.startsWith("127.") || host.toLowerCase(Locale.ROOT).equals("localhost"));
  }

  /** Sessions requested through {@link #create} so far in this JVM. */
  public static int requested() {
    return REQUESTED.get();
  }
}
