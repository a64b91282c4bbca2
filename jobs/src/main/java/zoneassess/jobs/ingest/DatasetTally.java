package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.io.ContentHash;

/**
 * What one query tells about a dataset's rejects and warnings: the published rejects per source and
 * rule with their content digest, the warnings per source and rule, and the first {@link
 * Ingestion#WARNING_EXAMPLES} warnings of each rule. (Rows read and accepted per file are counted
 * on the writes themselves, see {@link FileCounts}.)
 *
 * @param rejected rejected rows by source, then rule
 * @param warned warnings by source, then rule
 * @param examples warning examples by rule, source file, source row, column
 * @param rejectRows rows of the published rejects, with their digests {@code rejectA}/{@code
 *     rejectB} (null when there are none)
 */
record DatasetTally(
    Map<String, Map<String, Long>> rejected,
    Map<String, Map<String, Long>> warned,
    List<ValidationReport.WarningExample> examples,
    long rejectRows,
    java.math.BigDecimal rejectA,
    java.math.BigDecimal rejectB) {
  private static final String DIGEST = "decimal(38,0)";

  /**
   * Runs the query over the published {@code rejected} rows and the {@code warnings} of the
   * validated rows ({@link ValidatedRows#warnings}).
   */
  static DatasetTally of(Dataset<Row> rejected, Dataset<Row> warnings, int examplesPerRule) {
    Dataset<Row> tallies =
        bySource("rejected", rejected)
            .unionByName(bySource("warned", warnings))
            .unionByName(digest(rejected))
            .unionByName(examples(warnings, examplesPerRule));
    Map<String, Map<String, Long>> rej = new TreeMap<>();
    Map<String, Map<String, Long>> warn = new TreeMap<>();
    List<ValidationReport.WarningExample> examples = new ArrayList<>();
    long rows = 0;
    java.math.BigDecimal a = null;
    java.math.BigDecimal b = null;
    for (Row t : tallies.collectAsList()) {
      String file = t.getString(1);
      String rule = t.getString(2);
      long n = t.getLong(3);
      switch (t.getString(0)) {
        case "rejected" -> rej.computeIfAbsent(file, k -> new TreeMap<>()).put(rule, n);
        case "warned" -> warn.computeIfAbsent(file, k -> new TreeMap<>()).put(rule, n);
        case "example" ->
            examples.add(
                new ValidationReport.WarningExample(file, n, rule, t.getString(6), t.getString(7)));
        default -> {
          rows = n;
          a = t.isNullAt(4) ? null : t.getDecimal(4);
          b = t.isNullAt(5) ? null : t.getDecimal(5);
        }
      }
    }
    examples.sort(
        Comparator.comparing(ValidationReport.WarningExample::rule)
            .thenComparing(ValidationReport.WarningExample::file)
            .thenComparingLong(ValidationReport.WarningExample::row)
            .thenComparing(e -> String.valueOf(e.column())));
    return new DatasetTally(rej, warn, examples, rows, a, b);
  }

  /** The content hash of the published rejects (see {@link ContentHash#fromTotals}). */
  String rejectsHash(org.apache.spark.sql.types.StructType schema) {
    return ContentHash.fromTotals(schema, rejectRows, rejectA, rejectB);
  }

  /** Rows per source file and rule, as (what, file, rule, n, a, b, column, reason). */
  private static Dataset<Row> bySource(String what, Dataset<Row> rows) {
    return rows.groupBy(col("source_file").as("file"), col("rule"))
        .agg(count("*").as("n"))
        .select(
            lit(what).as("what"),
            col("file"),
            col("rule"),
            col("n"),
            lit(null).cast(DIGEST).as("a"),
            lit(null).cast(DIGEST).as("b"),
            lit(null).cast("string").as("column"),
            lit(null).cast("string").as("reason"));
  }

  /** The row count and content digests ({@link ContentHash}) of {@code rows}, as one row. */
  private static Dataset<Row> digest(Dataset<Row> rows) {
    List<Column> d = ContentHash.digests(rows.schema());
    return rows.agg(count("*").as("n"), d.get(0).as("a"), d.get(1).as("b"))
        .select(
            lit("digest").as("what"),
            lit(null).cast("string").as("file"),
            lit(null).cast("string").as("rule"),
            col("n"),
            col("a").cast(DIGEST).as("a"),
            col("b").cast(DIGEST).as("b"),
            lit(null).cast("string").as("column"),
            lit(null).cast("string").as("reason"));
  }

  /** The first warnings of each rule by source file, row and column; the row is in {@code n}. */
  private static Dataset<Row> examples(Dataset<Row> warnings, int perRule) {
    return warnings
        .withColumn(
            "_n",
            row_number()
                .over(
                    Window.partitionBy("rule")
                        .orderBy(col("source_file"), col("source_row"), col("column"))))
        .where(col("_n").leq(perRule))
        .select(
            lit("example").as("what"),
            col("source_file").as("file"),
            col("rule"),
            col("source_row").as("n"),
            lit(null).cast(DIGEST).as("a"),
            lit(null).cast(DIGEST).as("b"),
            col("column"),
            col("reason"));
  }
}
