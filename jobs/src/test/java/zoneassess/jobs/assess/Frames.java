package zoneassess.jobs.assess;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/** Small helpers to build in-memory frames and read results back by key. */
final class Frames {
  private Frames() {}

  static Dataset<Row> df(SparkSession spark, String ddl, Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark.createDataFrame(list, StructType.fromDDL(ddl));
  }

  static Object[] row(Object... values) {
    return values;
  }

  /** Rows keyed by the values of {@code keyColumns} joined with "|". */
  static Map<String, Row> byKey(Dataset<Row> df, String... keyColumns) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String c : keyColumns) {
        k.append(k.length() == 0 ? "" : "|").append((Object) r.getAs(c));
      }
      if (out.put(k.toString(), r) != null) {
        throw new IllegalStateException(
            "duplicate key " + k + " in " + Arrays.toString(df.columns()));
      }
    }
    return out;
  }

  static java.sql.Date date(String iso) {
    return java.sql.Date.valueOf(iso);
  }
}
