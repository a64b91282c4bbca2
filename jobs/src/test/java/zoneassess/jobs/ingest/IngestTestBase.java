package zoneassess.jobs.ingest;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;

/** Runs ingestion of a test folder into a run folder under a temporary root. */
abstract class IngestTestBase extends SparkTestBase {
  protected static RunLayout run;

  protected static ValidationReport ingest(Path input, Path root) {
    run = RunLayout.inProgress(root.toUri().toString(), "test-run");
    Publisher publisher = new Publisher(spark);
    InputFolder folder = InputFolder.scan(input.toUri().toString(), publisher.conf());
    return new Ingestion(spark, publisher, run).ingest(folder);
  }

  protected static Dataset<Row> staging(String dataset) {
    return spark.read().parquet(run.staging(dataset));
  }

  protected static Dataset<Row> rejects(String dataset) {
    return spark.read().parquet(run.rejects(dataset));
  }

  protected static List<Row> rejectRows(String dataset) {
    return rejects(dataset).orderBy("source_file", "source_row").collectAsList();
  }
}
