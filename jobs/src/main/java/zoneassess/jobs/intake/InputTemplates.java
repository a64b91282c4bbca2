package zoneassess.jobs.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import zoneassess.reports.workbook.PackStyles;
import zoneassess.reports.workbook.SheetCraft;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Fill-in workbooks generated from the dataset contracts, which {@code ingest} reads back as they
 * are. The first sheet (the one ingest reads) has one header row: each column's Chinese label, with
 * its canonical unit in brackets when it has one ({@code 用地面积（亩）}); the header row is protected,
 * the data cells below are not. Each column carries the contract's checks as Excel data validation:
 * a drop-down of the accepted values (kept on a hidden sheet), number ranges, dates. The second
 * sheet, 填报说明, explains every column from the data dictionary, with an example row.
 *
 * <p>With a zone code, the zone-code drop-down offers that zone only; with a zone and a period, the
 * statistics template is pre-filled with one row per catalogue indicator (zone, period, indicator,
 * unit), so the zone types the values only, and, when given, the values the zone reported for the
 * same period a year earlier stand beside them for reference (a locked column ingest ignores).
 */
public final class InputTemplates {
  /** The data sheet's data rows covered by validation and unlocked formatting. */
  static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();

  public static final String INSTRUCTIONS = "填报说明";

  /** Characters of column width that print on one A4 landscape page at a readable size. */
  static final int PAGE_CHARS = 160;

  static final String LISTS = "_lists";

  /**
   * What to pre-fill: zone and period may be null; {@code previous} maps indicator codes to the
   * values of {@code previousPeriod} shown for reference beside the statistics rows (empty for
   * none).
   */
  public record Options(
      String zone, String period, String previousPeriod, Map<String, Double> previous) {
    public Options {
      previous = previous == null ? Map.of() : Map.copyOf(previous);
    }

    public Options(String zone, String period) {
      this(zone, period, null, Map.of());
    }
  }

  /** The same period a year earlier: 2025 → 2024, 2025Q3 → 2024Q3, 2025-09 → 2024-09. */
  public static String yearEarlier(String period) {
    int year = Integer.parseInt(period.substring(0, 4));
    return (year - 1) + period.substring(4);
  }

  private InputTemplates() {}

  /** {@code <dataset>_template.xlsx}, or {@code <dataset>_<zone>[_<period>].xlsx}. */
  public static String fileName(DatasetContract d, Options o) {
    if (o.zone() == null) {
      return d.name() + "_template" + (o.period() == null ? "" : "_" + o.period()) + ".xlsx";
    }
    return d.name() + "_" + o.zone() + (o.period() == null ? "" : "_" + o.period()) + ".xlsx";
  }

  /** The header text of a column: its Chinese label, and its unit in full-width brackets. */
  public static String header(ColumnSpec c) {
    String label = c.labelZh().isBlank() ? c.name() : c.labelZh();
    return c.unit().isEmpty() ? label : label + "（" + c.unit() + "）";
  }

