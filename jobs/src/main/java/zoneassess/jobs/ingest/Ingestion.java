package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.size;

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
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
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
    // Rows read per file are counted as the validation write reads them, rows accepted per file
    // as the staging write writes them: the counts come from the input and from what is published,
    // without a second pass over either.
    Observation readCounts = new Observation();
    Dataset<Row> observed = FileCounts.observe(canonical, files, readCounts);
    Validated validated = materialise(observed, d, accepted, work);
    int n = Publisher.FILES;
    Dataset<Row> staging = ValidatedRows.staging(validated.rows(), d);
    Observation stagedCounts = new Observation();
    publishStaging(staging, d, n, files, validated.acceptedRows() == 0, stagedCounts);
    Dataset<Row> rejects =
        JdbcRejects.locate(ValidatedRows.rejects(validated.rows(), d), d, files, raws, config);
    publisher.writeParquet(
        rejects
            .repartition(n, col("source_file"))
            .sortWithinPartitions(col("source_file"), col("source_row")),
        run.rejects(d.name()));
    if (files.isEmpty()) {
      return new ValidationReport.DatasetReport(
          d.name(), List.of(), 0, 0, 0, 0, Map.of(), Map.of(), List.of(), notes);
    }
    Map<String, Object> read = FileCounts.of(readCounts, d.name());
    Map<String, Object> staged = FileCounts.of(stagedCounts, d.name());
    if (d.partitionBy().isEmpty()) {
      // Without partition folders the files' schema is the one written: the digests of the rows
      // written are those of the files, and the manifest need not compute them again.
      ContentHash.remember(
          publisher.conf(),
          run.staging(d.name()),
          ContentHash.fromTotals(
              staging.schema(),
              FileCounts.all(staged),
              (java.math.BigDecimal) staged.get("a"),
              (java.math.BigDecimal) staged.get("b")));
    }
    Dataset<Row> rejected = spark.read().schema(rejects.schema()).parquet(run.rejects(d.name()));
    DatasetTally t =
        DatasetTally.of(rejected, ValidatedRows.warnings(validated.rows()), WARNING_EXAMPLES);
    ContentHash.remember(publisher.conf(), run.rejects(d.name()), t.rejectsHash(rejects.schema()));
    ValidationReport.DatasetReport report = report(d, files, raws, read, staged, t, notes);
    accepted.put(d.name(), spark.read().schema(staging.schema()).parquet(run.staging(d.name())));
    return report;
  }

  private static final String ACCEPTED = "accepted";

  /** Validated rows ({@link ContractValidator#validate}'s columns) and how many are accepted. */
  private record Validated(Dataset<Row> rows, long acceptedRows) {}

  /**
   * Validation reads the input once. The row checks go to the work area as Parquet, without a
   * shuffle; the key checks (duplicate keys, references) then read back only the columns they need
   * and write the few rows that fail them; staging, rejects and warnings join the two. (A window
   * over the validated rows moved and sorted every column of every row, the original as JSON
   * included; an in-memory cache of the wide rows cost minutes of columnar encoding per million
   * rows and filled a 1 GB heap.)
   */
  private Validated materialise(
      Dataset<Row> canonical, DatasetContract d, Map<String, Dataset<Row>> accepted, String work) {
    Dataset<Row> checked = ValidatedRows.checked(ContractValidator.rowChecked(canonical, d), d);
    String uri = work + "/checked/" + d.name();
    Observation checkedCounts = new Observation();
    Column noRowFailure = size(col(ContractValidator.ROW_FAILURES)).equalTo(0);
    checked
        .observe(checkedCounts, count_if(noRowFailure).as(ACCEPTED))
        .write()
        .mode(SaveMode.Overwrite)
        .parquet(uri);
    Dataset<Row> rows = spark.read().schema(checked.schema()).parquet(uri);
    long acceptedRows = count(checkedCounts, d);
    Column none = Failure.list(List.of());
    Dataset<Row> keyed;
    if (!ContractValidator.hasKeyChecks(d, accepted)) {
      keyed = rows.withColumn(ContractValidator.KEY_FAILURES, none);
    } else {
      String keysUri = work + "/key-failures/" + d.name();
      Observation keyCounts = new Observation();
      Dataset<Row> failing =
          ContractValidator.keyFailures(rows, d, accepted)
              .where(size(col(ContractValidator.KEY_FAILURES)).gt(0))
              .observe(keyCounts, count_if(noRowFailure).as(ACCEPTED))
              .select(
                  col(CanonicalRows.SOURCE_FILE).as(KEY_FILE),
                  col(CanonicalRows.SOURCE_ROW).as(KEY_ROW),
                  col(ContractValidator.KEY_FAILURES));
      failing.write().mode(SaveMode.Overwrite).parquet(keysUri);
      // Rows without a row failure that fail a key check are rejected too.
      acceptedRows -= count(keyCounts, d);
      Dataset<Row> k = spark.read().schema(failing.schema()).parquet(keysUri);
      keyed =
          rows.join(
                  k,
                  rows.col(CanonicalRows.SOURCE_FILE)
                      .equalTo(k.col(KEY_FILE))
                      .and(rows.col(CanonicalRows.SOURCE_ROW).equalTo(k.col(KEY_ROW))),
                  "left")
              .withColumn(
                  ContractValidator.KEY_FAILURES,
                  coalesce(col(ContractValidator.KEY_FAILURES), none))
              .drop(KEY_FILE, KEY_ROW);
    }
    return new Validated(ContractValidator.withFailures(keyed), acceptedRows);
  }

  private static final String KEY_FILE = "_key_file";
  private static final String KEY_ROW = "_key_row";

  private static long count(Observation o, DatasetContract d) {
    return ((Number) FileCounts.of(o, d.name()).get(ACCEPTED)).longValue();
  }

  /**
   * Publishes the accepted rows, counting them per input file (and, unpartitioned, taking their
   * content digests) in {@code counts} as they are written.
   */
  private void publishStaging(
      Dataset<Row> staging,
      DatasetContract d,
      int n,
      List<InputFile> files,
      boolean noRows,
      Observation counts) {
    boolean noInput = files.isEmpty();
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
    List<Column> digests = new ArrayList<>();
    if (d.partitionBy().isEmpty()) {
      List<Column> ab = ContentHash.digests(staging.schema());
      digests.add(ab.get(0).as("a"));
      digests.add(ab.get(1).as("b"));
    }
    Column[] more = digests.toArray(Column[]::new);
    if (noInput || (d.partitionBy().isPresent() && noRows)) {
      // A partitioned write of no rows leaves no file; one unpartitioned empty file keeps the
      // schema.
      publisher.writeParquet(
          FileCounts.observe(
              staging.coalesce(1), col(CanonicalRows.SOURCE_FILE), files, counts, more),
          run.staging(d.name()));
      return;
    }
    Dataset<Row> sorted =
        (by.isEmpty() ? staging.repartition(n) : staging.repartition(n, by.toArray(Column[]::new)))
            .sortWithinPartitions(sort.toArray(Column[]::new));
    publisher.writeParquet(
        FileCounts.observe(sorted, col(CanonicalRows.SOURCE_FILE), files, counts, more),
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

  /**
   * The dataset's report from the rows read and staged per file ({@link FileCounts}) and the
   * rejects and warnings per source and rule ({@link DatasetTally}); fails when a row is lost (read
   * ≠ accepted + rejected) or comes from no input file.
   */
  private ValidationReport.DatasetReport report(
      DatasetContract d,
      List<InputFile> files,
      List<RawTable> raws,
      Map<String, Object> readCounts,
      Map<String, Object> stagedCounts,
      DatasetTally t,
      List<String> notes) {
    long[] read = FileCounts.perFile(readCounts, files.size());
    long[] acc = FileCounts.perFile(stagedCounts, files.size());
    List<ValidationReport.FileReport> fileReports = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      InputFile f = files.get(i);
      RawTable raw = raws.get(i);
      Map<String, Long> rejectedByRule = new TreeMap<>();
      Map<String, Long> warningsByRule = new TreeMap<>();
      long j = 0;
      long w = 0;
      for (var e : t.rejected().entrySet()) {
        if (belongs(e.getKey(), f)) {
          for (var x : e.getValue().entrySet()) {
            rejectedByRule.merge(x.getKey(), x.getValue(), Long::sum);
            j += x.getValue();
          }
        }
      }
      for (var e : t.warned().entrySet()) {
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
              read[i],
              acc[i],
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
    long allRead = FileCounts.all(readCounts);
    long allAccepted = FileCounts.all(stagedCounts);
    long allRejected = t.rejectRows();
    if (allRead != tr
        || allAccepted != ta
        || allRejected != tj
        || allRead != allAccepted + allRejected) {
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
    return new ValidationReport.DatasetReport(
        d.name(), fileReports, tr, ta, tj, tw, rejectedByRule, warningsByRule, t.examples(), notes);
  }

  private static boolean belongs(String sourceFile, InputFile f) {
    return sourceFile.equals(f.name()) || sourceFile.startsWith(f.name() + "/");
  }
}
