package zoneassess.jobs.bench;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * A small query result (zone-sized) as plain Java values, so a Spark result, a DuckDB result and a
 * published mart can be compared cell by cell: text and integers exactly, doubles to a relative
 * 1e-9 (the engines add in different orders).
 */
record ResultTable(List<String> columns, List<List<Object>> rows) {
  static final double RELATIVE_TOLERANCE = 1e-9;

  static ResultTable of(List<String> columns, List<Row> sparkRows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : sparkRows) {
      List<Object> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        cells.add(normal(r.get(r.fieldIndex(columns.get(i)))));
      }
      out.add(cells);
    }
    return new ResultTable(columns, out);
  }

  static ResultTable of(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      columns.add(md.getColumnLabel(i));
    }
    List<List<Object>> out = new ArrayList<>();
    while (rs.next()) {
      List<Object> cells = new ArrayList<>();
      for (int i = 1; i <= columns.size(); i++) {
        cells.add(normal(rs.getObject(i)));
      }
      out.add(cells);
    }
    return new ResultTable(columns, out);
  }

  private static Object normal(Object v) {
    if (v instanceof Float || v instanceof Double || v instanceof java.math.BigDecimal) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Number n) {
      return n.longValue();
    }
    return v == null ? null : v.toString();
  }

  /** Null when equal within tolerance; else the first difference, named by row and column. */
  String differenceFrom(ResultTable other) {
    if (!columns.equals(other.columns)) {
      return "columns differ: " + columns + " vs " + other.columns;
    }
    if (rows.size() != other.rows.size()) {
      return "row counts differ: " + rows.size() + " vs " + other.rows.size();
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int c = 0; c < columns.size(); c++) {
        Object a = rows.get(r).get(c);
        Object b = other.rows.get(r).get(c);
        if (!same(a, b)) {
          return String.format(
              Locale.ROOT,
              "row %d (%s), column %s: %s vs %s",
              r + 1,
              rows.get(r).get(0),
              columns.get(c),
              a,
              b);
        }
      }
    }
    return null;
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Double x && b instanceof Double y) {
      return Math.abs(x - y)
          <= RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(x), Math.abs(y)));
    }
    return a.equals(b);
  }
}
