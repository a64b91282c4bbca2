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
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Reads the first sheet (or the sheet named in {@code ingest.yaml}) of an XLSX workbook in the
 * driver with POI; workbooks are small (zone lists, project registers). POI's zip-bomb limits
 * ({@code ZipSecureFile}) stay at their defaults. The header is the first non-empty row; each data
 * row keeps its row number as Excel shows it. Numbers are written without a trailing {@code .0},
 * date-formatted cells as yyyy-MM-dd, formulas as their cached value.
 */
public final class XlsxReader {
  private XlsxReader() {}

  public static RawTable read(SparkSession spark, InputFile file) {
    Path path = new Path(file.uri());
    try (InputStream in =
            path.getFileSystem(spark.sparkContext().hadoopConfiguration()).open(path);
        Workbook wb = new XSSFWorkbook(in)) {
      Sheet sheet = pickSheet(wb, file);
      int first = -1;
      List<String> headers = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        List<String> values = values(r, r.getLastCellNum());
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
      List<Row> rows = new ArrayList<>();
      for (org.apache.poi.ss.usermodel.Row r : sheet) {
        if (r.getRowNum() <= first) {
          continue;
        }
        List<String> values = values(r, headers.size());
        if (values.stream().allMatch(v -> v == null || v.isBlank())) {
          continue;
        }
        Object[] cells = new Object[headers.size() + 2];
        cells[0] = file.name();
        cells[1] = (long) r.getRowNum() + 1;
        for (int i = 0; i < headers.size(); i++) {
          cells[i + 2] = values.get(i);
        }
        rows.add(RowFactory.create(cells));
      }
      StructType schema =
          new StructType()
              .add("_source_file", DataTypes.StringType, false)
              .add("_source_row", DataTypes.LongType, false);
      for (int i = 0; i < headers.size(); i++) {
        schema = schema.add(RawTable.column(i), DataTypes.StringType, true);
      }
      Dataset<Row> df = spark.createDataFrame(rows, schema);
      return new RawTable(file, headers, df, null, sheet.getSheetName());
    } catch (IOException | RuntimeException e) {
      if (e instanceof IngestException ie) {
        throw ie;
      }
      throw new IngestException(file.name() + ": cannot read workbook: " + e.getMessage(), e);
    }
  }

  private static Sheet pickSheet(Workbook wb, InputFile file) {
    if (wb.getNumberOfSheets() == 0) {
      throw new IngestException(file.name() + ": workbook has no sheets");
    }
    if (file.sheet() == null) {
      return wb.getSheetAt(0);
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

  private static List<String> values(org.apache.poi.ss.usermodel.Row r, int width) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(width, 0); i++) {
      Cell c = r.getCell(i);
      out.add(c == null ? null : text(c, c.getCellType()));
    }
    return out;
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
      case FORMULA -> text(c, c.getCachedFormulaResultType());
      case ERROR -> FormulaError.forInt(c.getErrorCellValue()).getString();
      case BLANK, _NONE -> null;
    };
  }
}