  public static XSSFWorkbook build(DatasetContract d, Options o) {
    XSSFWorkbook wb = new XSSFWorkbook();
    Styles st = new Styles(wb);
    XSSFSheet data = wb.createSheet(SheetCraft.sheetName(wb, d.labelZh()));
    XSSFSheet help = wb.createSheet(INSTRUCTIONS);
    XSSFSheet lists = wb.createSheet(LISTS);
    wb.setSheetHidden(wb.getSheetIndex(lists), true);
    List<ColumnSpec> cols = d.columns();
    Row head = data.createRow(0);
    head.setHeightInPoints(30);
    DataValidationHelper dv = data.getDataValidationHelper();
    int listColumn = 0;
    for (int i = 0; i < cols.size(); i++) {
      ColumnSpec c = cols.get(i);
      Cell h = head.createCell(i);
      h.setCellValue(header(c));
      h.setCellStyle(c.required() ? st.requiredHeader : st.header);
      data.setDefaultColumnStyle(i, st.input(c.type()));
      data.setColumnWidth(i, width(c) * 256);
      List<String> choices = choices(c, o);
      DataValidationConstraint constraint = null;
      if (!choices.isEmpty()) {
        Row r0 = row(lists, 0);
        r0.createCell(listColumn).setCellValue(c.name());
        for (int k = 0; k < choices.size(); k++) {
          row(lists, k + 1).createCell(listColumn).setCellValue(choices.get(k));
        }
        String colRef = org.apache.poi.ss.util.CellReference.convertNumToColString(listColumn);
        constraint =
            dv.createFormulaListConstraint(
                LISTS + "!$" + colRef + "$2:$" + colRef + "$" + (choices.size() + 1));
        listColumn++;
      } else if (c.type() == ColumnType.DATE) {
        constraint =
            dv.createDateConstraint(
                DataValidationConstraint.OperatorType.BETWEEN,
                "DATE(1900,1,1)",
                "DATE(2100,12,31)",
                "yyyy-mm-dd");
      } else if (c.isNumeric()) {
        int type =
            c.type() == ColumnType.DOUBLE
                ? DataValidationConstraint.ValidationType.DECIMAL
                : DataValidationConstraint.ValidationType.INTEGER;
        constraint =
            dv.createNumericConstraint(
                type,
                DataValidationConstraint.OperatorType.BETWEEN,
                number(c.min() == null ? -1e15 : c.min()),
                number(c.max() == null ? 1e15 : c.max()));
      }
      if (constraint != null) {
        DataValidation v =
            dv.createValidation(constraint, new CellRangeAddressList(1, LAST_ROW, i, i));
        v.setShowErrorBox(true);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.createErrorBox(header(c), "请填写" + rule(c) + " / " + rule(c));
        v.setShowPromptBox(true);
        v.createPromptBox(header(c), prompt(c));
        data.addValidationData(v);
      }
    }
    prefill(data, d, o, st);
    data.createFreezePane(0, 1);
    SheetCraft.printSetup(data, d.labelZh() + " 填报表", null, 0, 0);
    // A wide form prints over several pages side by side (header row repeated) rather than
    // shrunk below a readable size.
    int chars = 0;
    for (ColumnSpec c : cols) {
      chars += width(c);
    }
    data.getPrintSetup().setFitWidth((short) Math.max(1, (chars + PAGE_CHARS - 1) / PAGE_CHARS));
    // The header row is locked; data cells (unlocked column styles) stay editable, rows can be
    // inserted and deleted, and the sheet sorted or filtered.
    data.lockInsertRows(false);
    data.lockDeleteRows(false);
    data.lockSort(false);
    data.lockAutoFilter(false);
    data.lockFormatColumns(false);
    data.protectSheet("");
    Instructions.write(help, d, st.header, st.body, cols);
    SheetCraft.printSetup(help, d.labelZh() + " " + INSTRUCTIONS, null, -1, -1);
    // The column table prints; the example row beside it is for the screen.
    wb.setPrintArea(1, 0, Instructions.COLUMNS.size() - 1, 0, help.getLastRowNum() - 3);
    wb.setActiveSheet(0);
    return wb;
  }

  /** Characters of width: the header (CJK counts double) or the column's usual content. */
  static int width(ColumnSpec c) {
    int content =
        switch (c.type()) {
          case STRING -> c.name().endsWith("_code") ? 16 : 20;
          case DATE -> 12;
          default -> 12;
        };
    return Math.min(40, Math.max(content, header(c).length() * 2 + 2));
  }

  /** The drop-down of a column: accepted values, or the one zone; empty for none. */
  static List<String> choices(ColumnSpec c, Options o) {
    if (o.zone() != null && c.name().equals("zone_code")) {
      return List.of(o.zone());
    }
    if (c.type() == ColumnType.BOOLEAN) {
      return List.of("true", "false");
    }
    if (!c.acceptedValues().isEmpty()) {
      return List.copyOf(new TreeSet<>(c.acceptedValues()));
    }
    return List.of();
  }

  /** With a zone and a period, the statistics template lists every catalogue indicator. */
  private static void prefill(Sheet data, DatasetContract d, Options o, Styles st) {
    if (o.zone() == null || o.period() == null || !d.name().equals("zone_stats")) {
      return;
    }
    List<String> names = d.columnNames();
    int reference = names.size();
    if (!o.previous().isEmpty()) {
      // Beside the contract's columns: ingest ignores it (and notes the ignored column).
      Cell h = data.getRow(0).createCell(reference);
      h.setCellValue("参考：" + o.previousPeriod() + " 已报数值");
      h.setCellStyle(st.header);
      data.setColumnWidth(reference, 22 * 256);
    }
    int r = 1;
    for (RawIndicator ind : IndicatorCatalogue.all()) {
      Row row = data.createRow(r++);
      set(row, names.indexOf("zone_code"), o.zone(), st);
      set(row, names.indexOf("period"), o.period(), st);
      set(row, names.indexOf("indicator_code"), ind.code(), st);
      set(row, names.indexOf("unit"), ind.unit(), st);
      Double before = o.previous().get(ind.code());
      if (before != null) {
        Cell c = row.createCell(reference);
        c.setCellValue(before);
        c.setCellStyle(st.reference);
      }
    }
  }

