package zoneassess.jobs.anomaly;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.ingest.IngestException;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.anomaly.AnomalyChecks;
import zoneassess.schema.anomaly.AnomalyChecksLoader;
import zoneassess.schema.anomaly.DatasetChecks;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AnomalyMarts;

/**
 * The input anomaly stage, right after ingest: runs the checks of the anomaly file (parameter
 * {@code checks}, default {@value AnomalyChecksLoader#DEFAULT}) over the staged datasets, publishes
 * the {@code input_anomalies} mart and appends the findings to {@code validation/report.md}. A
 * finding of a check with {@code severity: error} stops the run (exit 3) naming its dataset, key,
 * period, value and rule.
 */
public final class AnomalyStage implements Stage {
  public static final String NAME = "anomalies";
  public static final String PARAM_CHECKS = "checks";
  static final int MAX_LINES = 50;
  static final int MAX_ERRORS = 20;

  /** The stage's parameters: the anomaly check file (default: the shipped checks). */
  public record Params(String checks) {
    public static Params of(StageContext context) {
      StageParams p = StageParams.of(NAME, context.params(), List.of(PARAM_CHECKS));
      return new Params(p.text(PARAM_CHECKS, AnomalyChecksLoader.DEFAULT));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult execute(StageContext context) {
    SparkSession spark = context.spark();
    RunLayout run = context.run();
    Publisher publisher = context.publisher();
    AnomalyChecks checks = AnomalyChecksLoader.load(Params.of(context).checks());
    Dataset<Row> all = null;
    for (DatasetChecks d : checks.datasets()) {
      String uri = run.staging(d.dataset());
      if (!publisher.exists(uri)) {
        continue;
      }
      Dataset<Row> f = InputAnomalies.find(ParquetRead.of(spark, uri), d);
      all = all == null ? f : all.unionByName(f);
    }
    if (all == null) {
      all =
          InputAnomalies.find(
              spark.emptyDataFrame(), new DatasetChecks("", "", "", "", "", List.of()));
    }
    String martUri = run.mart(AnomalyMarts.INPUT_ANOMALIES.name());
    long rows =
        new MartWriter(spark)
            .write(
                AnomalyMarts.INPUT_ANOMALIES,
                all.repartition(1)
                    .sortWithinPartitions(
                        "dataset", "rule_id", "unit_key", "indicator_code", "period"),
                martUri);
    // Only the lines that are printed come to the driver: the mart holds every finding, and a
    // large province may have thousands.
    Dataset<Row> published =
        spark
            .read()
            .schema(ContractSchemas.of(AnomalyMarts.INPUT_ANOMALIES))
            .parquet(martUri)
            .orderBy("dataset", "rule_id", "unit_key", "indicator_code", "period");
    List<Row> shown = published.limit(MAX_LINES).collectAsList();
    String reportMd = run.validationDir() + "/report.md";
    if (publisher.exists(reportMd)) {
      publisher.writeText(
          reportMd, publisher.readText(reportMd) + section(shown, rows, checks.source()));
    }
    Dataset<Row> raised = published.filter(col("severity").equalTo("error"));
    List<Row> errors = raised.limit(MAX_ERRORS).collectAsList();
    if (!errors.isEmpty()) {
      StringBuilder msg =
          new StringBuilder(
              raised.count() + " input anomalies raised to errors in " + checks.source() + ":");
      errors.forEach(r -> msg.append("\n  ").append(line(r)));
      throw new IngestException(msg.toString());
    }
    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(Locale.ROOT, "input anomalies: %d warnings (checks %s)", rows, checks.id()));
    shown.stream().limit(10).forEach(r -> summary.add("  " + line(r)));
    if (rows > 10) {
      summary.add("  … and " + (rows - 10) + " more (input_anomalies mart)");
    }
    summary.forEach(context.console()::println);
    return new StageResult(
        NAME,
        Map.of(AnomalyMarts.INPUT_ANOMALIES.name(), martUri),
        Map.of(AnomalyMarts.INPUT_ANOMALIES.name(), rows),
        summary);
  }

  static String line(Row r) {
    return String.format(
        Locale.ROOT,
        "[%s %s/%s] %s",
        r.<String>getAs("severity"),
        r.<String>getAs("dataset"),
        r.<String>getAs("rule_id"),
        r.<String>getAs("message_zh"));
  }

  /**
   * The report.md section: the first findings, one table row each ({@code shown}, at most {@value
   * #MAX_LINES}), of {@code total}.
   */
  static String section(List<Row> shown, long total, String source) {
    StringBuilder sb = new StringBuilder("\n## Input anomalies (warnings)\n\n");
    sb.append("Checks: `").append(source).append("`. ");
    if (total == 0) {
      return sb.append("No anomaly found.\n").toString();
    }
    sb.append(total)
        .append(
            " findings; every value was kept. All of them are in the `input_anomalies` mart.\n\n")
        .append(
            "| dataset | rule | key | indicator | period | value | compared with | value then |\n")
        .append("|---|---|---|---|---|---|---|---|\n");
    for (Row r : shown) {
      sb.append("| ")
          .append(r.<String>getAs("dataset"))
          .append(" | ")
          .append(r.<String>getAs("rule_id"))
          .append(" (")
          .append(r.<String>getAs("severity"))
          .append(") | ")
          .append(r.<String>getAs("unit_key"))
          .append(" | ")
          .append(r.<String>getAs("indicator_code"))
          .append(" | ")
          .append(r.<String>getAs("period"))
          .append(" | ")
          .append(fmt(r.getAs("value")))
          .append(" | ")
          .append(r.getAs("previous_period") == null ? "" : r.<String>getAs("previous_period"))
          .append(" | ")
          .append(fmt(r.getAs("previous_value")))
          .append(" |\n");
    }
    if (total > shown.size()) {
      sb.append("\n… and ").append(total - shown.size()).append(" more.\n");
    }
    return sb.toString();
  }

  private static String fmt(Object v) {
    if (v == null) {
      return "";
    }
    return new java.math.BigDecimal(((Double) v).toString()).stripTrailingZeros().toPlainString();
  }
}
