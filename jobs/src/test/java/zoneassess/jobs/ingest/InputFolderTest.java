package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
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
  void configuredEncodingsByName() {
    assertEquals("GBK (ingest.yaml)", CsvEncoding.configured("gb2312", "x.csv").label());
    assertEquals("UTF-16LE (ingest.yaml)", CsvEncoding.configured("utf-16le", "x.csv").label());
    IngestException e =
        assertThrows(IngestException.class, () -> CsvEncoding.configured("latin1", "x.csv"));
    assertEquals(
        "x.csv: encoding 'latin1' in ingest.yaml is not supported (UTF-8, GBK, UTF-16LE or"
            + " UTF-16BE)",
        e.getMessage());
  }

  @Test
  void splitsAQuotedHeaderLine() {
    assertEquals(
        List.of("a", "b,c", "say \"hi\"", ""),
        CsvReader.splitLine("a,\"b,c\",\"say \"\"hi\"\"\","));
  }
}
