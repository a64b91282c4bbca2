package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.layout.RunLayout;

/**
 * Reads the staged datasets the assessment needs; an optional dataset that was not staged is empty.
 */
final class StagedInputs {
  private StagedInputs() {}

  /** The staged dataset, or an error naming what is missing when {@code required}. */
  static Dataset<Row> read(
      SparkSession spark, RunLayout run, DatasetContract contract, boolean required) {
    String uri = run.staging(contract.name());
    if (!new Publisher(spark).exists(uri)) {
      if (required) {
        throw new IllegalStateException(
            "staged dataset '" + contract.name() + "' not found at " + uri + " (run ingest first)");
      }
      return spark.createDataFrame(List.<Row>of(), ContractSchemas.of(contract));
    }
    return conform(ParquetRead.of(spark, uri), contract);
  }

  /**
   * The contract's columns in contract order with the contract's types: Parquet partition discovery
   * would otherwise read a {@code period=2025} folder as an integer column; a column the file lacks
   * (optional) is null.
   */
  static Dataset<Row> conform(Dataset<Row> df, DatasetContract contract) {
    List<String> present = List.of(df.columns());
    return df.select(
        contract.columns().stream()
            .map(
                c ->
                    (present.contains(c.name()) ? col(c.name()) : lit(null))
                        .cast(ContractSchemas.sparkType(c))
                        .as(c.name()))
            .toArray(Column[]::new));
  }
}
