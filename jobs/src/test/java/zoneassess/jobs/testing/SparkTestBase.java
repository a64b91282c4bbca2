package zoneassess.jobs.testing;

import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.spark.SparkSessions;

/**
 * One local SparkSession for the whole test JVM ({@code local[2]}, UI off, bound to 127.0.0.1).
 * Tests extend this and use {@link #spark}; nobody stops the session.
 *
 * <p>Its SQL settings are those of {@link SparkSessions#create} (shuffle partitions, input split
 * size): a CLI test runs a command in this JVM, and the command's {@code getOrCreate} applies its
 * settings to this same session. With different values, every test after the first CLI test would
 * run under other settings than the tests before it, and results would depend on test order.
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
            .config(
                "spark.sql.shuffle.partitions", String.valueOf(SparkSessions.SHUFFLE_PARTITIONS))
            .config("spark.sql.files.maxPartitionBytes", "32m")
            .config("spark.sql.parquet.compression.codec", "snappy")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.sql.legacy.javaCharsets", "true")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
  }
}
