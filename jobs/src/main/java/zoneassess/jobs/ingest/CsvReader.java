package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_csv;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.trim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a CSV file (comma-separated, RFC 4180 quoting, header on line 1). Non-UTF-8 files are
 * transcoded to UTF-8 in a work folder first, so Spark always reads UTF-8 text. Every data row
 * keeps its physical line number (the header is line 1); blank lines are not rows. A quoted value
 * that spans lines is not supported (each physical line is one row).
 */
public final class CsvReader {
  private CsvReader() {}

  public static RawTable read(SparkSession spark, InputFile file, String workDir) {
    Path path = new Path(file.uri());
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      CsvEncoding encoding;
      if (file.encoding() != null) {
        encoding = CsvEncoding.configured(file.encoding(), file.name());
      } else {
        try (InputStream in = fs.open(path)) {
          encoding = CsvEncoding.detect(in);
        }
      }
      String headerLine;
      try (BufferedReader r =
          new BufferedReader(new InputStreamReader(fs.open(path), encoding.charset()))) {
        headerLine = r.readLine();
      }
      if (headerLine == null || headerLine.replace("\uFEFF", "").isBlank()) {
        throw new IngestException(file.name() + ": empty file, no header on line 1 / 文件为空");
      }
      List<String> headers = splitLine(headerLine.replace("\uFEFF", ""));
      String textUri = file.uri();
      if (!encoding.isUtf8()) {
        Path utf8 = new Path(workDir, file.name() + ".utf8.csv");
        transcode(fs, path, encoding, utf8);
        textUri = utf8.toString();
      }
      return new RawTable(
          file, headers, rows(spark, textUri, file.name(), headers.size()), encoding.label(), null);
    } catch (IOException e) {
      throw new IngestException(file.name() + ": cannot read CSV file: " + e.getMessage(), e);
    }
  }

  private static Dataset<Row> rows(SparkSession spark, String textUri, String name, int width) {
    JavaRDD<String> lines =
        JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(textUri);
    // zipWithIndex numbers lines in file order across partitions: line number = index + 1.
    JavaRDD<Row> numbered = lines.zipWithIndex().map(t -> RowFactory.create(t._1(), t._2() + 1));
    StructType lineSchema =
        new StructType()
            .add("_line", DataTypes.StringType, true)
            .add("_source_row", DataTypes.LongType, false);
    List<StructField> fields = new ArrayList<>();
    for (int i = 0; i < width; i++) {
      fields.add(DataTypes.createStructField(RawTable.column(i), DataTypes.StringType, true));
    }
    StructType valueSchema = DataTypes.createStructType(fields);
    Dataset<Row> parsed =
        spark
            .createDataFrame(numbered, lineSchema)
            .where(col("_source_row").gt(1).and(trim(col("_line")).notEqual("")))
            .select(
                lit(name).as("_source_file"),
                col("_source_row"),
                from_csv(
                        col("_line"),
                        lit(valueSchema.toDDL()),
                        Map.of("mode", "PERMISSIVE", "escape", "\"", "nullValue", ""))
                    .as("_v"));
    List<Column> out = new ArrayList<>(List.of(col("_source_file"), col("_source_row")));
    for (int i = 0; i < width; i++) {
      out.add(col("_v." + RawTable.column(i)).as(RawTable.column(i)));
    }
    return parsed.select(out.toArray(Column[]::new));
  }

  private static void transcode(FileSystem fs, Path from, CsvEncoding enc, Path to)
      throws IOException {
    try (Reader in = new InputStreamReader(fs.open(from), enc.charset());
        OutputStream os = fs.create(to, true);
        Writer out = new OutputStreamWriter(os, StandardCharsets.UTF_8)) {
      in.transferTo(out);
    }
  }

  /** Splits one CSV line into fields (RFC 4180 quotes; "" inside quotes is a quote). */
  static List<String> splitLine(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cur.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    out.add(cur.toString().strip());
    return out;
  }
}
