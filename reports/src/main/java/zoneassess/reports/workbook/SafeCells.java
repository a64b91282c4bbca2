package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;

/**
 * The only way input-derived text enters a workbook: as a string cell, never a formula. A zone or
 * enterprise name such as {@code =HYPERLINK(...)} or {@code +1} stays literal text.
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
}
