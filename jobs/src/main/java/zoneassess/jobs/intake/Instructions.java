package zoneassess.jobs.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.ForeignKey;

/**
 * The 填报说明 sheet of a template, from the same declarations as the data dictionary: what one row is,
 * the key and references, then one line per column (header, field, type, unit, required, accepted
 * values or range, meaning, example) and an example row.
 */
final class Instructions {
  private Instructions() {}

  static final List<String> COLUMNS =
      List.of("序号", "表头", "字段名", "类型", "单位", "必填", "可选值 / 范围 / 格式", "含义", "示例");

  static void write(
      Sheet s, DatasetContract d, CellStyle header, CellStyle body, List<ColumnSpec> cols) {
    CellStyle text = s.getWorkbook().createCellStyle();
    text.cloneStyleFrom(body);
    text.setWrapText(false); // a line of text runs over the empty cells to its right
    CellStyle title = s.getWorkbook().createCellStyle();
    title.cloneStyleFrom(header);
    title.setWrapText(false);
    title.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
    int r = 0;
    line(s, r++, d.labelZh() + "（" + d.name() + "）填报说明", title);
    line(s, r++, "每行：" + d.description(), text);
    line(
        s,
        r++,
        "请在第一张工作表第 2 行起逐行填写；不要修改、删除或移动表头行（已保护）。红色表头为必填列。"
            + "文件名请保持以 "
            + d.name()
            + "_ 开头，可直接交给 zoneassess ingest 读取。",
        text);
    if (!d.key().isEmpty()) {
      line(
          s,
          r++,
          "唯一键："
              + String.join(" + ", d.key().stream().map(k -> label(d, k)).toList())
              + "（重复的行只保留第一行，其余被拒收）",
          text);
    }
    for (ForeignKey fk : d.references()) {
      line(
          s,
          r++,
          "引用："
              + String.join(", ", fk.columns().stream().map(k -> label(d, k)).toList())
              + " 必须是"
              + zoneassess.schema.dataset.Datasets.get(fk.targetDataset()).labelZh()
              + "（"
              + fk.targetDataset()
              + "）中已有的代码",
          text);
    }
    r++;
    Row h = s.createRow(r++);
    for (int i = 0; i < COLUMNS.size(); i++) {
      cell(h, i, COLUMNS.get(i), header);
    }
    for (int i = 0; i < cols.size(); i++) {
      ColumnSpec c = cols.get(i);
      Row row = s.createRow(r++);
      cell(row, 0, String.valueOf(i + 1), body);
      cell(row, 1, InputTemplates.header(c), body);
      cell(row, 2, c.name(), body);
      cell(row, 3, type(c.type()), body);
      cell(row, 4, c.unit(), body);
      cell(row, 5, c.required() ? "是" : "否", body);
      cell(row, 6, constraints(c), body);
      cell(row, 7, c.description(), body);
      cell(row, 8, example(c), body);
      // Wrapped text needs its lines' height: POI does not measure, and LibreOffice does not grow
      // rows on opening.
      int lines =
          Math.max(
              1,
              Math.max(
                  (c.description().length() + 45) / 46,
                  Math.max(
                      (constraints(c).length() + 27) / 28, (type(c.type()).length() + 7) / 8)));
      row.setHeightInPoints(15f * lines);
    }
    r++;
    line(s, r++, "示例行（仅供参考，请勿复制到填报表中）：", title);
    Row heads = s.createRow(r++);
    Row values = s.createRow(r);
    for (int i = 0; i < cols.size(); i++) {
      cell(heads, i, InputTemplates.header(cols.get(i)), header);
      cell(values, i, example(cols.get(i)), body);
    }
    int[] widths = {12, 22, 22, 10, 10, 8, 34, 48, 16};
    for (int i = 0; i < Math.max(widths.length, cols.size()); i++) {
      s.setColumnWidth(i, (i < widths.length ? widths[i] : 16) * 256 + 200);
    }
  }

  private static String label(DatasetContract d, String column) {
    return d.columns().stream()
        .filter(c -> c.name().equals(column))
        .map(InputTemplates::header)
        .findFirst()
        .orElse(column);
  }

  static String type(ColumnType t) {
    return switch (t) {
      case STRING -> "文本";
      case INTEGER, LONG -> "整数";
      case DOUBLE -> "数值";
      case BOOLEAN -> "是否 (true/false)";
      case DATE -> "日期";
    };
  }

  static String constraints(ColumnSpec c) {
    List<String> out = new ArrayList<>();
    if (!c.acceptedValues().isEmpty()) {
      out.add(String.join(", ", new TreeSet<>(c.acceptedValues())));
    }
    if (c.min() != null || c.max() != null) {
      out.add(
          (c.min() == null ? "" : InputTemplates.number(c.min()))
              + " – "
              + (c.max() == null ? "" : InputTemplates.number(c.max())));
    }
    if (c.type() == ColumnType.DATE) {
      out.add("yyyy-mm-dd");
    }
    if (c.pattern() != null) {
      out.add("格式 " + c.pattern());
    }
    return String.join("；", out);
  }

  /** An example value: the first accepted value, a value in range, a date; blank for free text. */
  static String example(ColumnSpec c) {
    if (!c.acceptedValues().isEmpty()) {
      return new TreeSet<>(c.acceptedValues()).first();
    }
    return switch (c.type()) {
      case DATE -> "2025-06-30";
      case BOOLEAN -> "false";
      case INTEGER, LONG, DOUBLE -> {
        double lo = c.min() == null ? 0 : c.min();
        double hi = c.max() == null ? lo + 100 : c.max();
        double v =
            c.type() == ColumnType.DOUBLE ? lo + (hi - lo) / 4 : Math.round(lo + (hi - lo) / 2);
        yield c.type() == ColumnType.DOUBLE
            ? String.format(Locale.ROOT, "%.2f", v)
            : InputTemplates.number(v);
      }
      default -> "";
    };
  }

  private static void line(Sheet s, int r, String text, CellStyle style) {
    cell(s.createRow(r), 0, text, style);
  }

  private static Cell cell(Row row, int col, String value, CellStyle style) {
    Cell c = row.createCell(col);
    c.setCellValue(value);
    c.setCellStyle(style);
    return c;
  }
}