  private static void set(Row row, int col, String value, Styles st) {
    if (col >= 0) {
      Cell c = row.createCell(col);
      c.setCellValue(value);
      c.setCellStyle(st.text);
    }
  }

  static String rule(ColumnSpec c) {
    List<String> parts = new ArrayList<>();
    if (c.required()) {
      parts.add("必填");
    }
    if (!c.acceptedValues().isEmpty()) {
      parts.add("下拉选择");
    } else if (c.type() == ColumnType.DATE) {
      parts.add("日期 yyyy-mm-dd");
    } else if (c.isNumeric()) {
      String kind = c.type() == ColumnType.DOUBLE ? "数值" : "整数";
      if (c.min() != null && c.max() != null) {
        parts.add(kind + " " + number(c.min()) + "–" + number(c.max()));
      } else if (c.min() != null) {
        parts.add(kind + " ≥ " + number(c.min()));
      } else {
        parts.add(kind);
      }
    }
    if (!c.unit().isEmpty()) {
      parts.add("单位 " + c.unit());
    }
    return parts.isEmpty() ? "文本" : String.join("，", parts);
  }

  private static String prompt(ColumnSpec c) {
    String p = rule(c);
    return p.length() > 250 ? p.substring(0, 250) : p;
  }

  static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.ROOT, "%d", (long) v)
        : String.valueOf(v);
  }

  private static Row row(Sheet s, int i) {
    Row r = s.getRow(i);
    return r == null ? s.createRow(i) : r;
  }

  /** The few styles of a template, in the packs' typeface. */
  static final class Styles {
    final CellStyle header;
    final CellStyle requiredHeader;
    final CellStyle body;
    final CellStyle text;
    final CellStyle reference;
    private final CellStyle number;
    private final CellStyle date;

    Styles(XSSFWorkbook wb) {
      Font bold = wb.createFont();
      bold.setFontName(PackStyles.FONT_FAMILY);
      bold.setBold(true);
      bold.setFontHeightInPoints((short) 11);
      Font red = wb.createFont();
      red.setFontName(PackStyles.FONT_FAMILY);
      red.setBold(true);
      red.setColor(IndexedColors.DARK_RED.getIndex());
      red.setFontHeightInPoints((short) 11);
      Font plain = wb.createFont();
      plain.setFontName(PackStyles.FONT_FAMILY);
      plain.setFontHeightInPoints((short) 11);
      header = headerStyle(wb, bold);
      requiredHeader = headerStyle(wb, red);
      body = wb.createCellStyle();
      body.setFont(plain);
      body.setWrapText(true);
      body.setVerticalAlignment(VerticalAlignment.TOP);
      short textFormat = wb.createDataFormat().getFormat("@");
      text = input(wb, plain, textFormat);
      number = input(wb, plain, wb.createDataFormat().getFormat("General"));
      date = input(wb, plain, wb.createDataFormat().getFormat("yyyy-mm-dd"));
      reference = wb.createCellStyle();
      reference.setFont(plain);
      reference.setLocked(true);
      reference.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
      reference.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    CellStyle input(ColumnType t) {
      return switch (t) {
        case DATE -> date;
        case INTEGER, LONG, DOUBLE -> number;
        default -> text;
      };
    }

    private static CellStyle input(XSSFWorkbook wb, Font f, short format) {
      CellStyle s = wb.createCellStyle();
      s.setFont(f);
      s.setLocked(false);
      s.setDataFormat(format);
      return s;
    }

    private static CellStyle headerStyle(XSSFWorkbook wb, Font f) {
      CellStyle s = wb.createCellStyle();
      s.setFont(f);
      s.setLocked(true);
      s.setWrapText(true);
      s.setAlignment(HorizontalAlignment.CENTER);
      s.setVerticalAlignment(VerticalAlignment.CENTER);
      s.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
      s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
      s.setBorderBottom(BorderStyle.THIN);
      s.setBorderTop(BorderStyle.THIN);
      s.setBorderLeft(BorderStyle.THIN);
      s.setBorderRight(BorderStyle.THIN);
      return s;
    }
  }
}
