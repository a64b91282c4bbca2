package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * A dataset read from a database table or query instead of a file, declared under {@code sources}
 * in {@code ingest.yaml}. The source's name decides its dataset exactly as a file's base name does
 * ({@code enterprises_db} → enterprises); its extract enters the run as {@code <name>.parquet}.
 *
 * <pre>
 * sources:
 *   enterprises_db:
 *     url: jdbc:postgresql://db.example:5432/stats   # no password in the URL
 *     table: public.enterprises                      # or query: select … (one of the two)
 *     user_env: ZONEASSESS_DB_USER                   # or user: name
 *     password_env: ZONEASSESS_DB_PASSWORD
 *     # credentials_file: /etc/zoneassess/stats.properties  (user=…, password=…; instead of *_env)
 *     partition_column: year                         # optional partitioned read (all four keys)
 *     lower_bound: 2019
 *     upper_bound: 2025
 *     num_partitions: 4
 *     fetch_size: 10000                              # optional
 * </pre>
 *
 * <p>The configuration names where the credentials are, never the credentials themselves: the
 * manifest and the snapshot of {@code ingest.yaml} carry no secret.
 */
public record JdbcSource(
    String name,
    String url,
    String table,
    String query,
    String user,
    String userEnv,
    String passwordEnv,
    String credentialsFile,
    String partitionColumn,
    Long lowerBound,
    Long upperBound,
    Integer numPartitions,
    Integer fetchSize) {

  private static final Set<String> KEYS =
      Set.of(
          "url",
          "table",
          "query",
          "user",
          "user_env",
          "password_env",
          "credentials_file",
          "partition_column",
          "lower_bound",
          "upper_bound",
          "num_partitions",
          "fetch_size");

  /** A user name and password, resolved when the source is read; never printed. */
  public record Credentials(String user, String password) {
    @Override
    public String toString() {
      return "Credentials[user=" + user + ", password=***]";
    }
  }

  /** The input name of the extract ({@code <name>.parquet}). */
  public String extractName() {
    return name + InputFormat.PARQUET.extension();
  }

  /** What was read: {@code table public.enterprises} or {@code query}. */
  public String relation() {
    return table != null ? table : "query";
  }

  /** The URL without any parameters (which might hold secrets a user put there anyway). */
  public String safeUrl() {
    int q = url.indexOf('?');
    return q < 0 ? url : url.substring(0, q);
  }

  /** How messages name the source: name, URL without parameters, table or query; no password. */
  public String label() {
    return "source "
        + name
        + " ("
        + safeUrl()
        + ", "
        + (table != null ? "table " + table : "query")
        + ")";
  }

  /**
   * The user and password, from the environment variables or the credentials file the source names.
   * {@code env} looks up an environment variable (System::getenv outside tests).
   */
  public Credentials credentials(UnaryOperator<String> env) {
    if (credentialsFile != null) {
      Properties p = new Properties();
      Path f = Path.of(credentialsFile);
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException e) {
        throw new IngestException(
            label() + ": cannot read the credentials file " + credentialsFile + " / 无法读取数据库凭据文件",
            e);
      }
      String u = p.getProperty("user", user);
      String pw = p.getProperty("password");
      if (u == null || pw == null) {
        throw new IngestException(
            label()
                + ": the credentials file "
                + credentialsFile
                + " must set user= and password= / 凭据文件缺少 user 或 password");
      }
      return new Credentials(u, pw);
    }
    String u = user != null ? user : env.apply(userEnv);
    String pw = env.apply(passwordEnv);
    if (u == null || u.isEmpty()) {
      throw new IngestException(
          label() + ": the environment variable " + userEnv + " (user) is not set / 未设置数据库用户名环境变量");
    }
    if (pw == null) {
      throw new IngestException(
          label()
              + ": the environment variable "
              + passwordEnv
              + " (password) is not set / 未设置数据库密码环境变量");
    }
    return new Credentials(u, pw);
  }

  /** Parses the {@code sources} mapping of {@code ingest.yaml}; {@code file} names it in errors. */
  static Map<String, JdbcSource> parseAll(Object sources, String file) {
    Map<String, JdbcSource> out = new LinkedHashMap<>();
    if (sources == null) {
      return out;
    }
    if (!(sources instanceof Map<?, ?> byName)) {
      throw new IngestException(file + ": 'sources' must map source names to their settings");
    }
    for (Map.Entry<?, ?> e : byName.entrySet()) {
      String name = String.valueOf(e.getKey());
      if (!(e.getValue() instanceof Map<?, ?> opts)) {
        throw new IngestException(file + ": settings of source '" + name + "' must be a mapping");
      }
      out.put(name, parse(name, opts, file));
    }
    return out;
  }

  private static JdbcSource parse(String name, Map<?, ?> o, String file) {
    String where = file + ": source '" + name + "'";
    for (Object k : o.keySet()) {
      if (!KEYS.contains(String.valueOf(k))) {
        throw new IngestException(
            where + ": unknown setting '" + k + "' (known: " + new TreeSet<>(KEYS) + ")");
      }
    }
    if (InputFolder.datasetOf(name).isEmpty()) {
      throw new IngestException(
          where
              + ": the name must be a dataset name or start with one and '_' (e.g. enterprises_db)");
    }
    String url = text(o, "url");
    if (url == null || !url.startsWith("jdbc:")) {
      throw new IngestException(
          where + ": 'url' must be a JDBC URL (jdbc:postgresql://host:port/db)");
    }
    if (url.toLowerCase(Locale.ROOT).contains("password=")) {
      throw new IngestException(
          where
              + ": the URL must not contain a password; name it with password_env or credentials_file");
    }
    String table = text(o, "table");
    String query = text(o, "query");
    if ((table == null) == (query == null)) {
      throw new IngestException(where + ": give exactly one of 'table' and 'query'");
    }
    String credentialsFile = text(o, "credentials_file");
    String userEnv = text(o, "user_env");
    String passwordEnv = text(o, "password_env");
    String user = text(o, "user");
    if (credentialsFile == null && (passwordEnv == null || (userEnv == null && user == null))) {
      throw new IngestException(
          where
              + ": name the credentials with 'user_env' (or 'user') and 'password_env', or with"
              + " 'credentials_file'; passwords are never written in ingest.yaml");
    }
    String partitionColumn = text(o, "partition_column");
    Long lower = number(o, "lower_bound", where);
    Long upper = number(o, "upper_bound", where);
    Long parts = number(o, "num_partitions", where);
    Long fetch = number(o, "fetch_size", where);
    boolean anyPartition = partitionColumn != null || lower != null || upper != null;
    if (anyPartition
        && (partitionColumn == null || lower == null || upper == null || parts == null)) {
      throw new IngestException(
          where
              + ": a partitioned read needs partition_column, lower_bound, upper_bound and"
              + " num_partitions together");
    }
    if (anyPartition && query != null) {
      throw new IngestException(where + ": a partitioned read needs 'table', not 'query'");
    }
    return new JdbcSource(
        name,
        url,
        table,
        query,
        user,
        userEnv,
        passwordEnv,
        credentialsFile,
        partitionColumn,
        lower,
        upper,
        parts == null ? null : parts.intValue(),
        fetch == null ? null : fetch.intValue());
  }

  private static String text(Map<?, ?> o, String key) {
    Object v = o.get(key);
    return v == null ? null : v.toString();
  }

  private static Long number(Map<?, ?> o, String key, String where) {
    Object v = o.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    throw new IngestException(where + ": '" + key + "' must be a whole number, not '" + v + "'");
  }
}
