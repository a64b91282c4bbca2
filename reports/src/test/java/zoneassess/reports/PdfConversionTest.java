package zoneassess.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.pack.PackRenderer;
import zoneassess.reports.research.ResearchFixtures;
import zoneassess.reports.research.ResearchPackRenderer;

/**
 * Every pack (the province, city and zone briefing packs and the researcher pack) converts to PDF
 * with LibreOffice headless, in one soffice call, when LibreOffice is installed
 * (bin/ensure-office); skipped with a message otherwise. With poppler-utils (installed by the same
 * script) the briefing packs' PDFs are then read back with {@code pdftotext -bbox}: the body before
 * the first annex stays within the page budget of the pack configuration, and no two text boxes on
 * a page overlap.
 */
class PdfConversionTest {
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
  void everyPackConvertsToPdf() throws Exception {
    String soffice = soffice();
    Assumptions.assumeTrue(
        soffice != null,
        "soffice not installed: run bin/ensure-office to convert packs to PDF in this test");
    Path run = RunFixtures.province(dir.resolve("out"));
    List<Path> xlsx =
        PackRenderer.render(
                run.toString(),
                List.of(PackRequest.province(), PackRequest.city("淮安"), PackRequest.zone("320801")),
                dir.resolve("packs").toString())
            .stream()
            .filter(f -> f.toString().endsWith(".xlsx"))
            .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    assertEquals(3, xlsx.size());
    xlsx.add(
        ResearchPackRenderer.renderFolder(ResearchFixtures.full(dir.resolve("research"))).get(0));
    Path pdf = dir.resolve("pdf");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                soffice,
                "-env:UserInstallation=" + dir.resolve("lo-profile").toUri(),
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                pdf.toString()));
    xlsx.forEach(x -> cmd.add(x.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "soffice timed out");
    assertEquals(0, p.exitValue(), out);
    for (Path x : xlsx) {
      String name = x.getFileName().toString().replace(".xlsx", ".pdf");
      Path f = pdf.resolve(name);
      assertTrue(Files.exists(f), name + " missing; soffice said: " + out);
      byte[] head = Files.readAllBytes(f);
      assertTrue(
          head.length > 10_000 && new String(head, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"),
          name);
    }
    String pdftotext = onPath("pdftotext");
    Assumptions.assumeTrue(
        pdftotext != null,
        "pdftotext not installed: run bin/ensure-office to check page budgets and overlaps");
    PackConfig config = PackConfig.shipped();
    for (Path x : xlsx.subList(0, 3)) {
      String name = x.getFileName().toString().replace(".xlsx", ".pdf");
      List<PdfPage> pages = PdfPage.read(pdftotext, pdf.resolve(name));
      PackRequest.Kind kind =
          name.startsWith("province")
              ? PackRequest.Kind.PROVINCE
              : name.startsWith("city") ? PackRequest.Kind.CITY : PackRequest.Kind.ZONE;
      assertEquals("封面", pages.get(0).sheet(), name + ": the header names the sheet");
      int body = 0;
      while (body < pages.size() && !pages.get(body).isAnnex()) {
        body++;
      }
      assertTrue(body < pages.size(), name + " has annexes after the body");
      assertTrue(
          body <= config.bodyPages(kind),
          name + ": body of " + body + " pages, budget " + config.bodyPages(kind));
      for (PdfPage page : pages) {
        List<String> overlaps = page.overlaps();
        assertTrue(overlaps.isEmpty(), name + " page " + page.number() + ": " + overlaps);
      }
    }
  }

  static String onPath(String tool) {
    for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path s = Path.of(p, tool);
      if (Files.isExecutable(s)) {
        return s.toString();
      }
    }
    return null;
  }
}
