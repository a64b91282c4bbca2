package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.reports.PackRequest;
import zoneassess.reports.RunFixtures;
import zoneassess.reports.Workbooks;

/**
 * Input that looks like a formula stays text, and rendering the same run twice gives the same
 * cells. The hostile fixture puts =HYPERLINK(…), +1, -2 and @SUM(A1) into a zone name, enterprise
 * names, a veto reason and a warning note.
 */
class SafetyAndDeterminismTest {
  @TempDir static Path dir;
  static List<Path> first;
  static List<Path> second;

  @BeforeAll
  static void renderTwice() {
    Path run = RunFixtures.hostile(dir.resolve("out"));
    List<PackRequest> packs = List.of(PackRequest.province(), PackRequest.city("淮安"));
    first = PackRenderer.render(run.toString(), packs, dir.resolve("a").toString());
    second = PackRenderer.render(run.toString(), packs, dir.resolve("b").toString());
  }

  static List<Path> workbooks(List<Path> files) {
    return files.stream().filter(f -> f.toString().endsWith(".xlsx")).toList();
  }

  @Test
  void formulaLookingInputIsLiteralTextAndNoCellIsAFormula() throws Exception {
    List<String> hostile = new ArrayList<>(RunFixtures.HOSTILE_ENTERPRISES);
    hostile.add(RunFixtures.HOSTILE_ZONE);
    hostile.add(RunFixtures.HOSTILE_NOTE);
    List<String> found = new ArrayList<>();
    for (Path p : workbooks(first)) {
      try (XSSFWorkbook wb = Workbooks.open(p)) {
        for (Sheet sh : wb) {
          for (Row r : sh) {
            for (Cell c : r) {
              assertTrue(
                  c.getCellType() != CellType.FORMULA,
                  p.getFileName()
                      + " "
                      + sh.getSheetName()
                      + "!"
                      + c.getAddress()
                      + " is a formula");
              if (c.getCellType() == CellType.STRING && hostile.contains(c.getStringCellValue())) {
                found.add(c.getStringCellValue());
              }
            }
          }
        }
      }
    }
    // each hostile value appears somewhere as an unchanged string cell
    for (String h : hostile) {
      assertTrue(found.contains(h), h + " not found as literal text in " + found);
    }
  }

  @Test
  void theHostileZoneNameIsItsRankingRowNameVerbatim() throws Exception {
    try (XSSFWorkbook wb = Workbooks.open(workbooks(first).get(0))) {
      Sheet sh = Workbooks.sheet(wb, "综合排名");
      int r = Workbooks.findRow(sh, 2, RunFixtures.HOSTILE_ZONE);
      // 淮安工业园 (renamed) is 7th in 2025
      assertEquals(7.0, Workbooks.number(sh, r, 0));
      assertEquals(CellType.STRING, sh.getRow(r).getCell(2).getCellType());
    }
  }

  @Test
  void renderingTwiceGivesIdenticalCells() throws Exception {
    List<Path> a = workbooks(first);
    List<Path> b = workbooks(second);
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      try (XSSFWorkbook wa = Workbooks.open(a.get(i));
          XSSFWorkbook wb = Workbooks.open(b.get(i))) {
        List<String> da = Workbooks.dump(wa);
        assertTrue(da.size() > 100, "a pack with content: " + da.size());
        assertEquals(da, Workbooks.dump(wb), a.get(i).getFileName().toString());
        assertEquals(
            wa.getProperties().getCoreProperties().getCreated(),
            wb.getProperties().getCoreProperties().getCreated());
      }
    }
  }
}
