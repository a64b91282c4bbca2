package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files belong to which dataset, ingest.yaml, and CSV encoding detection (no Spark). */
class InputFolderTest {
  @Test
  void matchesFilesToDatasetsByNameAndIgnoresTheRest(@TempDir Path dir) throws IOException {
    for (String f :
        List.of(
            "zones.csv",
            "zone_stats_2025Q3.csv",
            "zone_stats-2025Q2.xlsx",
            "enterprises.parquet",
            "areas.txt",
            "README.md",
            ".hidden.csv",
            "zonesX.csv")) {
      Files.writeString(dir.resolve(f), "x");
    }
    Files.writeString(
        dir.resolve("ingest.yaml"),
        "files:\n  zone_stats_2025Q3.csv: {encoding: GBK}\n  zone_stats-2025Q2.xlsx: {sheet: 统计}\n");
    InputFolder folder = InputFolder.scan(dir.toUri().toString(), new Configuration());
    // Validation order: zones before zone_stats before enterprises; file names sorted within.
    assertEquals(
        List.of(
            "zones.csv zones CSV null null",
            "zone_stats-2025Q2.xlsx zone_stats XLSX null 统计",
            "zone_stats_2025Q3.csv zone_stats CSV GBK null",
            "enterprises.parquet enterprises PARQUET null null"),
        folder.files().stream()
            .map(
                f ->
                    f.name()
                        + " "
                        + f.dataset()
                        + " "
                        + f.format()
                        + " "
                        + f.encoding()
                        + " "
                        + f.sheet())
            .toList());
    assertEquals(
        List.of(
            "ignored hidden file .hidden.csv",
            "ignored README.md (not .csv, .xlsx or .parquet)",
            "ignored areas.txt (not .csv, .xlsx or .parquet)",
            "ignored zonesX.csv (no dataset named like it)"),
        folder.notes());
  }

  @Test
  void unknownOptionInIngestYamlIsFatal() {
    IngestException e =
        assertThrows(
            IngestException.class,
            () -> IngestConfig.parse("files:\n  zones.csv: {charset: GBK}\n", "ingest.yaml"));
    assertEquals(
        "ingest.yaml: unknown option 'charset' for 'zones.csv' (known: [encoding, sheet])",
        e.getMessage());
  }

  @Test
  void detectsBomUtf8AndGbk() throws IOException {
    String text = "园区代码,数值\nHA-ETDZ,1\n";
    assertEquals("UTF-8", detect(text.getBytes(StandardCharsets.UTF_8)).label());
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[utf8.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(utf8, 0, bom, 3, utf8.length);
    assertEquals("UTF-8 (BOM)", detect(bom).label());
    CsvEncoding gbk = detect(text.getBytes(Charset.forName("GBK")));
    assertEquals("GBK", gbk.label());
    assertEquals(text, new String(text.getBytes(Charset.forName("GBK")), gbk.charset()));
    // Plain ASCII is valid UTF-8.
    assertEquals("UTF-8", detect("a,b\n1,2\n".getBytes(StandardCharsets.US_ASCII)).label());
    assertEquals("GBK (ingest.yaml)", CsvEncoding.configured("gb2312", "x.csv").label());
    IngestException e =
        assertThrows(IngestException.class, () -> CsvEncoding.configured("latin1", "x.csv"));
    assertTrue(
        e.getMessage().startsWith("x.csv: encoding 'latin1' in ingest.yaml is not supported"));
  }

  @Test
  void splitsAQuotedHeaderLine() {
    assertEquals(
        List.of("a", "b,c", "say \"hi\"", ""),
        CsvReader.splitLine("a,\"b,c\",\"say \"\"hi\"\"\","));
  }

  private static CsvEncoding detect(byte[] bytes) throws IOException {
    return CsvEncoding.detect(new ByteArrayInputStream(bytes));
  }
}
