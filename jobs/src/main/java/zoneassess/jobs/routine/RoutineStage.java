package zoneassess.jobs.routine;

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
import zoneassess.jobs.assess.RulesReference;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.routine.RoutineRules;
import zoneassess.schema.routine.RoutineRulesLoader;

/**
 * The routine stage of a routine run (after assess): publishes the {@code routine_scoreboard} mart
 * of the newest routine period the assessment holds ({@link RoutineScoreboard}).
 *
 * <p>Parameters: {@code rules} (location; blank = the methodology's {@code rules:} key), {@code
 * methodology}.
 */
public final class RoutineStage implements Stage {
  public static final String NAME = "routine";
  public static final String PARAM_RULES = "rules";
  public static final String PARAM_METHODOLOGY = "methodology";

  /** The stage's parameters: the methodology, and a rules file when not the methodology's own. */
  public record Params(String methodology, String rules) {
    public static Params of(StageContext context) {
      StageParams p =
          StageParams.of(NAME, context.params(), List.of(PARAM_METHODOLOGY, PARAM_RULES));
      return new Params(p.required(PARAM_METHODOLOGY), p.text(PARAM_RULES, ""));
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
    Params params = Params.of(context);
    String rulesLocation = params.rules();
    if (rulesLocation == null || rulesLocation.isBlank()) {
      rulesLocation = RulesReference.fromMethodology(params.methodology());
    }
    RoutineRules rules = RoutineRulesLoader.fromRules(rulesLocation);
    Dataset<Row> assessment = ParquetRead.of(spark, run.mart(AssessmentMarts.ASSESSMENT.name()));
    Row newest =
        assessment
            .filter(col("period").rlike("^[0-9]{4}(Q[1-4]|-[0-9]{2})$"))
            .agg(max("period"))
            .first();
    List<String> summary = new ArrayList<>();
    if (newest.isNullAt(0)) {
      summary.add("routine: no routine period assessed, no scoreboard");
      summary.forEach(context.console()::println);
      return new StageResult(NAME, Map.of(), Map.of(), summary);
    }
    String period = newest.getString(0);
    Dataset<Row> indicators =
        ParquetRead.of(spark, run.mart(RoutineMarts.ROUTINE_INDICATORS.name()));
    Dataset<Row> stats =
        spark
            .read()
            .parquet(run.staging(Datasets.ZONE_STATS.name()))
            .withColumn("period", col("period").cast("string"));
    RoutineRules.Scoreboard rule = rules.scoreboard();
    Dataset<Row> board =
        RoutineScoreboard.build(
            assessment,
            indicators,
            RoutineScoreboard.lastYear(stats, period, rule.paceIndicator()),
            period,
            rule);
    String uri = run.mart(RoutineMarts.ROUTINE_SCOREBOARD.name());
    long rows =
        new MartWriter(spark)
            .write(
                RoutineMarts.ROUTINE_SCOREBOARD,
                board.repartition(1).sortWithinPartitions("period", "zone_code"),
                uri);
    List<Row> marks =
        spark
            .read()
            .parquet(uri)
            .groupBy("mark")
            .agg(count(lit(1)).as("n"))
            .orderBy("mark")
            .collectAsList();
    StringBuilder line =
        new StringBuilder(
            String.format(Locale.ROOT, "routine %s (rules %s):", period, rules.source()));
    for (Row r : marks) {
      line.append(' ').append(r.getString(0)).append(' ').append(r.getLong(1));
    }
    summary.add(line.toString());
    summary.forEach(context.console()::println);
    return new StageResult(
        NAME,
        Map.of(RoutineMarts.ROUTINE_SCOREBOARD.name(), uri),
        Map.of(RoutineMarts.ROUTINE_SCOREBOARD.name(), rows),
        summary);
  }
}
