package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a CSV file (comma-separated, RFC 4180 quoting, header record first). One strict decoding
 * pass ({@link CsvText}) checks every byte against the declared or detected encoding and learns
 * whether a quoted field spans lines. Non-UTF-8 text is written to the work folder as UTF-8 in the
 * same pass, so Spark always reads UTF-8. A file without multi-line records is split and parsed in
 * parallel, one physical line per record; in a file with them, one sequential pass finds the record
 * boundaries and writes each record as one line to the work folder, parsed in parallel from there.
 * Every data record keeps the physical line it starts on (the header is line 1); a record whose
 * field count differs from the header's, or whose quoting is malformed, carries a {@code
 * _record_failure} and is rejected.
 */
public final class CsvReader {
  private CsvReader() {}

  public static RawTable read(SparkSession spark, InputFile file, String workDir) {
    Path path = new Path(file.uri());
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      byte[] head;
      try (InputStream in = fs.open(path)) {
        head = in.readNBytes(4096);
      }
      Path utf8 = new Path(workDir, file.name() + ".utf8.csv");
      Decoded d = decode(fs, path, file, head, utf8);
      String textUri = d.transcoded() ? utf8.toString() : file.uri();
      CsvRecords.Record header;
      try (BufferedReader r = open(fs, new Path(textUri))) {
        header = new CsvRecords.Reader(r).next();
      }
      if (header == null) {
        throw new IngestException(file.name() + ": empty file, no header on line 1 / 文件为空");
      }
      List<String> headers = new ArrayList<>();
      header.fields().forEach(h -> headers.add(h.replace("\uFEFF", "").strip()));
      Dataset<Row> rows =
          d.scan().multiLineRecords()
              ? sequential(spark, fs, textUri, file.name(), headers.size(), workDir)
              : parallel(spark, textUri, file.name(), headers.size());
      return new RawTable(file, headers, rows, d.encoding().label(), null, List.of());
    } catch (IOException e) {
      throw new IngestException(file.name() + ": cannot read CSV file: " + e.getMessage(), e);
    }
  }

  private record Decoded(CsvEncoding encoding, CsvText.Scan scan, boolean transcoded) {}

  /**
   * Chooses the encoding and decodes the whole file strictly with it: the byte-order mark, else
   * ingest.yaml, else UTF-16 by its NUL bytes, else UTF-8, else GBK.
   */
  private static Decoded decode(FileSystem fs, Path path, InputFile file, byte[] head, Path utf8)
      throws IOException {
    CsvEncoding bom = CsvEncoding.fromBom(head);
    CsvEncoding chosen;
    if (file.encoding() != null) {
      chosen = CsvEncoding.configured(file.encoding(), file.name());
      if (bom != null && !bom.charset().equals(chosen.charset())) {
        throw new IngestException(
            String.format(
                Locale.ROOT,
                "%s: ingest.yaml declares %s, but the file starts with a %s byte-order mark"
                    + " / 声明的编码与字节顺序标记不符",
                file.name(),
                chosen.name(),
                bom.name()));
      }
      if (bom != null) {
        chosen =
            new CsvEncoding(chosen.label(), chosen.charset(), bom.bomLength(), chosen.declared());
      }
    } else if (bom != null) {
      chosen = bom;
    } else {
      chosen = CsvEncoding.utf16WithoutBom(head);
    }
    if (chosen != null) {
      try {
        return new Decoded(chosen, pass(fs, path, chosen, utf8), !chosen.isUtf8());
      } catch (CsvText.Malformed e) {
        throw new IngestException(
            String.format(
                Locale.ROOT,
                "%s: line %d: bytes %s are not valid %s (%s) / 第 %d 行的字节不符合编码 %s",
                file.name(),
                e.line,
                e.bytes,
                chosen.name(),
                chosen.declared() == null ? "detected" : "declared by " + chosen.declared(),
                e.line,
                chosen.name()),
            e);
      }
    }
    try {
      return new Decoded(CsvEncoding.utf8(), pass(fs, path, CsvEncoding.utf8(), null), false);
    } catch (CsvText.Malformed notUtf8) {
      try {
        return new Decoded(CsvEncoding.gbk(), pass(fs, path, CsvEncoding.gbk(), utf8), true);
      } catch (CsvText.Malformed notGbk) {
        throw new IngestException(
            String.format(
                Locale.ROOT,
                "%s: line %d: bytes %s are neither UTF-8 nor GBK (UTF-8 fails on line %d)"
                    + " / 文件编码无法识别：第 %d 行既不是 UTF-8 也不是 GBK",
                file.name(),
                notGbk.line,
                notGbk.bytes,
                notUtf8.line,
                notGbk.line),
            notGbk);
      }
    }
  }

  private static CsvText.Scan pass(FileSystem fs, Path path, CsvEncoding enc, Path utf8)
      throws IOException, CsvText.Malformed {
    try (InputStream in = fs.open(path);
        OutputStream out = utf8 == null ? null : fs.create(utf8, true)) {
      in.skipNBytes(enc.bomLength());
      return CsvText.scan(in, enc.charset(), out);
    } catch (CsvText.OpenQuote e) {
      throw new IngestException(
          String.format(
              Locale.ROOT,
              "%s: line %d: a quoted field opened on this line is never closed / 第 %d 行的引号未闭合",
              path.getName(),
              e.line,
              e.line),
          e);
    }
  }

  private static BufferedReader open(FileSystem fs, Path text) throws IOException {
    return new BufferedReader(new InputStreamReader(fs.open(text), StandardCharsets.UTF_8));
  }

  /** Lines split across tasks; each non-blank line after the header is one record. */
  private static Dataset<Row> parallel(SparkSession spark, String textUri, String name, int width) {
    JavaRDD<String> lines =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(textUri);
    // zipWithIndex numbers lines in file order across partitions: line number = index + 1.
    JavaRDD<Row> records =
        lines
            .zipWithIndex()
            .filter(t -> t._2() > 0 && !CsvRecords.blank(t._1()))
            .map(t -> row(CsvRecords.parse(t._1(), t._2() + 1, t._2() + 1), width));
    return withFile(spark.createDataFrame(records, schema(width)), name, width);
  }

  /**
   * Record boundaries found in one pass in the driver: each record is written to the work folder as
   * one line (its line breaks escaped, its line numbers in front), then parsed in parallel.
   */
  private static Dataset<Row> sequential(
      SparkSession spark, FileSystem fs, String textUri, String name, int width, String workDir)
      throws IOException {
    Path records = new Path(workDir, name + ".records");
    try (BufferedReader r = open(fs, new Path(textUri));
        Writer w =
            new BufferedWriter(
                new OutputStreamWriter(fs.create(records, true), StandardCharsets.UTF_8))) {
      CsvRecords.Reader reader = new CsvRecords.Reader(r);
      reader.nextText();
      for (CsvRecords.Record rec = reader.nextText(); rec != null; rec = reader.nextText()) {
        w.write(CsvRecords.toLine(rec));
        w.write('\n');
      }
    }
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .textFile(records.toString())
            .map(line -> row(CsvRecords.fromLine(line), width));
    return withFile(spark.createDataFrame(rows, schema(width)), name, width);
  }

  private static StructType schema(int width) {
    StructType s =
        new StructType()
            .add(CanonicalRows.SOURCE_ROW, DataTypes.LongType, false)
            .add(RawTable.RECORD_FAILURE, Failure.TYPE, true);
    for (int i = 0; i < width; i++) {
      s = s.add(RawTable.column(i), DataTypes.StringType, true);
    }
    return s;
  }

  private static Dataset<Row> withFile(Dataset<Row> rows, String name, int width) {
    List<Column> out = new ArrayList<>();
    out.add(lit(name).as(CanonicalRows.SOURCE_FILE));
    out.add(col(CanonicalRows.SOURCE_ROW));
    out.add(col(RawTable.RECORD_FAILURE));
    for (int i = 0; i < width; i++) {
      out.add(col(RawTable.column(i)));
    }
    return rows.select(out.toArray(Column[]::new));
  }

  /**
   * A record as a row: its first line, a failure when its field count differs from the header's
   * (never trimmed or padded silently) or its quoting is malformed, and its fields.
   */
  static Row row(CsvRecords.Record rec, int width) {
    Object[] cells = new Object[width + 2];
    cells[0] = rec.firstLine();
    List<String> f = rec.fields();
    Row failure = null;
    String lines =
        rec.firstLine() == rec.lastLine()
            ? ""
            : String.format(Locale.ROOT, " (lines %d–%d)", rec.firstLine(), rec.lastLine());
    if (rec.malformed() != null) {
      failure = RowFactory.create("quoting", "", rec.malformed() + lines, rec.text());
    } else if (f.size() != width) {
      failure =
          RowFactory.create(
              "field_count",
              "",
              String.format(
                  Locale.ROOT,
                  "字段数与表头不符 / the record has %d fields, the header has %d%s",
                  f.size(),
                  width,
                  lines),
              rec.text());
    }
    cells[1] = failure;
    for (int i = 0; i < width; i++) {
      // An empty field is a missing value, as in a blank XLSX cell.
      cells[i + 2] = i < f.size() && !f.get(i).isEmpty() ? f.get(i) : null;
    }
    return RowFactory.create(cells);
  }

  /** Splits one CSV line into stripped fields (a header line). */
  static List<String> splitLine(String line) {
    return CsvRecords.parse(line, 1, 1).fields().stream().map(String::strip).toList();
  }
}
