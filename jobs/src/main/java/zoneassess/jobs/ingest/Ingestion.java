package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import zoneassess.jobs.io.ContentHash;
import zoneassess.jobs.io.Publisher;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.dataset.ForeignKey;
import zoneassess.schema.layout.RunLayout;

/**
 * The ingest edge: reads every input file of an input folder, validates each dataset in {@link
 * Datasets#ALL} order (references are checked against the rows accepted just before), publishes
 * staging and rejects into the run, and writes the validation report. The counts come from the
 * input (rows read) and from the published staging and rejects (accepted, rejected), so the
 * reconciliation checks what was really written.
 */
public final class Ingestion {
  /** What the validation report says for its input folder (the path is in manifest.json). */
  public static final String INPUT_LABEL =
      "the input folder named in manifest.json (parameters.input)";

  static final int WARNING_EXAMPLES = 5;

  private final SparkSession spark;
  private final Publisher publisher;
  private final RunLayout run;
  private IngestConfig config = IngestConfig.empty();

  public Ingestion(SparkSession spark, Publisher publisher, RunLayout run) {
    this.spark = spark;
    this.publisher = publisher;
    this.run = run;
  }

  public ValidationReport ingest(InputFolder folder) {
    String work = run.runDir() + "/.work/ingest";
    config = folder.config();
    Map<String, Dataset<Row>> accepted = new LinkedHashMap<>();
    List<ValidationReport.DatasetReport> reports = new ArrayList<>();
    // An unreadable Parquet part stops the run before minutes are spent on other datasets.
    for (InputFile f : folder.files()) {
      if (f.format() == InputFormat.PARQUET) {
        ParquetReader.checkFooters(publisher.conf(), f, isFolder(f.uri()));
      }
    }
    try {
      for (DatasetContract d : Datasets.ALL) {
        List<InputFile> files = folder.filesOf(d.name());
        try {
          reports.add(ingestDataset(d, files, accepted, work));
        } catch (IngestException e) {
          throw e;
        } catch (Exception e) {
          // Spark's job failures are SparkExceptions, checked in Java's eyes but thrown unchecked.
          awaitNoRunningTasks();
          throw Ingestion.<RuntimeException>unreadable(d, files, e);
        }
      }
    } finally {
      publisher.delete(run.runDir() + "/.work");
    }
    // The report is published data: it names the input folder only through the manifest, and it
    // leaves out the files that were not inputs (the run log lists them), so a rerun over the
    // folder rebuilt from the snapshot store produces the same report.
    ValidationReport report = ValidationReport.of(INPUT_LABEL, reports, folder.dataNotes());
    publisher.writeText(run.validationDir() + "/report.json", report.toJson());
    publisher.writeText(run.validationDir() + "/report.md", report.toMarkdown());
    return report;
  }

  /**
   * A failure while Spark reads the inputs (Spark's FAILED_READ_FILE: a Parquet page that does not
   * decode, a file that vanished) becomes an IngestException naming the dataset's files, with the
   * innermost I/O reason; anything else is rethrown as it is.
   */
  @SuppressWarnings("unchecked")
  private static <T extends Exception> T unreadable(
      DatasetContract d, List<InputFile> files, Exception e) throws T {
    boolean reading = false;
    for (Throwable t = e; t != null; t = t.getCause()) {
      reading |=
          t instanceof org.apache.parquet.io.ParquetDecodingException
              || String.valueOf(t.getMessage()).contains("FAILED_READ_FILE");
      if (reading && (t.getCause() == null || t instanceof IOException)) {
        return (T)
            new IngestException(
                d.name()
                    + ": cannot read "
                    + String.join(", ", files.stream().map(InputFile::name).toList())
                    + ": "
                    + t.getMessage()
                    + " / 无法读取输入文件",
                e);
      }
    }
    throw (T) e;
  }

