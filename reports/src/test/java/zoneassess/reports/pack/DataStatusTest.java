package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataStatusTest {
  @Test
  void aReportWithTotalsAndPerDatasetCountsIsCountedOnce() {
    // the ingest report's shape: totals, then datasets, then files
    List<Map.Entry<String, String>> counts =
        List.of(
            Map.entry("accepted", "120"),
            Map.entry("rejected", "4"),
            Map.entry("datasets.zones.accepted", "20"),
            Map.entry("datasets.zones.rejected", "1"),
            Map.entry("datasets.zones.files.zones.csv.accepted", "20"),
            Map.entry("datasets.enterprises.accepted", "100"));
    assertEquals(120, CoverSheet.sum(counts, "accept"));
    assertEquals(4, CoverSheet.sum(counts, "reject"));
  }

  @Test
  void withoutTotalsTheShallowestLevelIsSummed() {
    List<Map.Entry<String, String>> counts =
        List.of(
            Map.entry("datasets.zones.rows_accepted", "9"),
            Map.entry("datasets.enterprises.rows_accepted", "40"));
    // 9 + 40
    assertEquals(49, CoverSheet.sum(counts, "accept"));
  }
}
