package zoneassess.jobs.testing;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.spark.SparkSessions;

/**
 * One local SparkSession for the whole test JVM ({@code local[2]}, UI off, bound to 127.0.0.1).
 * Tests extend this and use {@link #spark}; nobody stops the session.
 *
 * <p>Its settings are those of {@link SparkSessions#conf} (shuffle partitions, input split size,
 * adaptive execution off): a CLI test runs a command in this JVM, and the command's {@code
 * getOrCreate} applies its settings to this same session. With different values, every test after
 * the first CLI test would run under other settings than the tests before it, and results would
 * depend on test order.
 */
public abstract class SparkTestBase {
  protected static final SparkSession spark = Holder.SESSION;

  private static final class Holder {
    static final SparkSession SESSION =
        SparkSession.builder()
            .config(SparkSessions.conf("local[2]", "zoneassess-tests", new SparkConf()))
            .config("spark.default.parallelism", "2")
            .getOrCreate();
  }
}
