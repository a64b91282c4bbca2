package zoneassess.reports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reading packs back (POI's writeOutAndReadBack, on files). */
public final class Workbooks {
  private Workbooks() {}

  public static XSSFWorkbook open(Path xlsx) throws IOException {
    try (InputStream in = Files.newInputStream(xlsx)) {
      return new XSSFWorkbook(in);
    }
  }

  public static List<String> sheetNames(XSSFWorkbook wb) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      names.add(wb.getSheetName(i));
    }
    return names;
  }

  /** The sheet called {@code name}, or the annex "附件N·name". */
  public static org.apache.poi.xssf.usermodel.XSSFSheet sheet(XSSFWorkbook wb, String name) {
    for (int i = 0; i < wb.getNumberOfSheets(); i++) {
      String n = wb.getSheetName(i);
      if (n.equals(name) || (n.startsWith("附件") && n.endsWith("·" + name))) {
        return wb.getSheetAt(i);
      }
    }
    return null;
  }

  /** Every string cell of a sheet, in row order. */
  public static List<String> strings(Sheet sh) {
    List<String> out = new ArrayList<>();
    for (Row r : sh) {
      for (Cell c : r) {
        if (c.getCellType() == CellType.STRING && !c.getStringCellValue().isBlank()) {
          out.add(c.getStringCellValue());
        }
      }
    }
    return out;
  }

  public static Cell cell(Sheet sh, int row, int col) {
    Row r = sh.getRow(row);
    return r == null ? null : r.getCell(col);
  }

  public static String text(Sheet sh, int row, int col) {
    Cell c = cell(sh, row, col);
    return c == null ? null : c.getStringCellValue();
  }

  public static double number(Sheet sh, int row, int col) {
    return cell(sh, row, col).getNumericCellValue();
  }

  /** Row index of the first row whose cell in {@code col} reads {@code text}, or -1. */
  public static int findRow(Sheet sh, int col, String text) {
    for (Row r : sh) {
      Cell c = r.getCell(col);
      if (c != null && c.getCellType() == CellType.STRING && text.equals(c.getStringCellValue())) {
        return r.getRowNum();
      }
    }
    return -1;
  }

  /** Every non-blank cell as "sheet!A1 TYPE value", in sheet and row order. */
  public static List<String> dump(XSSFWorkbook wb) {
    List<String> out = new ArrayList<>();
    for (Sheet sh : wb) {
      for (Row r : sh) {
        for (Cell c : r) {
          if (c.getCellType() == CellType.BLANK) {
            continue;
          }
          String v =
              switch (c.getCellType()) {
                case STRING -> c.getStringCellValue();
                case NUMERIC -> Double.toString(c.getNumericCellValue());
                case BOOLEAN -> Boolean.toString(c.getBooleanCellValue());
                case FORMULA -> "=" + c.getCellFormula();
                default -> c.toString();
              };
          out.add(
              sh.getSheetName()
                  + "!"
                  + new CellReference(c).formatAsString(false)
                  + " "
                  + c.getCellType()
                  + " "
                  + v);
        }
      }
    }
    return out;
  }
}
