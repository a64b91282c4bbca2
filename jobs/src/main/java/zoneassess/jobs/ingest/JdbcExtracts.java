package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Reads each JDBC source of an input folder once per run into a Parquet extract, which then is an
 * input like any Parquet file: snapshotted by content, hashed into the run's fingerprint, and
 * rebuilt from the snapshot store by {@code rerun} and {@code --as-of} without the database.
 *
 * <p>The extract holds the table's rows as the database typed them, sorted by the contract key and
 * then every column, in one file, so the same table content gives the same rows in the same order.
 * A folder is scanned more than once in a run (the run, then its ingest stage); the extract made by
 * the first scan serves the later ones, until {@link #prepare} starts the next run.
 */
public final class JdbcExtracts {
  /** folder URI → where its extracts go (set by {@link #prepare}). */
  private static final Map<String, String> WORK = new ConcurrentHashMap<>();

  /** folder URI + source → extract URI, for the current run of that folder. */
  private static final Map<String, String> DONE = new ConcurrentHashMap<>();

  /** Login and socket timeouts (seconds) for the connection check. */
  private static final String TIMEOUT_SECONDS = "15";

  private JdbcExtracts() {}

  /**
   * Starts a new run over {@code folderUri}: its sources are read again, into {@code workUri}
   * (under the lake root, so a cluster's executors can write it). Earlier extracts there are
   * removed; the snapshot store keeps what earlier runs read.
   */
  public static void prepare(String folderUri, String workUri, Configuration conf) {
    DONE.keySet().removeIf(k -> k.startsWith(folderUri + "\n"));
    WORK.put(folderUri, workUri);
    try {
      Path p = new Path(workUri);
      p.getFileSystem(conf).delete(p, true);
    } catch (IOException e) {
      throw new IngestException(workUri + ": cannot clear the JDBC extract folder", e);
    }
  }

  /** The extract of {@code source} for this run of {@code folderUri}, read now if not yet read. */
  static String extract(
      String folderUri, JdbcSource source, DatasetContract dataset, Configuration conf) {
    return DONE.computeIfAbsent(
        folderUri + "\n" + source,
        k -> read(source, dataset, workFor(folderUri), conf, System::getenv));
  }

  private static String workFor(String folderUri) {
    return WORK.computeIfAbsent(
        folderUri,
        f -> {
          try {
            return Files.createTempDirectory("zoneassess-jdbc").toUri().toString();
          } catch (IOException e) {
            throw new IngestException("cannot create a folder for JDBC extracts", e);
          }
        });
  }

  /** Checks the connection, reads the rows with Spark's JDBC source and writes the extract. */
  static String read(
      JdbcSource s,
      DatasetContract dataset,
      String workUri,
      Configuration conf,
      UnaryOperator<String> env) {
    JdbcSource.Credentials c = s.credentials(env);
    check(s, c);
    SparkSession spark = SparkSession.active();
    String target = stripSlash(workUri) + "/" + s.extractName();
    String tmp = stripSlash(workUri) + "/._tmp_" + s.name();
    try {
      DataFrameReader r =
          spark
              .read()
              .format("jdbc")
              .option("url", s.url())
              .option("user", c.user())
              .option("password", c.password());
      if (s.table() != null) {
        r = r.option("dbtable", s.table());
      } else {
        r = r.option("query", s.query());
      }
      if (s.partitionColumn() != null) {
        r =
            r.option("partitionColumn", s.partitionColumn())
                .option("lowerBound", s.lowerBound())
                .option("upperBound", s.upperBound())
                .option("numPartitions", s.numPartitions());
      }
      if (s.fetchSize() != null) {
        r = r.option("fetchsize", s.fetchSize());
      }
      Dataset<Row> rows = r.load();
      rows.sort(order(rows, dataset, s)).coalesce(1).write().mode(SaveMode.Overwrite).parquet(tmp);
      Path from = onePart(new Path(tmp), conf);
      FileSystem fs = from.getFileSystem(conf);
      fs.delete(new Path(target), true);
      if (!fs.rename(from, new Path(target))) {
        throw new IOException("cannot move " + from + " to " + target);
      }
      fs.delete(new Path(tmp), true);
      return target;
    } catch (IngestException e) {
      throw e;
    } catch (Exception e) {
      throw new IngestException(
          s.label() + ": cannot read: " + hide(rootMessage(e), c) + " / 无法读取数据库表", e);
    }
  }

  /**
   * Connects once in the driver, so a wrong password or an unreachable host is one message naming
   * the source (never the password) rather than a failed Spark job.
   */
  private static void check(JdbcSource s, JdbcSource.Credentials c) {
    Properties p = new Properties();
    p.setProperty("user", c.user());
    p.setProperty("password", c.password());
    p.setProperty("loginTimeout", TIMEOUT_SECONDS);
    p.setProperty("connectTimeout", TIMEOUT_SECONDS);
    try (Connection ignored = DriverManager.getConnection(s.url(), p)) {
      // connected
    } catch (SQLException e) {
      throw new IngestException(
          s.label()
              + ": cannot connect as "
              + c.user()
              + ": "
              + hide(rootMessage(e), c)
              + " / 无法连接数据库（请检查地址、端口、用户名和密码）");
    }
  }

  /** Key columns (as the table names them) first, then every column: a total, stable order. */
  private static Column[] order(Dataset<Row> rows, DatasetContract dataset, JdbcSource s) {
    List<String> headers = List.of(rows.columns());
    HeaderMatcher.HeaderMapping m = HeaderMatcher.match(headers, dataset, s.label());
    List<Column> out = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (String k : dataset.key()) {
      Integer i = m.columnIndex().get(k);
      if (i != null) {
        used.add(headers.get(i));
      }
    }
    for (String h : headers) {
      if (!used.contains(h)) {
        used.add(h);
      }
    }
    used.forEach(h -> out.add(col("`" + h.replace("`", "``") + "`").asc_nulls_first()));
    return out.toArray(Column[]::new);
  }

  private static Path onePart(Path dir, Configuration conf) throws IOException {
    FileSystem fs = dir.getFileSystem(conf);
    Path part = null;
    for (FileStatus st : fs.listStatus(dir)) {
      String n = st.getPath().getName();
      if (n.startsWith("part-")) {
        if (part != null) {
          throw new IOException("more than one part file in " + dir);
        }
        part = st.getPath();
      }
    }
    if (part == null) {
      throw new IOException("no part file in " + dir);
    }
    return part;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** A driver's message never repeats a password, but a message must not carry one even so. */
  private static String hide(String message, JdbcSource.Credentials c) {
    return c.password().isEmpty() ? message : message.replace(c.password(), "***");
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }
}
