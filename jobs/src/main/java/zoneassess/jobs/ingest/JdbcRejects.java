package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Rejects of a database source point at the table and the row's primary key rather than at a line:
 * {@code enterprises_db.parquet/public.enterprises [credit_code=9132…, year=2024]}. The key columns
 * are the contract's key as the table names them; a dataset without a key falls back to the row's
 * ordinal in the extract. A duplicate key's "first occurrence" names the table, not a row of the
 * extract. Pure transform of the rejects.
 */
final class JdbcRejects {
  private JdbcRejects() {}

  static Dataset<Row> locate(
      Dataset<Row> rejects,
      DatasetContract d,
      List<InputFile> files,
      List<RawTable> raws,
      IngestConfig config) {
    Column sourceFile = col("source_file");
    Column located = sourceFile;
    Column reason = col("reason");
    Column allReasons = col("all_reasons");
    boolean any = false;
    Column original =
        from_json(
            col("original"), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
    for (int i = 0; i < files.size(); i++) {
      InputFile f = files.get(i);
      Optional<JdbcSource> source = config.sourceFor(f.name());
      if (source.isEmpty()) {
        continue;
      }
      any = true;
      List<String> headers = raws.get(i).headers();
      Map<String, Integer> index = HeaderMatcher.match(headers, d, f.name()).columnIndex();
      List<Column> parts = new ArrayList<>();
      for (String k : d.key()) {
        Integer h = index.get(k);
        if (h != null) {
          String header = headers.get(h);
          parts.add(
              concat(lit(header + "="), coalesce(element_at(original, lit(header)), lit(""))));
        }
      }
      if (parts.isEmpty()) {
        parts.add(concat(lit("row "), col("source_row").cast(DataTypes.StringType)));
      }
      Column where =
          concat(
              lit(f.name() + "/" + source.get().relation() + " ["),
              concat_ws(", ", parts.toArray(Column[]::new)),
              lit("]"));
      located = when(sourceFile.equalTo(f.name()), where).otherwise(located);
      // A duplicate's first occurrence in the extract is the row with the same key in the table.
      String line = "first occurrence: " + java.util.regex.Pattern.quote(f.name()) + " row [0-9]+";
      String table =
          "first occurrence: " + f.name() + "/" + source.get().relation() + " (same key)";
      reason = regexp_replace(reason, line, table);
      allReasons = regexp_replace(allReasons, line, table);
    }
    return any
        ? rejects
            .withColumn("source_file", located)
            .withColumn("reason", reason)
            .withColumn("all_reasons", allReasons)
        : rejects;
  }
}
