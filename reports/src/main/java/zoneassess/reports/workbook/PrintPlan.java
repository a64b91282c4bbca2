package zoneassess.reports.workbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * The printed page of a sheet, planned rather than left to the spreadsheet: an explicit print scale
 * (never below what keeps the smallest type at the minimum size) instead of fit-to-page, and row
 * breaks that keep pictures whole, never leave a header or section row alone at the bottom of a
 * page, and do not leave a few orphan rows on a last page.
 */
public final class PrintPlan {
  /** A4 in inches. */
  static final double A4_SHORT = 8.27;

  static final double A4_LONG = 11.69;

  /** Fewer body rows than this on a last page are pulled together with the page before. */
  static final int MIN_LAST_PAGE_ROWS = 3;

  static final double WIDTH_SAFETY = 0.92;

  private PrintPlan() {}

  /** Applies scale and row breaks; returns the scale in percent. */
  public static int apply(XSSFSheet sheet, PackStyles styles) {
    SheetCraft.printAreaWithDrawings(sheet);
    CellRangeAddress area = printArea(sheet);
    boolean landscape = sheet.getPrintSetup().getLandscape();
    int scale = scale(sheet, area.getFirstColumn(), area.getLastColumn());
    planBreaks(sheet, styles, area, landscape, scale / 100.0);
    return scale;
  }

  /**
   * Sets the print scale that makes columns {@code first..last} fill the page width (at most 100
   * %), instead of fit-to-page whose scale nobody sees until it prints.
   */
  public static int scale(Sheet sheet, int first, int last) {
    boolean landscape = sheet.getPrintSetup().getLandscape();
    double usableWidth =
        ((landscape ? A4_LONG : A4_SHORT)
                - sheet.getMargin(Sheet.LeftMargin)
                - sheet.getMargin(Sheet.RightMargin))
            * Units.POINT_DPI;
    double width = 0;
    for (int c = first; c <= last; c++) {
      width += sheet.getColumnWidthInPixels(c) * Units.POINT_DPI / Units.PIXEL_DPI;
    }
    // LibreOffice lays columns out a little wider than POI's pixel widths (cell padding, the
    // substituted font's digit width): keep a margin so no column spills onto a second page
    int scale =
        (int) Math.min(100, Math.floor(usableWidth * WIDTH_SAFETY / Math.max(1, width) * 100));
    scale = Math.max(10, scale);
    sheet.setFitToPage(false);
    sheet.setAutobreaks(false);
    sheet.getPrintSetup().setScale((short) scale);
    return scale;
  }

  /** Body rows of {@code rowHeight} points that fit one page below the repeated header. */
  public static int rowsPerPage(Sheet sheet, int scale, double rowHeight, double repeated) {
    boolean landscape = sheet.getPrintSetup().getLandscape();
    double usable =
        ((landscape ? A4_SHORT : A4_LONG)
                - sheet.getMargin(Sheet.TopMargin)
                - sheet.getMargin(Sheet.BottomMargin))
            * Units.POINT_DPI
            / (scale / 100.0);
    return Math.max(1, (int) Math.floor((usable - repeated) / rowHeight) - 1);
  }

  static CellRangeAddress printArea(Sheet sheet) {
    String ref = sheet.getWorkbook().getPrintArea(sheet.getWorkbook().getSheetIndex(sheet));
    String range = ref.substring(ref.lastIndexOf('!') + 1).replace("$", "");
    return CellRangeAddress.valueOf(range);
  }

  private static void planBreaks(
      XSSFSheet sheet, PackStyles st, CellRangeAddress area, boolean landscape, double scale) {
    double usable =
        ((landscape ? A4_SHORT : A4_LONG)
                - sheet.getMargin(Sheet.TopMargin)
                - sheet.getMargin(Sheet.BottomMargin))
            * Units.POINT_DPI
            / scale;
    double repeat = 0;
    CellRangeAddress rep = sheet.getRepeatingRows();
    if (rep != null) {
      for (int r = rep.getFirstRow(); r <= rep.getLastRow(); r++) {
        repeat += height(sheet, r);
      }
    }
    int last = area.getLastRow();
    int[] blockEnd = new int[last + 1];
    for (int r = 0; r <= last; r++) {
      blockEnd[r] = r;
    }
    XSSFDrawing d = sheet.getDrawingPatriarch();
    if (d != null) {
      for (XSSFShape shape : d.getShapes()) {
        if (shape.getAnchor() instanceof XSSFClientAnchor a) {
          int end = Math.min(last, a.getRow2());
          for (int r = a.getRow1(); r <= end; r++) {
            blockEnd[r] = Math.max(blockEnd[r], end);
          }
        }
      }
    }
    Set<Integer> forced = new TreeSet<>();
    for (int b : sheet.getRowBreaks()) {
      forced.add(b);
      sheet.removeRowBreak(b);
    }
    List<Integer> breaks = new ArrayList<>();
    int pageStart = 0;
    double used = 0;
    int r = 0;
    while (r <= last) {
      int end = blockEnd[r];
      double h = 0;
      for (int i = r; i <= end; i++) {
        h += height(sheet, i);
      }
      double top = pageStart == 0 ? 0 : repeat;
      if (used + h > usable - top && r > pageStart) {
        int b = r - 1;
        while (b > pageStart && keepWithNext(sheet, st, b)) {
          b--;
        }
        if (b <= pageStart) {
          b = r - 1;
        }
        breaks.add(b);
        pageStart = b + 1;
        used = 0;
        r = pageStart;
        continue;
      }
      used += h;
      if (forced.contains(end) && end < last) {
        breaks.add(end);
        pageStart = end + 1;
        used = 0;
      }
      r = end + 1;
    }
    // orphans: pull rows from the page before onto a short last page
    if (!breaks.isEmpty()) {
      int lastBreak = breaks.get(breaks.size() - 1);
      int onLast = last - lastBreak;
      int before = breaks.size() > 1 ? breaks.get(breaks.size() - 2) : -1;
      if (onLast < MIN_LAST_PAGE_ROWS && !forced.contains(lastBreak)) {
        int moved = lastBreak - (MIN_LAST_PAGE_ROWS - onLast);
        while (moved > before + 1
            && (keepWithNext(sheet, st, moved)
                || blockEnd[moved + 1] != moved + 1 && blockEnd[moved] != moved)) {
          moved--;
        }
        if (moved > before + 1 && blockEnd[moved] == moved) {
          breaks.set(breaks.size() - 1, moved);
        }
      }
    }
    breaks.add(last);
    for (int b : breaks) {
      sheet.setRowBreak(b);
    }
  }

  /** A header or section row must not be the last row of a page. */
  static boolean keepWithNext(Sheet sheet, PackStyles st, int row) {
    Row r = sheet.getRow(row);
    if (r == null) {
      return false;
    }
    for (Cell c : r) {
      CellStyle s = c.getCellStyle();
      if (s.equals(st.header()) || s.equals(st.section()) || s.equals(st.title())) {
        return true;
      }
    }
    return false;
  }

  static double height(Sheet sheet, int row) {
    Row r = sheet.getRow(row);
    return r == null ? sheet.getDefaultRowHeightInPoints() : r.getHeightInPoints();
  }
}