  /**
   * When a job fails, Spark kills its other tasks without waiting for them; one still running could
   * write into the run folder after the failed run is removed. Waits (at most a minute) until no
   * task runs.
   */
  private void awaitNoRunningTasks() {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < deadline) {
      int running = 0;
      for (org.apache.spark.SparkExecutorInfo x :
          spark.sparkContext().statusTracker().getExecutorInfos()) {
        running += x.numRunningTasks();
      }
      if (running == 0) {
        return;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private ValidationReport.DatasetReport ingestDataset(
      DatasetContract d, List<InputFile> files, Map<String, Dataset<Row>> accepted, String work) {
    List<String> notes = new ArrayList<>();
    List<RawTable> raws = new ArrayList<>();
    Dataset<Row> canonical = null;
    for (InputFile f : files) {
      RawTable raw = read(f, work);
      HeaderMatcher.HeaderMapping m = HeaderMatcher.match(raw.headers(), d, f.name());
      raws.add(raw);
      notes.addAll(raw.notes());
      Dataset<Row> rows = CanonicalRows.of(raw, m, d);
      canonical = canonical == null ? rows : canonical.unionByName(rows);
      if (!m.unknownHeaders().isEmpty()) {
        notes.add(f.name() + ": ignored columns " + String.join(", ", m.unknownHeaders()));
      }
    }
    if (canonical == null) {
      notes.add("no input file for " + d.name() + "; empty staging written");
      canonical = CanonicalRows.empty(spark, d);
    }
    for (ForeignKey fk : d.references()) {
      if (!accepted.containsKey(fk.targetDataset())) {
        notes.add(
            "reference "
                + String.join(", ", fk.columns())
                + " → "
                + fk.targetDataset()
                + " not checked: no "
                + fk.targetDataset()
                + " input");
      }
    }
    Dataset<Row> validated =
        materialise(ContractValidator.validate(canonical, d, accepted), d, work);
    int n = Publisher.FILES;
    Dataset<Row> staging = ValidatedRows.staging(validated, d);
    publishStaging(staging, d, n, files.isEmpty());
    Dataset<Row> rejects =
        JdbcRejects.locate(ValidatedRows.rejects(validated, d), d, files, raws, config);
    publisher.writeParquet(
        rejects
            .repartition(n, col("source_file"))
            .sortWithinPartitions(col("source_file"), col("source_row")),
        run.rejects(d.name()));
    if (files.isEmpty()) {
      return new ValidationReport.DatasetReport(
          d.name(), List.of(), 0, 0, 0, 0, Map.of(), Map.of(), List.of(), notes);
    }
    Dataset<Row> warnings = ValidatedRows.warnings(validated);
    return tally(
        d,
        files,
        raws,
        canonical,
        staging.schema(),
        rejects.schema(),
        warnings,
        notes,
        !files.isEmpty(),
        accepted);
  }

  /**
   * Validation runs once: its outcome goes to the work area as Parquet, and staging, rejects and
   * warnings read back only the columns they need. (An in-memory cache of the wide validated rows
   * cost minutes of columnar encoding per million rows and filled a 1 GB heap; partitioning the
   * work files by outcome would add a sort of every row.)
   */
  private Dataset<Row> materialise(Dataset<Row> validated, DatasetContract d, String work) {
    Dataset<Row> outcome = ValidatedRows.outcome(validated, d);
    String uri = work + "/validated/" + d.name();
    outcome.write().mode(SaveMode.Overwrite).parquet(uri);
    return spark.read().schema(outcome.schema()).parquet(uri);
  }

  private void publishStaging(Dataset<Row> staging, DatasetContract d, int n, boolean noInput) {
    List<Column> sort = new ArrayList<>();
    d.partitionBy().ifPresent(p -> sort.add(col(p)));
    for (String k : d.key()) {
      sort.add(col("`" + k + "`"));
    }
    sort.add(col(CanonicalRows.SOURCE_FILE));
    sort.add(col(CanonicalRows.SOURCE_ROW));
    // One file per partition value (hashed on it alone): per-mu sums over a year's firms then
    // read one file in one order, so local and cluster runs add them up identically. Hashing on
    // year and key spread the sort over more tasks but made those sums order-dependent.
    List<Column> by = new ArrayList<>();
    if (d.partitionBy().isPresent()) {
      by.add(col(d.partitionBy().get()));
    } else {
      d.key().forEach(k -> by.add(col("`" + k + "`")));
    }
    if (noInput || (d.partitionBy().isPresent() && staging.isEmpty())) {
      // A partitioned write of no rows leaves no file; one unpartitioned empty file keeps the
      // schema.
      publisher.writeParquet(staging.coalesce(1), run.staging(d.name()));
      return;
    }
    Dataset<Row> sorted =
        (by.isEmpty() ? staging.repartition(n) : staging.repartition(n, by.toArray(Column[]::new)))
            .sortWithinPartitions(sort.toArray(Column[]::new));
    publisher.writeParquet(
        sorted,
        run.staging(d.name()),
        d.partitionBy().map(p -> new String[] {p}).orElse(new String[0]));
  }

  private RawTable read(InputFile f, String work) {
    return switch (f.format()) {
      case CSV -> CsvReader.read(spark, f, work);
      case XLSX -> XlsxReader.read(spark, f);
      case PARQUET -> ParquetReader.read(spark, f, isFolder(f.uri()));
    };
  }

  private boolean isFolder(String uri) {
    try {
      Path p = new Path(uri);
      FileSystem fs = p.getFileSystem(publisher.conf());
      return fs.getFileStatus(p).isDirectory();
    } catch (IOException e) {
      throw new IngestException(uri + ": cannot read: " + e.getMessage(), e);
    }
  }

  private long bytes(String uri) {
    try {
      Path p = new Path(uri);
      return p.getFileSystem(publisher.conf()).getContentSummary(p).getLength();
    } catch (IOException e) {
      throw new IngestException(uri + ": cannot read: " + e.getMessage(), e);
    }
  }

  private ValidationReport.DatasetReport tally(
      DatasetContract d,
      List<InputFile> files,
      List<RawTable> raws,
      Dataset<Row> canonical,
      org.apache.spark.sql.types.StructType stagingSchema,
      org.apache.spark.sql.types.StructType rejectsSchema,
      Dataset<Row> warnings,
      List<String> notes,
      boolean hasInput,
      Map<String, Dataset<Row>> accepted) {
    Dataset<Row> staged = spark.read().schema(stagingSchema).parquet(run.staging(d.name()));
    Dataset<Row> rejected = spark.read().schema(rejectsSchema).parquet(run.rejects(d.name()));
    // The four tallies (read, accepted, rejected and warned rows per file and rule), each counted
    // from its own source, come back in one query, with the content digests of the published
    // rejects and (when not partitioned) staging, which the manifest then need not compute again:
    // without partition folders, the files' schema is the one written.
    Dataset<Row> tallies =
        tally("read", canonical, col(CanonicalRows.SOURCE_FILE), lit(null).cast("string"))
            .unionByName(
                tally("accepted", staged, col(CanonicalRows.SOURCE_FILE), lit(null).cast("string")))
            .unionByName(tally("rejected", rejected, col("source_file"), col("rule")))
            .unionByName(tally("warned", warnings, col("source_file"), col("rule")))
            .unionByName(digest(HASH_REJECTS, rejected));
    boolean stagingDigest = d.partitionBy().isEmpty();
    if (stagingDigest) {
      tallies = tallies.unionByName(digest(HASH_STAGING, staged));
    }
    Map<String, Long> read = new TreeMap<>();
    Map<String, Long> acc = new TreeMap<>();
    Map<String, Map<String, Long>> rej = new TreeMap<>();
    Map<String, Map<String, Long>> warn = new TreeMap<>();
    for (Row t : tallies.collectAsList()) {
      String file = t.getString(1);
      long n = t.getLong(3);
      switch (t.getString(0)) {
        case "read" -> read.put(file, n);
        case "accepted" -> acc.put(file, n);
        case "rejected" -> rej.computeIfAbsent(file, k -> new TreeMap<>()).put(t.getString(2), n);
        case "warned" -> warn.computeIfAbsent(file, k -> new TreeMap<>()).put(t.getString(2), n);
        case HASH_REJECTS -> remember(run.rejects(d.name()), rejected, t);
        default -> remember(run.staging(d.name()), staged, t);
      }
    }
    List<ValidationReport.WarningExample> examples = new ArrayList<>();
    for (Row r :
        warnings
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("rule").orderBy(col("source_file"), col("source_row"))))
            .where(col("_n").leq(WARNING_EXAMPLES))
            .orderBy(col("rule"), col("source_file"), col("source_row"))
            .collectAsList()) {
      examples.add(
          new ValidationReport.WarningExample(
              r.getString(0), r.getLong(1), r.getString(2), r.getString(3), r.getString(4)));
    }
    List<ValidationReport.FileReport> fileReports = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      InputFile f = files.get(i);
      RawTable raw = raws.get(i);
      Map<String, Long> rejectedByRule = new TreeMap<>();
      Map<String, Long> warningsByRule = new TreeMap<>();
      long r = sumFor(f, read);
      long a = sumFor(f, acc);
      long j = 0;
      long w = 0;
      for (var e : rej.entrySet()) {
        if (belongs(e.getKey(), f)) {
          for (var x : e.getValue().entrySet()) {
            rejectedByRule.merge(x.getKey(), x.getValue(), Long::sum);
            j += x.getValue();
          }
        }
      }
      for (var e : warn.entrySet()) {
        if (belongs(e.getKey(), f)) {
          for (var x : e.getValue().entrySet()) {
            warningsByRule.merge(x.getKey(), x.getValue(), Long::sum);
            w += x.getValue();
          }
        }
      }
      fileReports.add(
          new ValidationReport.FileReport(
              f.name(),
              d.name(),
              f.format().name().toLowerCase(java.util.Locale.ROOT),
              raw.encoding(),
              raw.sheet(),
              bytes(f.uri()),
              publisher.sha256(f.uri()),
              HeaderMatcher.match(raw.headers(), d, f.name()).unknownHeaders(),
              r,
              a,
              j,
              w,
              rejectedByRule,
              warningsByRule));
    }
    long tr = 0;
    long ta = 0;
    long tj = 0;
    long tw = 0;
    Map<String, Long> rejectedByRule = new TreeMap<>();
    Map<String, Long> warningsByRule = new TreeMap<>();
    for (ValidationReport.FileReport f : fileReports) {
      tr += f.read();
      ta += f.accepted();
      tj += f.rejected();
      tw += f.warnings();
      f.rejectedByRule().forEach((k, v) -> rejectedByRule.merge(k, v, Long::sum));
      f.warningsByRule().forEach((k, v) -> warningsByRule.merge(k, v, Long::sum));
    }
    // Rows whose source file is no input file would be lost from the per-file counts.
    long allRead = read.values().stream().mapToLong(Long::longValue).sum();
    long allAccepted = acc.values().stream().mapToLong(Long::longValue).sum();
    long allRejected =
        rej.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    if (allRead != tr || allAccepted != ta || allRejected != tj) {
      throw new IngestException(
          d.name()
              + ": rows do not reconcile with the input files (read "
              + allRead
              + ", accepted "
              + allAccepted
              + ", rejected "
              + allRejected
              + ")");
    }
    if (hasInput) {
      accepted.put(d.name(), staged);
    }
    return new ValidationReport.DatasetReport(
        d.name(), fileReports, tr, ta, tj, tw, rejectedByRule, warningsByRule, examples, notes);
  }

  private static boolean belongs(String sourceFile, InputFile f) {
    return sourceFile.equals(f.name()) || sourceFile.startsWith(f.name() + "/");
  }

  private static long sumFor(InputFile f, Map<String, Long> bySource) {
    long n = 0;
    for (var e : bySource.entrySet()) {
      if (belongs(e.getKey(), f)) {
        n += e.getValue();
      }
    }
    return n;
  }

  private static final String HASH_REJECTS = "hash:rejects";
  private static final String HASH_STAGING = "hash:staging";

  /** Rows of {@code rows} per file and rule, as (what, file, rule, n, a, b); no digests. */
  private static Dataset<Row> tally(String what, Dataset<Row> rows, Column file, Column rule) {
    return rows.groupBy(file.as("file"), rule.as("rule"))
        .agg(count("*").as("n"))
        .select(
            lit(what).as("what"),
            col("file"),
            col("rule"),
            col("n"),
            lit(null).cast(DIGEST).as("a"),
            lit(null).cast(DIGEST).as("b"));
  }

  /** The row count and content digests ({@link ContentHash}) of {@code rows}, as one tally row. */
  private static Dataset<Row> digest(String what, Dataset<Row> rows) {
    List<Column> d = ContentHash.digests(rows.schema());
    return rows.agg(count("*").as("n"), d.get(0).as("a"), d.get(1).as("b"))
        .select(
            lit(what).as("what"),
            lit(null).cast("string").as("file"),
            lit(null).cast("string").as("rule"),
            col("n"),
            col("a").cast(DIGEST).as("a"),
            col("b").cast(DIGEST).as("b"));
  }

  private static final String DIGEST = "decimal(38,0)";

  private void remember(String uri, Dataset<Row> rows, Row t) {
    ContentHash.remember(
        publisher.conf(),
        uri,
        ContentHash.fromTotals(
            rows.schema(),
            t.getLong(3),
            t.isNullAt(4) ? null : t.getDecimal(4),
            t.isNullAt(5) ? null : t.getDecimal(5)));
  }
}
