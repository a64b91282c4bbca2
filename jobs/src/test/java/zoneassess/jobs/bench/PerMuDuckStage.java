package zoneassess.jobs.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.permu.PerMuScheme;

/**
 * Runs {@link PerMuStageSql} in DuckDB on a run's staged Parquet, writes the five marts as Parquet
 * (the enterprise and item marts partitioned by year, as the Spark stage does), and compares them
 * cell by cell with the Spark stage's published marts of the same run.
 */
final class PerMuDuckStage {
  private PerMuDuckStage() {}

  /**
   * By hand, against a run that has per-mu marts: {@code PerMuDuckStage <out root> <run id>
   * [<staged run id>] [reps]}; prints the times and the comparison.
   */
  public static void main(String[] args) throws Exception {
    String root = Path.of(args[0]).toAbsolutePath().toUri().toString();
    RunLayout marts = RunLayout.published(root, args[1]);
    RunLayout staged = args.length > 2 ? RunLayout.published(root, args[2]) : marts;
    Outcome o =
        run(
            staged,
            marts,
            zoneassess.schema.permu.PerMuSchemeLoader.load(
                zoneassess.schema.permu.PerMuSchemeLoader.HUAIAN_2024),
            Path.of(args[0]).toAbsolutePath().resolve("duckdb-per-mu"),
            args.length > 3 ? Integer.parseInt(args[3]) : 1);
    System.out.println("DuckDB per-mu stage: " + o.seconds() + " s");
    o.marts().forEach(m -> System.out.println(m.describe()));
  }

  /** Cells that differ in one column of one mart, with the first example. */
  record ColumnDiff(String column, long cells, String example) {}

  /** One mart compared: rows on each side, rows on one side only, differing cells per column. */
  record MartDiff(
      String mart,
      long sparkRows,
      long duckdbRows,
      long onlySpark,
      long onlyDuckdb,
      int columns,
      List<ColumnDiff> differences) {
    boolean identical() {
      return onlySpark == 0 && onlyDuckdb == 0 && differences.isEmpty();
    }

    String describe() {
      if (identical()) {
        return String.format(
            Locale.ROOT, "%s: %,d rows × %d columns identical", mart, sparkRows, columns);
      }
      String cols =
          differences.stream()
              .map(d -> d.column() + " " + d.cells() + " cells (e.g. " + d.example() + ")")
              .collect(Collectors.joining("; "));
      return String.format(
          Locale.ROOT,
          "%s: Spark %,d rows, DuckDB %,d rows, %,d only in Spark, %,d only in DuckDB%s",
          mart,
          sparkRows,
          duckdbRows,
          onlySpark,
          onlyDuckdb,
          cols.isEmpty() ? "" : "; differing: " + cols);
    }
  }

  /** The DuckDB stage's time and its comparison with the Spark marts. */
  record Outcome(List<Double> seconds, List<MartDiff> marts) {
    double median() {
      return Medians.of(seconds);
    }

    boolean identical() {
      return marts.stream().allMatch(MartDiff::identical);
    }
  }

