package zoneassess.jobs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SmokeIngestTest extends IngestTestBase {
  @Test
  void areasAndZones(@TempDir Path in, @TempDir Path out) {
    IngestFixtures.basics(in);
    ValidationReport r = ingest(in, out);
    System.out.println(r.toMarkdown());
    staging("zones").show(false);
    rejects("zones").show(false);
    assertEquals(3, r.dataset("zones").accepted());
  }
}
