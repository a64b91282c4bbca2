package zoneassess.jobs.io;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;

/**
 * The one way a mart is published: the rows are written (through {@link Publisher}) into a hidden
 * folder, checked there against the mart's declared contract, and renamed into place only when
 * every rule holds. Rules: {@code columns} (every declared column present with its declared type,
 * no undeclared column), {@code key_unique}, {@code required} (non-null), {@code accepted} (code
 * values), {@code range} (numeric bounds) and {@code pattern}. A violation stops the stage with
 * {@link ContractViolation}, whose message names the mart, each broken rule and column, the number
 * of offending rows and the first offending keys; nothing is published.
 *
 * <p>The check reads the written files back instead of the rows' plan, so the plan is computed
 * once; it is one aggregation over the mart (counts per rule, distinct keys and the content digests
 * the manifest records), and more queries only to name the first offending keys of a broken rule.
 */
public final class MartWriter {
  /** How many offending keys a message lists. */
  static final int FIRST_KEYS = 5;

  /** A mart broke its contract; nothing was published. */
  public static final class ContractViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ContractViolation(String message) {
      super(message);
    }
  }

  private final SparkSession spark;
  private final Publisher publisher;

  public MartWriter(SparkSession spark) {
    this.spark = spark;
    this.publisher = new Publisher(spark);
  }

  /**
   * Publishes {@code rows} as {@code mart} at {@code uri} and returns the number of rows published.
   * An unpartitioned mart is one file holding the rows in the given order ({@code coalesce(1)}
   * keeps a sort's order and does not depend on the shuffle partitions); a mart partitioned by
   * {@code partitionBy} keeps the given partitioning (callers repartition by the partition column,
   * one file per value).
   */
  public long write(DatasetContract mart, Dataset<Row> rows, String uri, String... partitionBy) {
    Checked[] published = new Checked[1];
    publisher.writeParquet(
        partitionBy.length == 0 ? rows.coalesce(1) : rows,
        uri,
        written -> {
          Dataset<Row> back = readBack(written, partitionBy.length == 0 ? rows.schema() : null);
          List<String> problems = new ArrayList<>();
          published[0] = checkAndHash(mart, back, problems);
          if (!problems.isEmpty()) {
            throw new ContractViolation(
                "mart " + mart.name() + " breaks its contract: " + String.join("; ", problems));
          }
        },
        partitionBy);
    if (published[0].contentHash() != null) {
      // The rename keeps the files checked: the manifest takes this hash instead of a new pass.
      ContentHash.remember(publisher.conf(), uri, published[0].contentHash());
    }
    return published[0].rows();
  }

  /**
   * A mart published by {@link #write} earlier in the same stage, read with its contract's schema:
   * the write checked every declared column and type, so the schema need not be inferred from a
   * footer again (which costs a Spark job per read). Columns come in contract order, partition
   * columns included: callers select them by name.
   */
  public Dataset<Row> read(DatasetContract mart, String uri) {
    return spark.read().schema(ContractSchemas.of(mart)).parquet(uri);
  }

  /** What the check found: the row count and the content hash ({@link ContentHash}) of the rows. */
  record Checked(long rows, String contentHash) {}

  /**
   * The rows written to the hidden folder {@code dir}. Its data files are named explicitly (with
   * the folder as base path for partition columns): Spark skips, with a warning, an input path
   * whose name starts with a dot. {@code written}: the schema of the rows written, when the write
   * was not partitioned; null to infer it from the files.
   */
  private Dataset<Row> readBack(String dir, StructType written) {
    List<String> files = new ArrayList<>();
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(dir);
      org.apache.hadoop.fs.FileSystem fs = p.getFileSystem(publisher.conf());
      var it = fs.listFiles(p, true);
      while (it.hasNext()) {
        org.apache.hadoop.fs.Path f = it.next().getPath();
        if (!f.getName().startsWith(".") && !f.getName().startsWith("_")) {
          files.add(f.toString());
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot list " + dir, e);
    }
    if (files.isEmpty()) {
      return spark.read().parquet(dir);
    }
    DataFrameReader reader = spark.read().option("basePath", dir);
    if (written != null) {
      // Without partition folders the files hold exactly the written columns and types (Spark
      // stores its schema in the footer; a file source reads every column as nullable), so the
      // schema is given rather than inferred, which would cost a Spark job reading a footer.
      reader = reader.schema(written.asNullable());
    }
    return reader.parquet(files.toArray(String[]::new));
  }

  /**
   * Checks {@code rows} against {@code mart}, adding one line per broken rule; returns the count.
   */
  static long check(DatasetContract mart, Dataset<Row> rows, List<String> problems) {
    return checkAndHash(mart, rows, problems).rows();
  }

  /**
   * {@link #check}, and the content hash of the rows when every column is as declared. One
   * aggregation over the rows counts them, every rule's offending rows, the distinct keys and the
   * content digests; the offending keys are only looked up when a rule is broken.
   */
  static Checked checkAndHash(DatasetContract mart, Dataset<Row> rows, List<String> problems) {
    Map<String, DataType> actual = new LinkedHashMap<>();
    for (StructField f : rows.schema().fields()) {
      actual.put(f.name(), f.dataType());
    }
    List<String> columnProblems = new ArrayList<>();
    for (ColumnSpec c : mart.columns()) {
      DataType t = actual.get(c.name());
      if (t == null) {
        columnProblems.add("missing column " + c.name());
      } else if (!t.equals(ContractSchemas.sparkType(c))) {
        columnProblems.add(
            "column "
                + c.name()
                + " has type "
                + t.simpleString()
                + ", declared "
                + ContractSchemas.sparkType(c).simpleString());
      }
    }
    Set<String> declared = new TreeSet<>(mart.columnNames());
    for (String a : actual.keySet()) {
      if (!declared.contains(a)) {
        columnProblems.add("undeclared column " + a);
      }
    }
    if (!columnProblems.isEmpty()) {
      problems.add("rule columns: " + String.join(", ", columnProblems));
      return new Checked(rows.count(), null);
    }

    List<String> keys = mart.key().isEmpty() ? firstColumns(mart) : mart.key();
    Map<String, Column> rules = new LinkedHashMap<>();
    for (ColumnSpec c : mart.columns()) {
      Column v = col(c.name());
      if (c.required()) {
        rules.put("required " + c.name(), v.isNull());
      }
      if (!c.acceptedValues().isEmpty()) {
        rules.put(
            "accepted " + c.name() + " " + new TreeSet<>(c.acceptedValues()),
            v.isNotNull().and(functions_not(v.isin(c.acceptedValues().toArray()))));
      }
      if (c.isNumeric() && (c.min() != null || c.max() != null)) {
        Column out = lit(false);
        if (c.min() != null) {
          out = out.or(v.lt(c.min()));
        }
        if (c.max() != null) {
          out = out.or(v.gt(c.max()));
        }
        rules.put("range " + c.name() + " [" + bound(c.min()) + ", " + bound(c.max()) + "]", out);
      }
      if (c.pattern() != null && c.type() == zoneassess.schema.dataset.ColumnType.STRING) {
        rules.put(
            "pattern " + c.name() + " " + c.pattern(),
            v.isNotNull().and(functions_not(v.rlike("^(?:" + c.pattern() + ")$"))));
      }
    }
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(lit(1)));
    for (Column broken : rules.values()) {
      aggs.add(sum(when(broken, 1L).otherwise(0L)));
    }
    int distinctKeys = aggs.size();
    if (!mart.key().isEmpty()) {
      // A struct is never null, so keys with null parts are counted too, as the grouping does.
      aggs.add(countDistinct(struct(keys.stream().map(k -> col(k)).toArray(Column[]::new))));
    }
    int digests = aggs.size();
    aggs.addAll(ContentHash.digests(rows.schema()));
    Row totals = rows.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
    long n = totals.getLong(0);
    String hash =
        ContentHash.fromTotals(
            rows.schema(),
            n,
            totals.isNullAt(digests) ? null : totals.getDecimal(digests),
            totals.isNullAt(digests + 1) ? null : totals.getDecimal(digests + 1));
    int i = 1;
    for (Map.Entry<String, Column> rule : rules.entrySet()) {
      long bad = totals.isNullAt(i) ? 0 : totals.getLong(i);
      i++;
      if (bad > 0) {
        problems.add(
            "rule "
                + rule.getKey()
                + ": "
                + bad
                + " row"
                + (bad == 1 ? "" : "s")
                + ", first keys "
                + firstKeys(rows.filter(rule.getValue()), keys));
      }
    }
    if (!mart.key().isEmpty() && totals.getLong(distinctKeys) < n) {
      Dataset<Row> dup =
          rows.groupBy(keys.stream().map(k -> col(k)).toArray(Column[]::new))
              .count()
              .filter(col("count").gt(1));
      long d = dup.count();
      if (d > 0) {
        problems.add(
            "rule key_unique ("
                + String.join(", ", keys)
                + "): "
                + d
                + " key"
                + (d == 1 ? "" : "s")
                + " on more than one row, first keys "
                + firstKeys(dup, keys));
      }
    }
    return new Checked(n, hash);
  }

  private static Column functions_not(Column c) {
    return org.apache.spark.sql.functions.not(c);
  }

  private static String bound(Double d) {
    return d == null ? "" : String.format(Locale.ROOT, "%s", d);
  }

  private static List<String> firstColumns(DatasetContract mart) {
    List<String> names = mart.columnNames();
    return names.subList(0, Math.min(3, names.size()));
  }

  /** "(k1, k2): (a, b), (c, d)", the smallest keys first. */
  private static String firstKeys(Dataset<Row> offending, List<String> keys) {
    Column[] k = keys.stream().map(c -> col(c)).toArray(Column[]::new);
    List<Row> first =
        offending
            .select(k)
            .orderBy(Arrays.stream(k).map(Column::asc_nulls_first).toArray(Column[]::new))
            .limit(FIRST_KEYS)
            .collectAsList();
    List<String> shown = new ArrayList<>();
    for (Row r : first) {
      List<String> v = new ArrayList<>();
      for (int j = 0; j < r.size(); j++) {
        v.add(r.isNullAt(j) ? "null" : String.valueOf(r.get(j)));
      }
      shown.add("(" + String.join(", ", v) + ")");
    }
    return "(" + String.join(", ", keys) + "): " + String.join(", ", shown);
  }
}
