package zoneassess.jobs.scoreboard;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.assess.ZoneFacts;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.marts.ScoreboardMarts;
import zoneassess.schema.scoreboard.Scoreboard;
import zoneassess.schema.scoreboard.ScoreboardLoader;

/**
 * The 两增强五提升 scoreboard stage: after the assessment, measures every zone's annual periods up to the
 * newest assessed one against the goals of a scoreboard file and publishes {@code scoreboard}.
 * Parameter {@code scoreboard} (default {@value ScoreboardLoader#SEED_2021}).
 */
public final class ScoreboardStage implements Stage {
  public static final String NAME = "scoreboard";
  public static final String PARAM_SCOREBOARD = "scoreboard";

  /** The stage's parameters, typed; an unknown key is an error. */
  public record Params(String scoreboard) {
    public static Params of(StageContext context) {
      StageParams p = StageParams.of(NAME, context.params(), List.of(PARAM_SCOREBOARD));
      return new Params(p.text(PARAM_SCOREBOARD, ScoreboardLoader.SEED_2021));
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
    Scoreboard board = ScoreboardLoader.load(Params.of(context).scoreboard());
    Dataset<Row> assessment = ParquetRead.of(spark, run.mart(AssessmentMarts.ASSESSMENT.name()));
    Row newest =
        assessment.filter(col("period").rlike("^[0-9]{4}$")).agg(max(col("period"))).first();
    String uri = run.mart(ScoreboardMarts.SCOREBOARD.name());
    List<String> summary = new ArrayList<>();
    if (newest.isNullAt(0)) {
      summary.add("scoreboard: no annual period assessed, nothing measured");
      summary.forEach(context.console()::println);
      return new StageResult(NAME, Map.of(), Map.of(), summary);
    }
    String period = newest.get(0).toString();
    Dataset<Row> facts =
        ZoneFacts.build(
            read(spark, publisher, run, Datasets.ZONE_STATS)
                .withColumn("period", col("period").cast("string")),
            read(spark, publisher, run, Datasets.ZONES),
            read(spark, publisher, run, Datasets.MAJOR_PROJECTS),
            period);
    long rows =
        new MartWriter(spark)
            .write(
                ScoreboardMarts.SCOREBOARD,
                GoalScoreboard.apply(facts, assessment, board)
                    .coalesce(1)
                    .sortWithinPartitions(
                        "period", "zone_code", "goal_code", "measure", "indicator"),
                uri);
    Dataset<Row> published = new MartWriter(spark).read(ScoreboardMarts.SCOREBOARD, uri);
    for (Row r :
        published
            .filter(col("period").equalTo(period))
            .select("zone_code", "goal_code", "goal_name_zh", "goal_met")
            .distinct()
            .groupBy("goal_code", "goal_name_zh")
            .agg(
                count(lit(1)).as("zones"),
                org.apache.spark.sql.functions.sum(col("goal_met").cast("int")).as("met"))
            .orderBy("goal_code")
            .collectAsList()) {
      summary.add(
          String.format(
              Locale.ROOT,
              "scoreboard %s %s: %d of %d zones met the target",
              period,
              r.getString(1),
              r.getLong(3),
              r.getLong(2)));
    }
    summary.forEach(context.console()::println);
    return new StageResult(
        NAME,
        Map.of(ScoreboardMarts.SCOREBOARD.name(), uri),
        Map.of(ScoreboardMarts.SCOREBOARD.name(), rows),
        summary);
  }

  private static Dataset<Row> read(
      SparkSession spark, Publisher publisher, RunLayout run, DatasetContract contract) {
    String uri = run.staging(contract.name());
    if (publisher.exists(uri)) {
      return ParquetRead.of(spark, uri);
    }
    return spark.createDataFrame(List.of(), ContractSchemas.of(contract));
  }
}
