package zoneassess.jobs.spark;

import org.apache.spark.sql.SparkSession;

/**
 * Builds the SparkSession every command uses. Local mode by default; {@code --master} selects a
 * cluster. Shuffle partitions follow the core count: the default 200 is pure overhead on a small
 * machine, and a fixed count also keeps output file counts deterministic.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** A session for {@code master} ({@code local[*]} when null). */
  public static SparkSession create(String master, String appName) {
    String m = master == null || master.isBlank() ? "local[*]" : master;
    int cores = Runtime.getRuntime().availableProcessors();
    SparkSession.Builder b =
        SparkSession.builder()
            .appName(appName)
            .master(m)
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.shuffle.partitions", String.valueOf(Math.max(2, cores * 2)))
            .config("spark.sql.legacy.javaCharsets", "true")
            .config("spark.sql.parquet.compression.codec", "snappy")
            .config("spark.sql.sources.partitionOverwriteMode", "static")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
    return b.getOrCreate();
  }
}
