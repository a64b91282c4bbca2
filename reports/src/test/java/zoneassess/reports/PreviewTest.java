package zoneassess.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Renders the fixture's province and 淮安 packs into target/packs-preview so a person can open
 * them (and the PDF test converts them).
 */
class PreviewTest {
  static final Path PREVIEW = Paths.get("target", "packs-preview");

  @Test
  void rendersPreviewPacks() throws Exception {
    Path run = RunFixtures.province(PREVIEW.resolve("out"));
    List<Path> files = PackRenderer.render(run.toString(),
        List.of(PackRequest.province(), PackRequest.city("淮安"), PackRequest.zone("320801")),
        PREVIEW.resolve("packs").toString());
    for (Path f : files) {
      assertTrue(Files.size(f) > 0, f.toString());
    }
  }
}
