package zoneassess.reports.workbook;

import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
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
    int lines = 1;
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      SafeCells.put(sheet, headerRow, firstCol + i, c.header(), styles.header());
      if (setWidths) {
        sheet.setColumnWidth(firstCol + i, Math.min(255, c.width()) * 256 + 200);
      }
      lines = Math.max(lines, lines(c.header(), firstCol + i));
    }
    r.setHeightInPoints(Math.max(20f, lines * 14f + 4f));
    return this;
  }

  /** Writes one body row; a {@link Styled} value overrides the column style. */
  public int row(Object... values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          "row has " + values.length + " values for " + columns.size() + " columns");
    }
    int rowIndex = next++;
    int lines = 1;
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      CellStyle style = v instanceof Styled s ? s.style() : columns.get(i).style();
      Object value = v instanceof Styled s ? s.value() : v;
      SafeCells.put(sheet, rowIndex, firstCol + i, value, style);
      if (style.getWrapText() && value instanceof String text) {
        lines = Math.max(lines, lines(text, firstCol + i));
      }
    }
    // wrapped text does not make a row taller by itself in LibreOffice's print of an xlsx
    sheet.getRow(rowIndex).setHeightInPoints(lines == 1 ? 17f : lines * 13.5f + 4f);
    return rowIndex;
  }

  /** Lines a 10 pt text needs in a column (a CJK character is about 2.2 character units). */
  private int lines(String text, int col) {
    int width = Math.max(1, sheet.getColumnWidth(col) / 256 - 1);
    double w = 0;
    for (int i = 0; i < text.length(); i++) {
      w += text.charAt(i) > 0x2E80 ? 2.2 : 1.1;
    }
    return Math.max(1, (int) Math.ceil(w / width));
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
