package zoneassess.jobs.history;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.assess.EngineZoneScoring;
import zoneassess.jobs.assess.RunAssessment;
import zoneassess.jobs.io.Publisher;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.ResearchMarts;
import zoneassess.schema.methodology.Methodology;

/**
 * The work of {@code zoneassess compare}: a finished run assessed under two methodologies over its
 * annual periods, compared zone by zone, and published as the research marts (research_parameters,
 * method_comparison, method_correlation, rank_trajectory) in one folder. The command parses,
 * resolves the run and prints; this class computes and writes.
 */
public final class MethodologyComparisonRun {
  private MethodologyComparisonRun() {}

  /** One side of the comparison: the methodology file, its rules file and the loaded model. */
  public record Side(String location, String rules, Methodology methodology) {}

  /**
   * Assesses {@code run} under A and B for the annual periods {@code from}–{@code to} (yyyy,
   * inclusive) and publishes the research marts into {@code folder}.
   *
   * @return the compared periods, ascending; empty when the run has no assessed annual period in
   *     the range (then nothing is written)
   */
  public static List<String> run(
      SparkSession spark, RunLayout run, Side a, Side b, String from, String to, String folder) {
    Column inRange = col("period").rlike("^[0-9]{4}$").and(col("period").between(from, to));
    Dataset<Row> assessedA =
        assessment(spark, run, a.location(), a.rules()).where(inRange).localCheckpoint();
    Dataset<Row> assessedB =
        assessment(spark, run, b.location(), b.rules()).where(inRange).localCheckpoint();
    List<String> compared = periods(assessedA.select("period").union(assessedB.select("period")));
    if (compared.isEmpty()) {
      return compared;
    }
    Dataset<Row> comparison =
        MethodologyComparison.comparison(assessedA, assessedB).localCheckpoint();
    Publisher publisher = new Publisher(spark);
    publish(
        publisher,
        parameters(spark, run.runId(), a, b, compared),
        folder,
        ResearchMarts.RESEARCH_PARAMETERS.name(),
        col("key"));
    publish(
        publisher,
        comparison,
        folder,
        ResearchMarts.METHOD_COMPARISON.name(),
        MethodologyComparison.comparisonOrder());
    publish(
        publisher,
        MethodologyComparison.correlation(comparison),
        folder,
        ResearchMarts.METHOD_CORRELATION.name(),
        MethodologyComparison.correlationOrder());
    publish(
        publisher,
        MethodologyComparison.trajectory(assessedA, assessedB),
        folder,
        ResearchMarts.RANK_TRAJECTORY.name(),
        MethodologyComparison.trajectoryOrder());
    return compared;
  }

  /**
   * The run's assessment under one methodology, as the assess stage computes it (all annual
   * periods).
   */
  private static Dataset<Row> assessment(
      SparkSession spark, RunLayout run, String methodology, String rules) {
    return RunAssessment.of(spark, run, new EngineZoneScoring(), methodology, rules, "latest")
        .result()
        .assessment();
  }

  /** The distinct periods, ascending (period-count sized). */
  private static List<String> periods(Dataset<Row> periods) {
    List<String> out = new ArrayList<>();
    for (Row r : periods.distinct().orderBy("period").collectAsList()) {
      out.add(r.getString(0));
    }
    return out;
  }

  public static String range(List<String> periods) {
    String first = periods.get(0);
    String last = periods.get(periods.size() - 1);
    return first.equals(last) ? first : first + "–" + last;
  }

  private static Dataset<Row> parameters(
      SparkSession spark, String runId, Side sa, Side sb, List<String> compared) {
    String locationA = sa.location();
    Methodology a = sa.methodology();
    String rulesA = sa.rules();
    String locationB = sb.location();
    Methodology b = sb.methodology();
    String rulesB = sb.rules();
    Map<String, String> p = new TreeMap<>();
    p.put(ResearchMarts.RUN_ID, runId);
    p.put(ResearchMarts.METHODOLOGY_A, a.id());
    p.put(ResearchMarts.METHODOLOGY_A_VERSION, a.version() == null ? "" : a.version());
    p.put("methodology_a_file", locationA);
    p.put("rules_a_file", rulesA);
    p.put(ResearchMarts.METHODOLOGY_B, b.id());
    p.put(ResearchMarts.METHODOLOGY_B_VERSION, b.version() == null ? "" : b.version());
    p.put("methodology_b_file", locationB);
    p.put("rules_b_file", rulesB);
    p.put(ResearchMarts.PERIODS, range(compared));
    p.put(ResearchMarts.FOCUS_PERIOD, compared.get(compared.size() - 1));
    List<Row> rows = new ArrayList<>();
    p.forEach((k, v) -> rows.add(RowFactory.create(k, v)));
    StructType schema =
        new StructType()
            .add("key", DataTypes.StringType, false)
            .add("value", DataTypes.StringType, true);
    return spark.createDataFrame(rows, schema);
  }

  private static void publish(
      Publisher publisher, Dataset<Row> data, String folder, String mart, Column... order) {
    publisher.writeParquet(data.repartition(1).sortWithinPartitions(order), folder + "/" + mart);
  }
}
