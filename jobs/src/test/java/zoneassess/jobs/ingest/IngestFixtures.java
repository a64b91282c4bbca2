package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Named input files written into a test folder: small, valid unless the name says otherwise. */
final class IngestFixtures {
  private IngestFixtures() {}

  static final String AREAS =
      """
      area_code,area_name,area_level,parent_code,region
      320000,江苏省,province,,
      320800,淮安市,city,320000,north
      320812,清江浦区,county,320800,north
      320831,金湖县,county,320800,north
      """;

  static final String ZONES =
      """
      zone_code,zone_name,city,city_code,county,county_code,region,level,zone_type,approved_area_km2,established_year
      HA-ETDZ,淮安经济技术开发区,淮安市,320800,清江浦区,320812,north,national,economic_technological,30.5,1993
      HA-HTZ,淮安高新技术产业开发区,淮安市,320800,,,north,national,high_tech,25,2012
      JH-EDZ,金湖经济开发区,淮安市,320800,金湖县,320831,north,provincial,economic_technological,12,2006
      """;

  static void write(Path dir, String name, String text) {
    write(dir, name, text, StandardCharsets.UTF_8, false);
  }

  static void write(Path dir, String name, String text, Charset cs, boolean bom) {
    try (OutputStream out = Files.newOutputStream(dir.resolve(name))) {
      if (bom) {
        out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      }
      out.write(text.getBytes(cs));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workbook with the given sheets; each sheet is a list of rows of cell values. */
  static void xlsx(Path file, List<String> sheetNames, List<List<List<Object>>> sheets) {
    try (XSSFWorkbook wb = new XSSFWorkbook();
        OutputStream out = Files.newOutputStream(file)) {
      for (int s = 0; s < sheetNames.size(); s++) {
        XSSFSheet sheet = wb.createSheet(sheetNames.get(s));
        List<List<Object>> rows = sheets.get(s);
        for (int r = 0; r < rows.size(); r++) {
          XSSFRow row = sheet.createRow(r);
          List<Object> cells = rows.get(r);
          for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v instanceof Number n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (v != null) {
              row.createCell(c).setCellValue(v.toString());
            }
          }
        }
      }
      wb.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Areas and zones, the datasets most others reference. */
  static void basics(Path dir) {
    write(dir, "areas.csv", AREAS);
    write(dir, "zones.csv", ZONES);
  }
}
