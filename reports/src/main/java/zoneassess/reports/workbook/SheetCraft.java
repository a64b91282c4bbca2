package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.Footer;
import org.apache.poi.ss.usermodel.Header;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import zoneassess.reports.charts.RenderedChart;

/** Page setup, frozen panes, widths and pictures: what makes a sheet print on A4 for a leader. */
public final class SheetCraft {
  private SheetCraft() {}

  /**
   * A4 landscape, fit to one page wide, header with the pack title, footer with page x / n and the
   * run id; repeats rows {@code repeatFrom..repeatTo} on each page (-1 for none).
   */
  public static void printSetup(
      Sheet sheet, String title, String runId, int repeatFrom, int repeatTo) {
    PrintSetup ps = sheet.getPrintSetup();
    ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
    ps.setLandscape(true);
    ps.setFitWidth((short) 1);
    ps.setFitHeight((short) 0);
    sheet.setFitToPage(true);
    sheet.setAutobreaks(true);
    sheet.setHorizontallyCenter(true);
    sheet.setMargin(Sheet.TopMargin, 0.6);
    sheet.setMargin(Sheet.BottomMargin, 0.6);
    sheet.setMargin(Sheet.LeftMargin, 0.4);
    sheet.setMargin(Sheet.RightMargin, 0.4);
    sheet.setMargin(Sheet.HeaderMargin, 0.25);
    sheet.setMargin(Sheet.FooterMargin, 0.25);
    Header h = sheet.getHeader();
    h.setCenter("&10" + headerText(title));
    h.setRight("&10" + headerText(sheet.getSheetName()));
    Footer f = sheet.getFooter();
    f.setCenter("&10第 &P 页 / 共 &N 页");
    printAreaWithDrawings(sheet);
    if (repeatFrom >= 0) {
      sheet.setRepeatingRows(new CellRangeAddress(repeatFrom, repeatTo, -1, -1));
    }
  }

  /**
   * The synthetic-data banner at the left of every page header (when the inputs were synthetic) and
   * the 内部资料 marking at the left of every footer.
   */
  public static void banner(Sheet sheet, String banner, String marking) {
    if (banner != null && !banner.isBlank()) {
      sheet.getHeader().setLeft("&B&10" + headerText(banner));
    }
    if (marking != null && !marking.isBlank()) {
      sheet.getFooter().setLeft("&10" + headerText(marking));
    }
  }

  /** Header/footer text is a little language of its own: a literal '&' must be doubled. */
  static String headerText(String s) {
    return s == null ? "" : s.replace("&", "&&");
  }

  /** Freezes rows above {@code row} and columns left of {@code col}. */
  public static void freeze(Sheet sheet, int col, int row) {
    sheet.createFreezePane(col, row);
  }

  public static void widths(Sheet sheet, int... charWidths) {
    for (int i = 0; i < charWidths.length; i++) {
      sheet.setColumnWidth(i, charWidths[i] * 256 + 200);
    }
  }

  /** A unique, legal sheet name from a title that may come from input. */
  public static String sheetName(Workbook wb, String wanted) {
    String base =
        WorkbookUtil.createSafeSheetName(wanted == null || wanted.isBlank() ? "表" : wanted);
    if (base.length() > 28) {
      base = base.substring(0, 28);
    }
    String name = base;
    for (int i = 2; wb.getSheet(name) != null; i++) {
      name = base + "(" + i + ")";
    }
    return name;
  }

  /**
   * Embeds a chart PNG with its top-left corner at (col, row), at its logical size. Returns the
   * number of default-height rows the picture covers, so callers can continue below it.
   */
  public static int picture(Sheet sheet, RenderedChart chart, int col, int row) {
    Workbook wb = sheet.getWorkbook();
    int idx = wb.addPicture(chart.png(), Workbook.PICTURE_TYPE_PNG);
    Drawing<?> drawing = sheet.createDrawingPatriarch();
    // The anchor is computed here from column widths and row heights: POI's Picture.resize
    // gets the width of a scaled PNG wrong (zero) on this JDK.
    int c = col;
    double left = chart.width();
    while (left > columnPixels(sheet, c)) {
      left -= columnPixels(sheet, c);
      c++;
    }
    int r = row;
    double top = chart.height();
    while (top > rowPixels(sheet, r)) {
      top -= rowPixels(sheet, r);
      r++;
    }
    ClientAnchor anchor = wb.getCreationHelper().createClientAnchor();
    anchor.setCol1(col);
    anchor.setRow1(row);
    anchor.setCol2(c);
    anchor.setRow2(r);
    anchor.setDx1(0);
    anchor.setDy1(0);
    anchor.setDx2((int) Math.round(left * Units.EMU_PER_PIXEL));
    anchor.setDy2((int) Math.round(top * Units.EMU_PER_PIXEL));
    anchor.setAnchorType(ClientAnchor.AnchorType.MOVE_DONT_RESIZE);
    drawing.createPicture(anchor, idx);
    return r - row + 1;
  }

  static double columnPixels(Sheet sheet, int col) {
    return sheet.getColumnWidthInPixels(col);
  }

  static double rowPixels(Sheet sheet, int row) {
    Row r = sheet.getRow(row);
    float points = r == null ? sheet.getDefaultRowHeightInPoints() : r.getHeightInPoints();
    return points * Units.PIXEL_DPI / Units.POINT_DPI;
  }

  /**
   * Sets the print area to every used cell and every picture or chart: LibreOffice prints only the
   * cell area otherwise, and drawings below the last cell are lost.
   */
  public static void printAreaWithDrawings(Sheet sheet) {
    if (!(sheet instanceof XSSFSheet xs)) {
      return;
    }
    int lastRow = Math.max(0, sheet.getLastRowNum());
    int lastCol = 0;
    for (Row r : sheet) {
      lastCol = Math.max(lastCol, r.getLastCellNum() - 1);
    }
    XSSFDrawing d = xs.getDrawingPatriarch();
    if (d != null) {
      for (XSSFShape shape : d.getShapes()) {
        if (shape.getAnchor() instanceof XSSFClientAnchor a) {
          lastRow = Math.max(lastRow, a.getRow2());
          lastCol = Math.max(lastCol, a.getCol2());
        }
      }
    }
    Workbook wb = sheet.getWorkbook();
    wb.setPrintArea(wb.getSheetIndex(sheet), 0, Math.max(0, lastCol), 0, lastRow);
  }
}
