package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.pipeline.PipelineRun;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * Inputs that cannot be read faithfully as a whole stop the run with a message naming the file (and
 * line): bytes invalid in the declared or detected encoding, an unclosed quote, a workbook that
 * looks like a zip bomb, a truncated Parquet part, a dangling link. Encodings that can be read
 * (UTF-16 with and without a byte-order mark) are read and reported. The readers are called
 * directly where no run is needed.
 */
class UnusableInputsTest extends SparkTestBase {
  static final Charset GBK = Charset.forName("GBK");

  @TempDir Path dir;

  /** "淮安" in GBK is BB B4 B0 B2; BB cannot start a UTF-8 sequence. */
  static final String EVENTS = "zone_code,note\nHA-ETDZ,淮安\n";

  private RawTable readCsv(String name) {
    InputFolder folder = InputFolder.scan(dir.toUri().toString(), new Configuration());
    InputFile f =
        folder.files().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    return CsvReader.read(spark, f, dir.resolve("work").toUri().toString());
  }

  private String failure(String name) {
    return assertThrows(IngestException.class, () -> readCsv(name)).getMessage();
  }

  @Test
  void gbkBytesDeclaredUtf8InIngestYamlStopNamingFileAndLine() {
    IngestFixtures.write(dir, "zone_events.csv", EVENTS, GBK, false);
    IngestFixtures.write(dir, "ingest.yaml", "files:\n  zone_events.csv: {encoding: UTF-8}\n");
    assertEquals(
        "zone_events.csv: line 2: bytes BB are not valid UTF-8 (declared by ingest.yaml)"
            + " / 第 2 行的字节不符合编码 UTF-8",
        failure("zone_events.csv"));
  }

  @Test
  void gbkBytesBehindAUtf8ByteOrderMarkStopNamingFileAndLine() {
    IngestFixtures.write(dir, "zone_events.csv", EVENTS, GBK, true);
    assertEquals(
        "zone_events.csv: line 2: bytes BB are not valid UTF-8 (declared by byte-order mark)"
            + " / 第 2 行的字节不符合编码 UTF-8",
        failure("zone_events.csv"));
  }

