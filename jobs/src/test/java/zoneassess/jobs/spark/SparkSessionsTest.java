package zoneassess.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * The launcher wins: what {@code spark-submit} or {@code --conf} set (they reach the session as
 * {@code spark.*} settings of the {@link SparkConf}) is kept, and the project's defaults fill only
 * the gaps.
 */
class SparkSessionsTest {
  @Test
  void settingsFromSparkSubmitAreKept() {
    SparkConf launcher =
        new SparkConf(false)
            .setMaster("yarn")
            .set("spark.sql.shuffle.partitions", "64")
            .set("spark.driver.host", "10.0.0.7")
            .set("spark.sql.files.maxPartitionBytes", "128m");
    SparkConf c = SparkSessions.conf(null, "zoneassess run", launcher);
    assertEquals("yarn", c.get("spark.master"));
    assertEquals("64", c.get("spark.sql.shuffle.partitions"));
    assertEquals("10.0.0.7", c.get("spark.driver.host"));
    assertEquals("128m", c.get("spark.sql.files.maxPartitionBytes"));
    assertEquals("UTC", c.get("spark.sql.session.timeZone"), "a default where nothing was set");
    assertFalse(c.contains("spark.driver.bindAddress"), "no loopback binding on YARN");
  }

  @Test
  void withNothingSetTheDefaultsApply() {
    SparkConf c = SparkSessions.conf(null, "zoneassess run", new SparkConf(false));
    assertEquals("local[*]", c.get("spark.master"));
    assertEquals(
        String.valueOf(SparkSessions.SHUFFLE_PARTITIONS), c.get("spark.sql.shuffle.partitions"));
    assertEquals("127.0.0.1", c.get("spark.driver.host"));
    assertEquals("zoneassess run", c.get("spark.app.name"));
  }

  @Test
  void theCommandsOwnMasterOptionWinsOverSparkMaster() {
    SparkConf launcher = new SparkConf(false).setMaster("yarn");
    SparkConf c = SparkSessions.conf("spark://127.0.0.1:7077", "zoneassess run", launcher);
    assertEquals("spark://127.0.0.1:7077", c.get("spark.master"));
    assertEquals("127.0.0.1", c.get("spark.driver.host"), "a standalone master on loopback");
  }
}
