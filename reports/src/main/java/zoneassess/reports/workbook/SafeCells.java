package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

/**
 * The only way values enter a pack's cells. Text — input-derived or not — goes in as a string cell,
 * never a formula: a zone or enterprise name such as {@code =HYPERLINK(...)} or {@code +1} stays
 * literal text. Nothing in the packs calls {@code setCellFormula}.
 */
public final class SafeCells {
  private SafeCells() {}

  public static void text(Cell cell, String value) {
    if (value == null) {
      cell.setBlank();
      return;
    }
    cell.setCellValue(value);
    if (cell.getCellType() != CellType.STRING) {
      throw new IllegalStateException("text cell became " + cell.getCellType());
    }
  }

  public static void number(Cell cell, Number value) {
    if (value == null || value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      cell.setBlank();
      return;
    }
    cell.setCellValue(value.doubleValue());
  }

  /** Writes {@code value} (String, Number, or null) into row/column with a style. */
  public static Cell put(Sheet sheet, int row, int col, Object value, CellStyle style) {
    Row r = sheet.getRow(row);
    if (r == null) {
      r = sheet.createRow(row);
    }
    Cell c = r.createCell(col);
    if (value instanceof Number n) {
      number(c, n);
    } else {
      text(c, value == null ? null : value.toString());
    }
    if (style != null) {
      c.setCellStyle(style);
    }
    return c;
  }
}
