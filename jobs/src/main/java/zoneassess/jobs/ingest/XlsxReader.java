package zoneassess.jobs.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.RecordFormatException;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the sheet named in {@code ingest.yaml}, else the first visible sheet, of an XLSX workbook
 * in the driver with POI; workbooks are small (zone lists, project registers). POI's zip-bomb
 * limits ({@code ZipSecureFile}) stay at their defaults; a workbook they stop gets a plain message.
 * The header is the first non-empty row; each data row keeps its row number as Excel shows it.
 * Numbers are written without a trailing {@code .0}, date-formatted cells as yyyy-MM-dd. A formula
 * cell is read as its cached value (noted in the report); a formula without a cached value and an
 * error cell (#DIV/0! …) are cell failures that reject their row, naming the cell.
 */
public final class XlsxReader {
  private XlsxReader() {}

  public static RawTable read(SparkSession spark, InputFile file) {
    Path path = new Path(file.uri());
    try (InputStream in =
            path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path);
        Workbook wb = new XSSFWorkbook(in)) {
      List<String> notes = new ArrayList<>();
      Sheet sheet = pickSheet(wb, file, notes);
      Cells cells = new Cells(sheet.getSheetName());
      int first = -1;
      List<String> headers = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        List<String> values = cells.values(r, r.getLastCellNum(), null, null);
        if (values.stream().anyMatch(v -> v != null && !v.isBlank())) {
          first = r.getRowNum();
          for (String v : values) {
            headers.add(v == null ? "" : v.strip());
          }
          break;
        }
      }
      if (first < 0) {
        throw new IngestException(
            file.name() + ": sheet '" + sheet.getSheetName() + "' is empty, no header row / 工作表为空");
      }
      int width = headers.size();
      List<Row> rows = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        if (r.getRowNum() <= first) {
          continue;
        }
        Row[] failures = new Row[width];
        Row[] warnings = new Row[width];
        List<String> values = cells.values(r, width, failures, warnings);
        if (values.stream().allMatch(v -> v == null || v.isBlank())
            && java.util.Arrays.stream(failures).allMatch(java.util.Objects::isNull)) {
          continue;
        }
        Object[] row = new Object[3 * width + 2];
        row[0] = file.name();
        row[1] = (long) r.getRowNum() + 1;
        for (int i = 0; i < width; i++) {
          row[i + 2] = values.get(i);
          row[width + i + 2] = failures[i];
          row[2 * width + i + 2] = warnings[i];
        }
        rows.add(RowFactory.create(row));
      }
      if (cells.formulas > 0) {
        notes.add(
            String.format(
                java.util.Locale.ROOT,
                "%s: %d formula cells read as their cached values (first: %s) / 公式单元格按缓存值读取",
                file.name(),
                cells.formulas,
                cells.firstFormula));
      }
      StructType schema =
          new StructType()
              .add("_source_file", DataTypes.StringType, false)
              .add("_source_row", DataTypes.LongType, false);
      for (int i = 0; i < width; i++) {
        schema = schema.add(RawTable.column(i), DataTypes.StringType, true);
      }
      for (int i = 0; i < width; i++) {
        schema = schema.add(RawTable.cellFailure(i), Failure.TYPE, true);
      }
      for (int i = 0; i < width; i++) {
        schema = schema.add(RawTable.cellWarning(i), Failure.TYPE, true);
      }
      Dataset<Row> df = spark.createDataFrame(rows, schema);
      return new RawTable(file, headers, df, null, sheet.getSheetName(), notes);
    } catch (IngestException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof RecordFormatException
            || String.valueOf(t.getMessage()).contains("Zip bomb")) {
          throw tooLarge(file, e);
        }
      }
      throw new IngestException(file.name() + ": cannot read workbook: " + e.getMessage(), e);
    }
  }

  private static IngestException tooLarge(InputFile file, Exception e) {
    return new IngestException(
        file.name()
            + ": the workbook is too large or too highly compressed to be read safely (a zip bomb?);"
            + " keep only the data sheet and save it again / 工作簿过大或压缩比异常，拒绝读取",
        e);
  }

  private static Sheet pickSheet(Workbook wb, InputFile file, List<String> notes) {
    if (wb.getNumberOfSheets() == 0) {
      throw new IngestException(file.name() + ": workbook has no sheets");
    }
    if (file.sheet() == null) {
      List<String> hidden = new ArrayList<>();
      for (int i = 0; i < wb.getNumberOfSheets(); i++) {
        if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
          hidden.add(wb.getSheetName(i));
        } else {
          if (!hidden.isEmpty()) {
            notes.add(
                file.name()
                    + ": read sheet '"
                    + wb.getSheetName(i)
                    + "', the first visible one; hidden sheets skipped: "
                    + String.join(", ", hidden)
                    + " / 已跳过隐藏工作表");
          }
          return wb.getSheetAt(i);
        }
      }
      throw new IngestException(
          file.name()
              + ": every sheet is hidden; name the sheet to read in ingest.yaml / 所有工作表均为隐藏");
    }
    Sheet s = wb.getSheet(file.sheet());
    if (s == null) {
      List<String> names = new ArrayList<>();
      wb.forEach(sh -> names.add(sh.getSheetName()));
      throw new IngestException(
          file.name()
              + ": sheet '"
              + file.sheet()
              + "' not found / 找不到工作表; sheets: "
              + String.join(", ", names));
    }
    return s;
  }

  /** Cell values as text, with a failure for each cell that has no faithful value. */
  private static final class Cells {
    final String sheet;
    int formulas;
    String firstFormula;

    Cells(String sheet) {
      this.sheet = sheet;
    }

    List<String> values(
        org.apache.poi.ss.usermodel.Row r, int width, Row[] failures, Row[] warnings) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < Math.max(width, 0); i++) {
        Cell c = r.getCell(i);
        out.add(c == null ? null : value(c, i, failures, warnings));
      }
      return out;
    }

    private String value(Cell c, int index, Row[] failures, Row[] warnings) {
      String ref = new CellReference(c).formatAsString(false);
      if (c.getCellType() == CellType.ERROR) {
        return fail(failures, index, "cell_error", error(c, ref), error(c));
      }
      if (c.getCellType() != CellType.FORMULA) {
        return text(c, c.getCellType());
      }
      if (c instanceof XSSFCell x && !x.getCTCell().isSetV()) {
        return fail(
            failures,
            index,
            "formula_without_value",
            "公式无缓存值 / cell "
                + ref
                + " holds the formula ="
                + c.getCellFormula()
                + " without a cached value (open and save the workbook in Excel)",
            "=" + c.getCellFormula());
      }
      if (c.getCachedFormulaResultType() == CellType.ERROR) {
        return fail(failures, index, "cell_error", error(c, ref), error(c));
      }
      formulas++;
      if (firstFormula == null) {
        firstFormula = sheet + "!" + ref;
      }
      String cached = text(c, c.getCachedFormulaResultType());
      if (warnings != null) {
        warnings[index] =
            RowFactory.create(
                "formula_cached",
                "",
                "公式单元格按缓存值读取 / cell "
                    + ref
                    + " holds the formula ="
                    + c.getCellFormula()
                    + "; its cached value "
                    + cached
                    + " is read",
                "=" + c.getCellFormula());
      }
      return cached;
    }

    private static String error(Cell c) {
      return FormulaError.forInt(c.getErrorCellValue()).getString();
    }

    private static String error(Cell c, String ref) {
      return "单元格为错误值 / cell " + ref + " holds the error " + error(c);
    }

    private static String fail(Row[] failures, int index, String rule, String reason, String v) {
      if (failures != null) {
        failures[index] = RowFactory.create(rule, "", reason, v);
      }
      return null;
    }
  }

  private static String text(Cell c, CellType type) {
    return switch (type) {
      case STRING -> c.getStringCellValue();
      case BOOLEAN -> String.valueOf(c.getBooleanCellValue());
      case NUMERIC -> {
        if (DateUtil.isCellDateFormatted(c)) {
          LocalDateTime t = c.getLocalDateTimeCellValue();
          yield t.toLocalTime().toSecondOfDay() == 0
              ? t.toLocalDate().toString()
              : t.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        }
        yield BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString();
      }
      case FORMULA, ERROR, BLANK, _NONE -> null;
    };
  }
}
