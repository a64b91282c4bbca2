package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.CellStyle;

/**
 * One column of a table: header text, width in characters (a CJK character counts as two), and the
 * style of its body cells.
 */
public record Column(String header, int width, CellStyle style) {}
