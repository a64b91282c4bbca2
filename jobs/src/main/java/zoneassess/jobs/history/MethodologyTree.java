package zoneassess.jobs.history;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;

/**
 * A methodology's indicator tree as the {@code (node_code, parent_code, weight)} table {@link
 * RankSensitivity} perturbs: every node below the root with its nominal weight; children of the
 * root have a null parent. Group-specific weights ({@code weights_by}, e.g. one set per region) are
 * not applied per zone: a node's nominal weight is then the mean of its group weights, the same for
 * every zone.
 */
public final class MethodologyTree {
  private MethodologyTree() {}

  public static Dataset<Row> of(SparkSession spark, Methodology m) {
    List<Row> rows = new ArrayList<>();
    add(m.root(), null, rows, true);
    StructType schema =
        new StructType()
            .add("node_code", DataTypes.StringType, false)
            .add("parent_code", DataTypes.StringType, true)
            .add("weight", DataTypes.DoubleType, false);
    return spark.createDataFrame(rows, schema);
  }

  /** Every node's Chinese name: {@code node_code, name_zh} (null when the methodology has none). */
  public static Dataset<Row> names(SparkSession spark, Methodology m) {
    List<Row> rows = new ArrayList<>();
    for (IndicatorNode n : m.nodes()) {
      rows.add(RowFactory.create(n.code(), n.nameZh()));
    }
    StructType schema =
        new StructType()
            .add("node_code", DataTypes.StringType, false)
            .add("name_zh", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }

  /** The node's weight, or the mean of its group weights when it has one set per group. */
  static double nominalWeight(IndicatorNode n) {
    if (!n.weightsByGroup().isEmpty()) {
      return n.weightsByGroup().values().stream()
          .mapToDouble(Double::doubleValue)
          .average()
          .orElseThrow();
    }
    if (Double.isNaN(n.weight())) {
      throw new IllegalArgumentException(
          "node '" + n.code() + "' (line " + n.line() + ") has no weight");
    }
    return n.weight();
  }

  private static void add(IndicatorNode n, String parent, List<Row> rows, boolean root) {
    if (!root) {
      rows.add(RowFactory.create(n.code(), parent, nominalWeight(n)));
    }
    for (IndicatorNode c : n.children()) {
      add(c, root ? null : n.code(), rows, false);
    }
  }
}
