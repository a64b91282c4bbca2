package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The read edge of the {@code index} command: a wide table (one row per unit, one column per raw
 * statistic) from CSV (UTF-8, header row), XLSX (first sheet, header row) or Parquet. The id column
 * is always read as text, so codes such as 001 keep their zeros. Several files are joined (left
 * join onto the first) on the id and on the partition columns both files have; a column already
 * read from an earlier file is not read again.
 */
public final class WideTables {
  private WideTables() {}

  public static Dataset<Row> read(SparkSession spark, List<String> uris, String idColumn) {
    return read(spark, uris, idColumn, List.of());
  }

  public static Dataset<Row> read(
      SparkSession spark, List<String> uris, String idColumn, List<String> partitionColumns) {
    Dataset<Row> out = null;
    for (String uri : uris) {
      Dataset<Row> d = readOne(spark, uri, idColumn);
      if (!Arrays.asList(d.columns()).contains(idColumn)) {
        throw new IllegalArgumentException(
            uri
                + " has no id column '"
                + idColumn
                + "'; columns are: "
                + String.join(", ", d.columns()));
      }
      if (out == null) {
        out = d;
        continue;
      }
      Set<String> have = new LinkedHashSet<>(Arrays.asList(out.columns()));
      List<String> on = new ArrayList<>(List.of(idColumn));
      for (String p : partitionColumns) {
        if (have.contains(p) && Arrays.asList(d.columns()).contains(p)) {
          on.add(p);
        }
      }
      List<Column> keep = new ArrayList<>();
      on.forEach(c -> keep.add(col(c)));
      for (String c : d.columns()) {
        if (!have.contains(c)) {
          keep.add(col(c));
        }
      }
      out = out.join(d.select(keep.toArray(Column[]::new)), on.toArray(String[]::new), "left");
    }
    return out;
  }

  static Dataset<Row> readOne(SparkSession spark, String uri, String idColumn) {
    String lower = uri.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".xlsx")) {
      return xlsx(spark, uri, idColumn);
    }
    if (lower.endsWith(".csv")) {
      Dataset<Row> inferred =
          spark
              .read()
              .option("header", true)
              .option("inferSchema", true)
              .option("encoding", "UTF-8")
              .csv(uri);
      List<StructField> fields = new ArrayList<>();
      for (StructField f : inferred.schema().fields()) {
        fields.add(
            f.name().equals(idColumn)
                ? DataTypes.createStructField(f.name(), DataTypes.StringType, true)
                : f);
      }
      return spark
          .read()
          .option("header", true)
          .option("encoding", "UTF-8")
          .schema(new StructType(fields.toArray(StructField[]::new)))
          .csv(uri);
    }
    Dataset<Row> p = spark.read().parquet(uri);
    return p.withColumn(idColumn, col(idColumn).cast("string"));
  }

  private static Dataset<Row> xlsx(SparkSession spark, String uri, String idColumn) {
    Path path = new Path(uri);
    try {
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (InputStream in = fs.open(path);
          Workbook wb = WorkbookFactory.create(in)) {
        Sheet sheet = wb.getSheetAt(0);
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
        List<String> names = new ArrayList<>();
        for (int c = 0; c < header.getLastCellNum(); c++) {
          names.add(fmt.formatCellValue(header.getCell(c)).strip());
        }
        List<Object[]> values = new ArrayList<>();
        boolean[] numeric = new boolean[names.size()];
        Arrays.fill(numeric, true);
        for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
          org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
          if (row == null) {
            continue;
          }
          Object[] v = new Object[names.size()];
          for (int c = 0; c < names.size(); c++) {
            Cell cell = row.getCell(c);
            if (cell == null || cell.getCellType() == CellType.BLANK) {
              continue;
            }
            if (cell.getCellType() == CellType.NUMERIC && !names.get(c).equals(idColumn)) {
              v[c] = cell.getNumericCellValue();
            } else {
              String s = fmt.formatCellValue(cell).strip();
              v[c] = s.isEmpty() ? null : s;
              if (v[c] != null) {
                numeric[c] = false;
              }
            }
          }
          values.add(v);
        }
        List<StructField> fields = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
          DataType t =
              numeric[c] && !names.get(c).equals(idColumn)
                  ? DataTypes.DoubleType
                  : DataTypes.StringType;
          fields.add(DataTypes.createStructField(names.get(c), t, true));
        }
        List<Row> rows = new ArrayList<>();
        for (Object[] v : values) {
          for (int c = 0; c < v.length; c++) {
            if (!numeric[c] && v[c] instanceof Double d) {
              v[c] = fmt.formatRawCellContents(d, 0, "General");
            }
          }
          rows.add(RowFactory.create(v));
        }
        return spark.createDataFrame(rows, new StructType(fields.toArray(StructField[]::new)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + uri, e);
    }
  }
}
