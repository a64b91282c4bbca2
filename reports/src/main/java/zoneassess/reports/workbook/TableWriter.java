package zoneassess.reports.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Writes a header row and body rows below it through {@link SafeCells}; sets column widths. Works
 * on XSSF and SXSSF sheets alike (rows only go forward).
 */
public final class TableWriter {
  private final Sheet sheet;
  private final PackStyles styles;
  private final List<Column> columns;
  private final int firstCol;
  private final int headerRow;
  private int next;

  public TableWriter(
      Sheet sheet, PackStyles styles, int headerRow, int firstCol, List<Column> columns) {
    this.sheet = sheet;
    this.styles = styles;
    this.columns = List.copyOf(columns);
    this.firstCol = firstCol;
    this.headerRow = headerRow;
    this.next = headerRow + 1;
  }

  /** Writes the header and sets widths. */
  public TableWriter header(boolean setWidths) {
    Row r = sheet.getRow(headerRow);
    if (r == null) {
      r = sheet.createRow(headerRow);
    }
    r.setHeightInPoints(30);
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      SafeCells.put(sheet, headerRow, firstCol + i, c.header(), styles.header());
      if (setWidths) {
        sheet.setColumnWidth(firstCol + i, Math.min(255, c.width()) * 256 + 200);
      }
    }
    return this;
  }

  /** Writes one body row; a {@link Styled} value overrides the column style. */
  public int row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size() + " columns");
    }
    int rowIndex = next++;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Styled s) {
        SafeCells.put(sheet, rowIndex, firstCol + i, s.value(), s.style());
      } else {
        SafeCells.put(sheet, rowIndex, firstCol + i, v, columns.get(i).style());
      }
    }
    return rowIndex;
  }

  public int headerRow() {
    return headerRow;
  }

  public int firstBodyRow() {
    return headerRow + 1;
  }

  /** Index of the last written row (the header when no body rows). */
  public int lastRow() {
    return next - 1;
  }

  public int nextRow() {
    return next;
  }

  /** Body range of one column (for conditional formatting). */
  public CellRangeAddress bodyRange(int columnIndex) {
    return new CellRangeAddress(
        firstBodyRow(),
        Math.max(firstBodyRow(), lastRow()),
        firstCol + columnIndex,
        firstCol + columnIndex);
  }

  public CellRangeAddress bodyRange(int fromColumn, int toColumn) {
    return new CellRangeAddress(
        firstBodyRow(),
        Math.max(firstBodyRow(), lastRow()),
        firstCol + fromColumn,
        firstCol + toColumn);
  }

  public int columnCount() {
    return columns.size();
  }
}
