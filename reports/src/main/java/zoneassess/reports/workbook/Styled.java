package zoneassess.reports.workbook;

import org.apache.poi.ss.usermodel.CellStyle;

/** A cell value with its own style, overriding the column's (Δrank arrows). */
public record Styled(Object value, CellStyle style) {}