  @Test
  void bytesNeitherUtf8NorGbkStopNamingTheLine() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(EVENTS.getBytes(GBK));
    b.write("JH-EDZ,".getBytes(StandardCharsets.US_ASCII));
    b.write(0xFF);
    b.write('\n');
    Files.write(dir.resolve("zone_events.csv"), b.toByteArray());
    assertEquals(
        "zone_events.csv: line 3: bytes FF are neither UTF-8 nor GBK (UTF-8 fails on line 2)"
            + " / 文件编码无法识别：第 3 行既不是 UTF-8 也不是 GBK",
        failure("zone_events.csv"));
  }

  @Test
  void aQuoteThatIsNeverClosedStopsNamingItsLine() {
    IngestFixtures.write(dir, "zone_events.csv", "zone_code,note\nHA-ETDZ,\"open\nJH-EDZ,x\n");
    assertEquals(
        "zone_events.csv: line 2: a quoted field opened on this line is never closed"
            + " / 第 2 行的引号未闭合",
        failure("zone_events.csv"));
  }

  @Test
  void utf16WithAndWithoutByteOrderMarkIsReadAndReported() throws IOException {
    ByteArrayOutputStream le = new ByteArrayOutputStream();
    le.write(new byte[] {(byte) 0xFF, (byte) 0xFE});
    le.write(EVENTS.getBytes(StandardCharsets.UTF_16LE));
    Files.write(dir.resolve("zone_events_le.csv"), le.toByteArray());
    Files.write(dir.resolve("zone_events_be.csv"), EVENTS.getBytes(StandardCharsets.UTF_16BE));
    for (String[] c :
        List.of(
            new String[] {"zone_events_le.csv", "UTF-16LE (BOM)"},
            new String[] {"zone_events_be.csv", "UTF-16BE (no BOM)"})) {
      RawTable t = readCsv(c[0]);
      assertEquals(c[1], t.encoding(), c[0]);
      assertEquals(List.of("zone_code", "note"), t.headers(), c[0]);
      List<Row> rows = t.rows().collectAsList();
      assertEquals(1, rows.size(), c[0]);
      assertEquals(2L, (long) rows.get(0).getAs("_source_row"));
      assertEquals("HA-ETDZ", rows.get(0).getAs("_c0"));
      assertEquals("淮安", rows.get(0).getAs("_c1"));
    }
  }

  @Test
  void aZipBombWorkbookStopsWithAPlainMessage() throws IOException {
    Path plain = dir.resolve("plain.xlsx");
    IngestFixtures.xlsx(plain, List.of("园区"), List.of(List.of(List.of("zone_code"))));
    // The same workbook with 8 MB of spaces after the sheet's root element: valid XML that
    // inflates more than 100-fold.
    Path bomb = dir.resolve("zones.xlsx");
    try (ZipInputStream zin = new ZipInputStream(Files.newInputStream(plain));
        ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(bomb))) {
      for (ZipEntry e = zin.getNextEntry(); e != null; e = zin.getNextEntry()) {
        zout.putNextEntry(new ZipEntry(e.getName()));
        zout.write(zin.readAllBytes());
        if (e.getName().equals("xl/worksheets/sheet1.xml")) {
          byte[] spaces = new byte[8 << 20];
          Arrays.fill(spaces, (byte) ' ');
          zout.write(spaces);
        }
        zout.closeEntry();
      }
    }
    Files.delete(plain);
    InputFile f = InputFolder.scan(dir.toUri().toString(), new Configuration()).files().get(0);
    IngestException e = assertThrows(IngestException.class, () -> XlsxReader.read(spark, f));
    assertEquals(
        "zones.xlsx: the workbook is too large or too highly compressed to be read safely (a zip"
            + " bomb?); keep only the data sheet and save it again / 工作簿过大或压缩比异常，拒绝读取",
        e.getMessage());
  }

  @Test
  void aDanglingLinkIsNotSkipped() throws IOException {
    IngestFixtures.write(dir, "areas.csv", IngestFixtures.AREAS);
    Files.createSymbolicLink(dir.resolve("zones.csv"), dir.resolve("gone/zones.csv"));
    IngestException e =
        assertThrows(
            IngestException.class,
            () -> InputFolder.scan(dir.toUri().toString(), new Configuration()));
    assertEquals(
        "zones.csv: the input file cannot be opened (a link whose target is missing)"
            + " / 无法打开输入文件",
        e.getMessage());
  }

  /**
   * A run over a folder whose Parquet part was cut short stops with the part named (exit 3 in the
   * CLI: an IngestException), leaves nothing under runs/.inprogress, and keeps its log.
   */
  @Test
  void aTruncatedParquetPartStopsTheRunAndLeavesNothingInProgress() throws Exception {
    Path input = dir.resolve("in");
    Path part = areasParquet(input);
    byte[] whole = Files.readAllBytes(part);
    Files.write(part, Arrays.copyOf(whole, whole.length / 2));
    Path root = dir.resolve("root");
    IngestException e = assertThrows(IngestException.class, () -> run(input, root));
    String expected =
        "areas.parquet/"
            + part.getFileName()
            + ": not a readable Parquet file (truncated or corrupt) / Parquet 文件已损坏，无法读取";
    assertEquals(expected, e.getMessage());
    try (Stream<Path> s = Files.list(root.resolve("runs/.inprogress"))) {
      assertEquals(List.of(), s.toList(), "nothing left in progress");
    }
    try (Stream<Path> s = Files.list(root.resolve("runs"))) {
      assertEquals(List.of(".inprogress"), s.map(p -> p.getFileName().toString()).toList());
    }
    assertFalse(Files.exists(root.resolve("LATEST")));
    Path log;
    try (Stream<Path> s = Files.list(root.resolve("logs"))) {
      log = s.filter(p -> p.getFileName().toString().endsWith(".log")).findFirst().orElseThrow();
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    assertTrue(text.contains(expected), text);
  }

  /**
   * A part whose footer is intact but whose pages are overwritten fails only when Spark decodes it:
   * the run still stops with an IngestException naming the dataset's input, and nothing stays in
   * progress.
   */
  @Test
  void aParquetPartWithCorruptPagesStopsTheRunNamingTheInput() throws Exception {
    Path input = dir.resolve("in");
    Path part = areasParquet(input);
    byte[] b = Files.readAllBytes(part);
    // Layout: "PAR1", pages, footer, 4-byte little-endian footer length, "PAR1".
    int footer =
        (b[b.length - 8] & 0xFF)
            | (b[b.length - 7] & 0xFF) << 8
            | (b[b.length - 6] & 0xFF) << 16
            | (b[b.length - 5] & 0xFF) << 24;
    Arrays.fill(b, 4, b.length - 8 - footer, (byte) 0xFF);
    Files.write(part, b);
    Path root = dir.resolve("root");
    IngestException e = assertThrows(IngestException.class, () -> run(input, root));
    assertTrue(e.getMessage().startsWith("areas: cannot read areas.parquet: "), e.getMessage());
    assertTrue(e.getMessage().endsWith(" / 无法读取输入文件"), e.getMessage());
    try (Stream<Path> s = Files.list(root.resolve("runs/.inprogress"))) {
      assertEquals(List.of(), s.toList(), "nothing left in progress");
    }
  }

  /** A one-row areas.parquet folder in {@code input}; returns its part file (no .crc). */
  private static Path areasParquet(Path input) throws IOException {
    Files.createDirectories(input);
    StructType schema =
        new StructType()
            .add("area_code", DataTypes.StringType)
            .add("area_name", DataTypes.StringType)
            .add("area_level", DataTypes.StringType);
    Path parquet = input.resolve("areas.parquet");
    spark
        .createDataFrame(List.of(RowFactory.create("320000", "江苏省", "province")), schema)
        .coalesce(1)
        .write()
        .parquet(parquet.toString());
    Path part = null;
    try (Stream<Path> s = Files.list(parquet)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        if (n.endsWith(".crc")) {
          // Spark's checksum files would flag a cut themselves; a business system sends none.
          Files.delete(p);
        } else if (n.startsWith("part-")) {
          part = p;
        }
      }
    }
    return part;
  }

  private static PipelineRun.Result run(Path input, Path root) throws Exception {
    PipelineRun.Request req =
        new PipelineRun.Request(
            input.toUri().toString(),
            root.toUri().toString(),
            List.of(),
            Map.of("period", "2024"),
            List.of(),
            1.0,
            false);
    Clock clock = Clock.fixed(Instant.parse("2025-03-18T02:00:00Z"), ZoneOffset.UTC);
    return new PipelineRun(spark, clock)
        .execute(req, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }
}
