package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.cli.ExitCodes;
import zoneassess.jobs.cli.Main;
import zoneassess.jobs.history.Rerun;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.testing.SmallSample;
import zoneassess.jobs.testing.ThrowawayPostgres;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;

/**
 * JDBC sources against a real PostgreSQL (bin/ensure-postgres): the small sample's zones and zone
 * statistics are loaded into tables (statistics with a numeric value column and a surrogate id for
 * a partitioned read), and ingesting them from the database gives the same staged rows and reject
 * reasons as ingesting the sample files. Connection failures are one message and exit 3; a rerun
 * reads the snapshot with the database stopped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JdbcSourceTest extends IngestTestBase {
  private static final List<String> FROM_DB = List.of("zones", "zone_stats");

  @TempDir static Path tmp;
  private static ThrowawayPostgres pg;
  private static Path sample;
  private static Path credentials;
  private static PipelineRun.Result dbRun;

  @BeforeAll
  static void startDatabase() throws Exception {
    pg = ThrowawayPostgres.start();
    sample = SmallSample.folder(spark);
    credentials = tmp.resolve("db.properties");
    Files.writeString(credentials, "user=" + pg.user() + "\npassword=" + pg.password() + "\n");
    load("zones", raw("zones.xlsx", InputFormat.XLSX), List.of());
    // The value as a business system types it (numeric), the rest as text.
    load("zone_stats", raw("zone_stats.csv", InputFormat.CSV), List.of("数值"));
    try (Connection c = connect();
        Statement s = c.createStatement()) {
      s.execute("alter table zone_stats add column row_id bigserial");
    }
  }

  @AfterAll
  static void stopDatabase() throws Exception {
    if (pg != null) {
      pg.stop();
    }
  }

  @Test
  @Order(1)
  void theDatabaseGivesTheSameStagedRowsAndRejectReasonsAsTheFiles() throws Exception {
    Path files = Files.createDirectories(tmp.resolve("files"));
    for (String f : List.of("areas.csv", "zones.xlsx", "zone_stats.csv")) {
      Files.copy(sample.resolve(f), files.resolve(f));
    }
    ingest(files, tmp.resolve("root-files"));
    Map<String, List<Row>> stagedFromFiles = new java.util.HashMap<>();
    Map<String, List<Row>> rejectsFromFiles = new java.util.HashMap<>();
    for (String d : FROM_DB) {
      stagedFromFiles.put(d, content(staging(d), Datasets.get(d)));
      rejectsFromFiles.put(d, reasons(rejects(d)));
    }
    // The sample plants a duplicate key and a GDP in 平方公里 in zone_stats (SAMPLE.md).
    List<String> rules =
        rejectsFromFiles.get("zone_stats").stream().map(r -> r.<String>getAs("rule")).toList();
    assertTrue(rules.contains("duplicate_key") && rules.contains("unit_family"), rules.toString());

    Path db = dbFolder("db", pg.jdbcUrl(), credentials);
    PipelineRun.Result run = runPipeline(db, tmp.resolve("root-db"));
    dbRun = run;
    Publisher publisher = new Publisher(spark);
    for (String d : FROM_DB) {
      DatasetContract c = Datasets.get(d);
      assertEquals(
          stagedFromFiles.get(d),
          content(spark.read().parquet(run.run().staging(d)), c),
          d + ": the same staged rows");
      assertEquals(
          rejectsFromFiles.get(d),
          reasons(spark.read().parquet(run.run().rejects(d))),
          d + ": the same reject reasons");
    }
    List<String> where =
        spark
            .read()
            .parquet(run.run().rejects("zone_stats"))
            .where(col("rule").equalTo("duplicate_key"))
            .select("source_file")
            .orderBy("source_file")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertEquals(
        "zone_stats_db.parquet/public.zone_stats [园区代码=320300P07, 统计期=2024, 指标代码=tax_revenue]",
        where.get(0),
        "a reject names the table and the row's key");
    String reason =
        spark
            .read()
            .parquet(run.run().rejects("zone_stats"))
            .where(col("rule").equalTo("duplicate_key"))
            .select("reason")
            .as(org.apache.spark.sql.Encoders.STRING())
            .first();
    assertTrue(
        reason.endsWith("first occurrence: zone_stats_db.parquet/public.zone_stats (same key)"),
        reason);
    String manifest = publisher.readText(run.run().manifest());
    assertFalse(manifest.contains(pg.password()), "no password in the manifest");
    assertTrue(manifest.contains("zone_stats_db.parquet"), "the extract is a snapshotted input");
  }

  @Test
  @Order(2)
  void aWrongPasswordOrAnUnreachableHostIsOneMessageNamingTheSourceAndExit3() throws Exception {
    Path wrong = tmp.resolve("wrong.properties");
    Files.writeString(wrong, "user=" + pg.user() + "\npassword=Not-The-Password-42\n");
    Cli bad = ingestCli(dbFolder("bad-password", pg.jdbcUrl(), wrong), tmp.resolve("root-bad"));
    assertEquals(ExitCodes.INVALID, bad.code, bad.err);
    assertTrue(
        bad.err.contains("source zone_stats_db (jdbc:postgresql://127.0.0.1:" + pg.port())
            || bad.err.contains("source zones_db (jdbc:postgresql://127.0.0.1:" + pg.port()),
        bad.err);
    assertTrue(bad.err.contains("password authentication failed"), bad.err);
    assertFalse(bad.err.contains("Not-The-Password-42"), "never the password: " + bad.err);

    int closed;
    try (ServerSocket s = new ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closed + "/zoneassess";
    Cli down = ingestCli(dbFolder("unreachable", url, credentials), tmp.resolve("root-down"));
    assertEquals(ExitCodes.INVALID, down.code, down.err);
    assertTrue(down.err.contains("source zone"), down.err);
    assertTrue(down.err.contains(url), down.err);
    assertTrue(down.err.contains("cannot connect"), down.err);
    assertFalse(down.err.contains(pg.password()), down.err);
  }

  @Test
  @Order(3)
  void credentialsComeFromTheEnvironmentOrAFileAndNeverFromIngestYaml() {
    IngestException e =
        assertThrows(
            IngestException.class,
            () ->
                IngestConfig.parse(
                    "sources:\n  zones_db:\n    url: jdbc:postgresql://h/db?password=x\n"
                        + "    table: zones\n    credentials_file: /x\n",
                    "ingest.yaml"));
    assertTrue(e.getMessage().contains("must not contain a password"), e.getMessage());
    JdbcSource s =
        IngestConfig.parse(
                "sources:\n  zones_db:\n    url: jdbc:postgresql://h/db\n    table: zones\n"
                    + "    user_env: DB_USER\n    password_env: DB_PASSWORD\n",
                "ingest.yaml")
            .sources()
            .get("zones_db");
    Map<String, String> env = Map.of("DB_USER", "stats", "DB_PASSWORD", "s3cret");
    assertEquals(new JdbcSource.Credentials("stats", "s3cret"), s.credentials(env::get));
    assertFalse(s.credentials(env::get).toString().contains("s3cret"));
    IngestException unset = assertThrows(IngestException.class, () -> s.credentials(k -> null));
    assertTrue(unset.getMessage().contains("DB_USER"), unset.getMessage());
  }

  @Test
  @Order(4)
  void aRerunReadsTheSnapshotWithTheDatabaseStopped() throws Exception {
    Path root = tmp.resolve("root-db");
    PipelineRun.Result first =
        dbRun != null ? dbRun : runPipeline(dbFolder("db-rerun", pg.jdbcUrl(), credentials), root);
    pg.stop();
    Rerun.Outcome again =
        new Rerun(spark).execute(root.toUri().toString(), first.runId(), p -> List.of(), quiet());
    assertTrue(again.allMatch(), String.join("\n", again.table()));
  }

  // --- helpers ---

  private static RawTable raw(String file, InputFormat format) {
    InputFile f =
        new InputFile(
            sample.resolve(file).toUri().toString(),
            file,
            file.substring(0, file.indexOf('.')),
            format,
            null,
            null);
    return format == InputFormat.CSV
        ? CsvReader.read(spark, f, tmp.resolve("load-work").toUri().toString())
        : XlsxReader.read(spark, f);
  }

  /** Writes the raw rows as a table whose columns are the file's headers. */
  private static void load(String table, RawTable raw, List<String> numeric) {
    List<Column> cols = new ArrayList<>();
    for (int i = 0; i < raw.headers().size(); i++) {
      String h = raw.headers().get(i);
      Column c = col(RawTable.column(i));
      cols.add((numeric.contains(h) ? c.cast(DataTypes.createDecimalType(20, 6)) : c).as(h));
    }
    Properties p = new Properties();
    p.setProperty("user", pg.user());
    p.setProperty("password", pg.password());
    raw.rows()
        .select(cols.toArray(Column[]::new))
        .write()
        .mode(SaveMode.Overwrite)
        .jdbc(pg.jdbcUrl(), table, p);
  }

  private static Connection connect() throws Exception {
    return DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
  }

  /** areas from its file; zones and zone_stats from the database. */
  private static Path dbFolder(String name, String url, Path creds) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.copy(sample.resolve("areas.csv"), dir.resolve("areas.csv"));
    Files.writeString(
        dir.resolve("ingest.yaml"),
        "sources:\n"
            + "  zones_db:\n"
            + "    url: "
            + url
            + "\n"
            + "    table: zones\n"
            + "    credentials_file: "
            + creds
            + "\n"
            + "  zone_stats_db:\n"
            + "    url: "
            + url
            + "\n"
            + "    table: public.zone_stats\n"
            + "    credentials_file: "
            + creds
            + "\n"
            + "    partition_column: row_id\n"
            + "    lower_bound: 1\n"
            + "    upper_bound: 40000\n"
            + "    num_partitions: 3\n",
        StandardCharsets.UTF_8);
    return dir;
  }

  private static PipelineRun.Result runPipeline(Path input, Path root) throws Exception {
    return new PipelineRun(spark)
        .execute(
            new PipelineRun.Request(
                input.toUri().toString(),
                root.toUri().toString(),
                List.of(),
                new java.util.TreeMap<>(),
                List.of(),
                1.0,
                false),
            quiet());
  }

  /** Staged rows without lineage, sorted. */
  private static List<Row> content(Dataset<Row> staged, DatasetContract d) {
    List<Column> cols = new ArrayList<>();
    for (String c : ValidatedRows.stagingColumns(d)) {
      if (!c.equals(CanonicalRows.SOURCE_FILE) && !c.equals(CanonicalRows.SOURCE_ROW)) {
        cols.add(col("`" + c + "`"));
      }
    }
    Column[] all = cols.toArray(Column[]::new);
    return staged.select(all).orderBy(all).collectAsList();
  }

  /**
   * Rule, column, reason and value of every reject; a duplicate's first occurrence is a line of the
   * file and the table itself for the database, so that location is left out here.
   */
  private static List<Row> reasons(Dataset<Row> rejects) {
    Column[] cols = {
      col("rule"),
      col("column"),
      regexp_replace(col("reason"), "; first occurrence: .*$", "").as("reason"),
      col("value")
    };
    return rejects.select(cols).orderBy(cols).collectAsList();
  }

  private record Cli(int code, String err) {}

  private static Cli ingestCli(Path input, Path root) {
    PrintStream before = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code =
          Main.commandLine()
              .execute("ingest", "--input", input.toString(), "--out", root.toString());
      return new Cli(code, err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(before);
    }
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
  }
}
