package zoneassess.jobs.history;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;

/**
 * Writes a producer's rows into a research folder's {@code research_parameters} mart (key, value;
 * sorted by key), keeping the rows other producers wrote: the existing rows are read (the mart is a
 * handful of rows), the producer's own keys removed, its new rows added, and the whole written
 * back.
 */
public final class ResearchParameterMerge {
  public static final String MART =
      zoneassess.schema.marts.ResearchMarts.RESEARCH_PARAMETERS.name();

  private ResearchParameterMerge() {}

  /**
   * @param ownKeys every key this producer may write; existing rows with these keys are replaced
   * @param rows the producer's rows now (a subset of ownKeys)
   * @param ifAbsent rows written only when no other producer wrote the key
   */
  public static Map<String, String> merge(
      SparkSession spark,
      Publisher publisher,
      String researchDir,
      Set<String> ownKeys,
      Map<String, String> rows,
      Map<String, String> ifAbsent) {
    String uri = researchDir + "/" + MART;
    Map<String, String> all = new TreeMap<>();
    if (publisher.exists(uri)) {
      for (Row r : ParquetRead.of(spark, uri).select("key", "value").collectAsList()) {
        all.put(r.getString(0), r.getString(1));
      }
    }
    all.keySet().removeAll(ownKeys);
    ifAbsent.forEach(all::putIfAbsent);
    all.putAll(rows);
    List<Row> out = new ArrayList<>();
    all.forEach((k, v) -> out.add(RowFactory.create(k, v)));
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, true);
    publisher.writeParquet(spark.createDataFrame(out, schema).orderBy("key").coalesce(1), uri);
    return all;
  }
}
