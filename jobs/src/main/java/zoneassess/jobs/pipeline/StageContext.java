package zoneassess.jobs.pipeline;

import java.io.PrintStream;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.Publisher;
import zoneassess.schema.layout.RunLayout;

/**
 * What a stage gets: the session, the run it writes into, and its parameters.
 *
 * @param spark the session
 * @param run the run folder (in progress while the pipeline runs)
 * @param params stage parameters as strings (period, methodology file, …), already validated by the
 *     command that built the context
 * @param console where progress lines go (not the data)
 */
public record StageContext(
    SparkSession spark, RunLayout run, Map<String, String> params, PrintStream console) {
  public StageContext {
    params = Map.copyOf(params);
  }

  public Publisher publisher() {
    return new Publisher(spark);
  }
}