  /**
   * Runs the DuckDB stage {@code reps} times (each from the staged files to written Parquet), then
   * compares the last run's tables with the Spark marts of {@code sparkRun}.
   */
  static Outcome run(RunLayout staged, RunLayout sparkRun, PerMuScheme scheme, Path out, int reps)
      throws Exception {
    List<Double> seconds = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
      st.execute("SET preserve_insertion_order = false");
      for (int r = 1; r <= reps; r++) {
        Benchmark.deleteTree(out);
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        views(st, staged);
        for (String sql : PerMuStageSql.statements(scheme)) {
          st.execute(sql);
        }
        for (DatasetContract mart : PerMuMarts.ALL) {
          write(st, mart, out.resolve(mart.name()));
        }
        seconds.add((System.nanoTime() - t0) / 1e9);
      }
      List<MartDiff> marts = new ArrayList<>();
      for (DatasetContract mart : PerMuMarts.ALL) {
        marts.add(compare(st, mart, sparkRun.mart(mart.name())));
      }
      return new Outcome(seconds, marts);
    }
  }

  /** Views over the staged Parquet: every query re-reads the files, as Spark does. */
  private static void views(Statement st, RunLayout run) throws SQLException {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("ent", "enterprises");
    names.put("areas", "areas");
    names.put("zones", "zones");
    names.put("zone_stats", "zone_stats");
    for (Map.Entry<String, String> e : names.entrySet()) {
      st.execute(
          "CREATE OR REPLACE VIEW "
              + e.getKey()
              + " AS SELECT * FROM read_parquet("
              + glob(run.staging(e.getValue()))
              + ", hive_partitioning = true, union_by_name = true)");
    }
  }

  private static void write(Statement st, DatasetContract mart, Path dir) throws SQLException {
    String cols = String.join(", ", PerMuMarts.columns(mart));
    String options =
        mart.partitionBy().isPresent()
            ? "FORMAT parquet, PARTITION_BY (" + mart.partitionBy().get() + ")"
            : "FORMAT parquet";
    String target =
        mart.partitionBy().isPresent() ? dir.toString() : dir.resolve("part-0.parquet").toString();
    if (mart.partitionBy().isEmpty()) {
      dir.toFile().mkdirs();
    }
    st.execute(
        "COPY (SELECT "
            + cols
            + " FROM "
            + mart.name()
            + ") TO '"
            + target.replace("'", "''")
            + "' ("
            + options
            + ")");
  }

  /** The DuckDB table against the Spark mart, joined on the mart's key, cell by cell. */
  static MartDiff compare(Statement st, DatasetContract mart, String sparkUri) throws SQLException {
    List<ColumnSpec> cols = mart.columns();
    String names = cols.stream().map(ColumnSpec::name).collect(Collectors.joining(", "));
    String join =
        mart.key().stream().map(k -> "s." + k + " = d." + k).collect(Collectors.joining(" AND "));
    StringBuilder q =
        new StringBuilder(
            "CREATE OR REPLACE TEMP TABLE cmp AS WITH s AS (SELECT "
                + names
                + ", true AS in_s FROM read_parquet("
                + glob(sparkUri)
                + ", hive_partitioning = true)), d AS (SELECT "
                + names
                + ", true AS in_d FROM "
                + mart.name()
                + ") SELECT s.in_s, d.in_d");
    for (ColumnSpec c : cols) {
      q.append(", ")
          .append(same(c))
          .append(" AS eq_")
          .append(c.name())
          .append(", s.")
          .append(c.name())
          .append(" AS s_")
          .append(c.name())
          .append(", d.")
          .append(c.name())
          .append(" AS d_")
          .append(c.name());
    }
    for (String k : mart.key()) {
      q.append(", coalesce(CAST(s.")
          .append(k)
          .append(" AS VARCHAR), CAST(d.")
          .append(k)
          .append(" AS VARCHAR)) AS key_")
          .append(k);
    }
    q.append(" FROM s FULL JOIN d ON ").append(join);
    st.execute(q.toString());
    long[] counts = new long[4];
    try (ResultSet rs =
        st.executeQuery(
            "SELECT count(*) FILTER (WHERE in_s), count(*) FILTER (WHERE in_d),"
                + " count(*) FILTER (WHERE in_d IS NULL), count(*) FILTER (WHERE in_s IS NULL)"
                + " FROM cmp")) {
      rs.next();
      for (int i = 0; i < 4; i++) {
        counts[i] = rs.getLong(i + 1);
      }
    }
    String keyText =
        mart.key().stream().map(k -> "key_" + k).collect(Collectors.joining(" || '/' || "));
    List<ColumnDiff> diffs = new ArrayList<>();
    for (ColumnSpec c : cols) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), min("
                  + keyText
                  + ") FROM cmp WHERE in_s AND in_d AND NOT eq_"
                  + c.name())) {
        rs.next();
        long n = rs.getLong(1);
        if (n > 0) {
          String key = rs.getString(2);
          diffs.add(new ColumnDiff(c.name(), n, example(st, c.name(), keyText, key)));
        }
      }
    }
    return new MartDiff(
        mart.name(), counts[0], counts[1], counts[2], counts[3], cols.size(), diffs);
  }

  private static String example(Statement st, String column, String keyText, String key)
      throws SQLException {
    try (ResultSet rs =
        st.executeQuery(
            "SELECT s_"
                + column
                + ", d_"
                + column
                + " FROM cmp WHERE "
                + keyText
                + " = '"
                + key.replace("'", "''")
                + "' LIMIT 1")) {
      rs.next();
      return key + ": Spark " + rs.getObject(1) + ", DuckDB " + rs.getObject(2);
    }
  }

  /** Equal cells: doubles to a relative 1e-9 (the engines add in different orders). */
  private static String same(ColumnSpec c) {
    String a = "s." + c.name();
    String b = "d." + c.name();
    if (c.type() == ColumnType.DOUBLE) {
      return String.format(
          Locale.ROOT,
          "coalesce((%1$s IS NULL AND %2$s IS NULL) OR %1$s = %2$s"
              + " OR abs(%1$s - %2$s) <= %3$s * greatest(1.0, abs(%1$s), abs(%2$s)), false)",
          a,
          b,
          ResultTable.RELATIVE_TOLERANCE);
    }
    return "(" + a + " IS NOT DISTINCT FROM " + b + ")";
  }

  private static String glob(String uri) {
    Path dir = Path.of(java.net.URI.create(uri));
    return "'" + dir.resolve("**").resolve("*.parquet").toString().replace("'", "''") + "'";
  }
}
