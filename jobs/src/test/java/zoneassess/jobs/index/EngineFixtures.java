package zoneassess.jobs.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.MethodologyLoader;
import zoneassess.schema.yaml.YamlDoc;

/** Named fixtures for engine tests: small wide tables and inline methodologies. */
final class EngineFixtures {
  private EngineFixtures() {}

  /**
   * A wide table from a schema string such as {@code "id:string, region:string, x:double"} and rows
   * of values (null for missing).
   */
  static Dataset<Row> table(SparkSession spark, String schema, Object[]... rows) {
    List<StructField> fields = new ArrayList<>();
    for (String f : schema.split(",")) {
      String[] p = f.strip().split(":");
      fields.add(
          DataTypes.createStructField(
              p[0],
              switch (p[1]) {
                case "string" -> DataTypes.StringType;
                case "int" -> DataTypes.IntegerType;
                default -> DataTypes.DoubleType;
              },
              true));
    }
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(RowFactory.create(r));
    }
    return spark.createDataFrame(out, new StructType(fields.toArray(StructField[]::new)));
  }

  static Object[] row(Object... values) {
    return values;
  }

  static Methodology methodology(String yaml) {
    return MethodologyLoader.parse(YamlDoc.parse("test.yaml", yaml));
  }

  /** id → column → value for a stage table (small tables only). */
  static Map<String, Row> byId(Dataset<Row> stage, String idColumn) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : stage.collectAsList()) {
      m.put(String.valueOf(r.<Object>getAs(idColumn)), r);
    }
    return m;
  }

  static Double value(Map<String, Row> table, String id, String column) {
    Row r = table.get(id);
    Object v = r.getAs(column);
    return v == null ? null : ((Number) v).doubleValue();
  }
}
