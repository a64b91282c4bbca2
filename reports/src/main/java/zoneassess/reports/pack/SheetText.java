package zoneassess.reports.pack;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SafeCells;

/** Titles, sections and wrapped prose on a sheet. */
public final class SheetText {
  private SheetText() {}

  /** Title in row 0 and subtitle in row 1, both merged over columns 0..lastCol. */
  public static void title(Sheet sheet, PackStyles st, String title, String subtitle, int lastCol) {
    title(sheet, st, 0, title, subtitle, lastCol);
  }

  /** Title in row {@code at}, subtitle (wrapped, as high as it needs) below it. */
  public static void title(
      Sheet sheet, PackStyles st, int at, String title, String subtitle, int lastCol) {
    Row r = sheet.getRow(at) == null ? sheet.createRow(at) : sheet.getRow(at);
    r.setHeightInPoints(30);
    SafeCells.put(sheet, at, 0, title, st.title());
    if (lastCol > 0) {
      sheet.addMergedRegion(new CellRangeAddress(at, at, 0, lastCol));
    }
    SafeCells.put(sheet, at + 1, 0, subtitle, st.subtitle());
    if (lastCol > 0) {
      sheet.addMergedRegion(new CellRangeAddress(at + 1, at + 1, 0, lastCol));
    }
    int widthChars = 0;
    for (int c = 0; c <= lastCol; c++) {
      widthChars += sheet.getColumnWidth(c) / 256;
    }
    int lines =
        Math.max(1, (int) Math.ceil(displayWidth(subtitle) * 1.1 / Math.max(1, widthChars - 2)));
    sheet.getRow(at + 1).setHeightInPoints(lines * 15f + 3f);
  }

  public static void section(Sheet sheet, PackStyles st, int row, String text, int lastCol) {
    Row r = sheet.getRow(row) == null ? sheet.createRow(row) : sheet.getRow(row);
    r.setHeightInPoints(22);
    for (int c = 0; c <= lastCol; c++) {
      SafeCells.put(sheet, row, c, c == 0 ? text : null, st.section());
    }
  }

  /**
   * Prose merged over columns {@code fromCol..toCol}, with a row height that fits the text: merged
   * cells do not grow by themselves in Excel or LibreOffice.
   */
  public static void prose(
      Sheet sheet, PackStyles st, int row, int fromCol, int toCol, String text, boolean bold) {
    SafeCells.put(sheet, row, fromCol, text, bold ? st.proseBold() : st.prose());
    if (toCol > fromCol) {
      sheet.addMergedRegion(new CellRangeAddress(row, row, fromCol, toCol));
    }
    int widthChars = 0;
    for (int c = fromCol; c <= toCol; c++) {
      widthChars += sheet.getColumnWidth(c) / 256;
    }
    // CJK glyphs of an 11 pt font are a little wider than two Excel character units
    int lines =
        Math.max(
            1, (int) Math.ceil(displayWidth(text) * 1.1 / (double) Math.max(1, widthChars - 2)));
    sheet.getRow(row).setHeightInPoints(lines * 16f + 5f);
  }

  /** Width in Excel character units: a CJK character (or full-width sign) counts as two. */
  public static int displayWidth(String s) {
    if (s == null) {
      return 0;
    }
    int w = 0;
    for (int i = 0; i < s.length(); i++) {
      w += s.charAt(i) > 0x2E80 ? 2 : 1;
    }
    return w;
  }
}
