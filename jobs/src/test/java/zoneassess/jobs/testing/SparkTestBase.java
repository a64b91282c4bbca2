package zoneassess.jobs.testing;

import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession for the whole test JVM ({@code local[2]}, two shuffle partitions, UI off,
 * bound to 127.0.0.1). Tests extend this and use {@link #spark}; nobody stops the session.
 */
public abstract class SparkTestBase {
  protected static final SparkSession spark = Holder.SESSION;

  private static final class Holder {
    static final SparkSession SESSION =
        SparkSession.builder()
            .appName("zoneassess-tests")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.legacy.javaCharsets", "true")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }
}
