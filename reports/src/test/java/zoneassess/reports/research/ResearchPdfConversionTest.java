package zoneassess.reports.research;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The researcher pack converts to PDF with LibreOffice headless, as the briefing packs do
 * ({@code PdfConversionTest}); skipped with a message when LibreOffice is not installed
 * (bin/ensure-office).
 */
class ResearchPdfConversionTest {
  @TempDir Path dir;

  static String soffice() {
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path s = Path.of(p, "soffice");
      if (Files.isExecutable(s)) {
        return s.toString();
      }
    }
    return null;
  }

  @Test
  void theResearcherPackConvertsToPdf() throws Exception {
    String soffice = soffice();
    Assumptions.assumeTrue(soffice != null,
        "soffice not installed: run bin/ensure-office to convert the researcher pack to PDF");
    Path folder = ResearchFixtures.full(dir.resolve("research"));
    Path xlsx = ResearchPackRenderer.renderFolder(folder).get(0);
    Path pdf = dir.resolve("pdf");
    Process p = new ProcessBuilder(List.of(soffice,
        "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(), "--headless",
        "--convert-to", "pdf", "--outdir", pdf.toString(), xlsx.toString()))
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice timed out");
    assertEquals(0, p.exitValue(), out);
    Path f = pdf.resolve("research.pdf");
    assertTrue(Files.exists(f), "research.pdf missing; soffice said: " + out);
    byte[] head = Files.readAllBytes(f);
    assertTrue(head.length > 10_000
        && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"), out);
  }
}
