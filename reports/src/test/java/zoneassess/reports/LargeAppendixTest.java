package zoneassess.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.pack.PackRenderer;

/**
 * A city pack with a 200,000-row D-class appendix renders inside a 512 MB heap (this class runs in
 * its own surefire execution with -Xmx512m). The result is checked by streaming the sheet XML, not
 * by loading 200,000 rows back into memory.
 */
class LargeAppendixTest {
  static final int FIRMS = 200_000;
  @TempDir Path dir;

  @Test
  void twoHundredThousandRowAppendixStreamsInABoundedHeap() throws Exception {
    long max = Runtime.getRuntime().maxMemory();
    // -Dtest=… also runs this class in the default execution (3 GB heap): the bound would prove
    // nothing there, so only the large-appendix execution (-Xmx512m) runs it.
    org.junit.jupiter.api.Assumptions.assumeTrue(
        max <= 600L * 1024 * 1024,
        "needs the -Xmx512m surefire execution (large-appendix); heap here is " + max);
    Path run = RunFixtures.withManyDClassFirms(dir.resolve("out"), FIRMS);
    Path xlsx =
        PackRenderer.render(run.toString(), PackRequest.city("淮安"), dir.resolve("packs").toString())
            .get(0);
    // the appendix is the last sheet; count its <row> elements by streaming
    try (OPCPackage pkg = OPCPackage.open(xlsx.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      String last = null;
      long rows = 0;
      String lastRowText = null;
      while (it.hasNext()) {
        try (var in = it.next()) {
          last = it.getSheetName();
          if (!last.endsWith("·D类企业名单")) {
            continue;
          }
          var xml = javax.xml.stream.XMLInputFactory.newInstance().createXMLStreamReader(in);
          while (xml.hasNext()) {
            if (xml.next() == javax.xml.stream.XMLStreamConstants.START_ELEMENT
                && xml.getLocalName().equals("row")) {
              rows++;
              lastRowText = xml.getAttributeValue(null, "r");
            }
          }
        }
      }
      assertTrue(last.startsWith("附件") && last.endsWith("·D类企业名单"), last);
      // title, subtitle, header + 3 base D firms + 200,000 added ones
      assertEquals(3 + RunFixtures.HUAIAN_D_2025 + FIRMS, rows);
      assertEquals(Integer.toString(3 + RunFixtures.HUAIAN_D_2025 + FIRMS + 1), lastRowText);
    }
    assertTrue(List.of(xlsx).get(0).toFile().length() > 1_000_000);
  }
}
