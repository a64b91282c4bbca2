package zoneassess.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import zoneassess.jobs.history.VintageComparison;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AssessmentMarts;

/**
 * {@code zoneassess vintages}: what a data revision changed, and what that did to scores and ranks.
 */
@Command(
    name = "vintages",
    mixinStandardHelpOptions = true,
    description = {
      "Compares two runs of the same periods on two vintages of the inputs (e.g. made with",
      "`zoneassess run --as-of DATE`): per zone and indicator, the raw values that changed, appeared",
      "or disappeared, with the zone's score and rank before and after. Writes",
      "ROOT/research/<before>-vs-<after>/vintage_changes (period, zone_code, zone_name, indicator_code,",
      "value_before, value_after, score_before, score_after, score_change, rank_before, rank_after,",
      "rank_shift; + = moved up) and prints the changed values per indicator and the zones whose rank",
      "moved, biggest move first."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess run --as-of 2025-03-31 --out out --force   # the March vintage",
      "  zoneassess run --as-of 2025-04-30 --out out --force   # after the April revision",
      "  zoneassess vintages 20250501T020000Z-1a2b3c4d 20250501T030000Z-1a2b3c4d --out out",
      "  zoneassess vintages RUN_A RUN_B --out out --period 2024 --top 30"
    })
public final class VintagesCommand implements Callable<Integer> {
  static final String MART = "vintage_changes";

  @Parameters(index = "0", paramLabel = "RUN_BEFORE", description = "Run on the earlier vintage.")
  String before;

  @Parameters(index = "1", paramLabel = "RUN_AFTER", description = "Run on the later vintage.")
  String after;

  @Option(
      names = "--out",
      defaultValue = "out",
      paramLabel = "ROOT",
      description = "Output root (default: ${DEFAULT-VALUE}).")
  String out;

  @Option(
      names = "--period",
      paramLabel = "P",
      description = "Compare only this period (default: all).")
  String period;

  @Option(
      names = "--top",
      defaultValue = "20",
      paramLabel = "N",
      description = "Rank moves to print (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  @Override
  public Integer call() {
    try {
      Arguments.runId("RUN_BEFORE", before, false);
      Arguments.runId("RUN_AFTER", after, false);
      if (period != null) {
        Arguments.period("--period", period);
      }
    } catch (UsageException e) {
      return ExitCodes.report("vintages", e, System.err);
    }
    SparkSession spark = SparkSessions.create(master, "zoneassess vintages");
    try {
      Publisher publisher = new Publisher(spark);
      String root = Publisher.toUri(out).replaceAll("/$", "");
      String[] marts = {
        AssessmentMarts.ASSESSMENT_INDICATORS.name(), AssessmentMarts.ASSESSMENT.name()
      };
      for (String id : List.of(before, after)) {
        for (String mart : marts) {
          String uri = RunLayout.published(root, id).mart(mart);
          if (!publisher.exists(uri)) {
            System.err.println("vintages: run " + id + " has no " + mart + " mart at " + uri);
            return ExitCodes.USAGE;
          }
        }
      }
      Dataset<Row> indicatorsBefore = read(spark, root, before, marts[0]);
      Dataset<Row> indicatorsAfter = read(spark, root, after, marts[0]);
      Dataset<Row> assessmentBefore = read(spark, root, before, marts[1]);
      Dataset<Row> assessmentAfter = read(spark, root, after, marts[1]);
      List<String> periodsBefore = periods(assessmentBefore);
      List<String> periodsAfter = periods(assessmentAfter);
      if (!periodsBefore.equals(periodsAfter)) {
        System.out.println(
            "note: the runs cover different periods: " + periodsBefore + " and " + periodsAfter);
      }
      String target =
          zoneassess.schema.marts.ResearchMarts.folder(root, before + "-vs-" + after) + "/" + MART;
      Dataset<Row> changes =
          VintageComparison.changes(
              indicatorsBefore, indicatorsAfter, assessmentBefore, assessmentAfter);
      publisher.writeParquet(changes.coalesce(1), target);

      Dataset<Row> written = ParquetRead.of(spark, target);
      System.out.printf(
          Locale.ROOT,
          "%d changed values (%s → %s) → %s%n",
          written.count(),
          before,
          after,
          target);
      System.out.printf(Locale.ROOT, "%-24s %8s%n", "indicator", "changed");
      for (Row r : VintageComparison.changesPerIndicator(written).collectAsList()) {
        System.out.printf(Locale.ROOT, "%-24s %8d%n", r.getString(0), r.getInt(1));
      }
      List<Row> moves =
          VintageComparison.rankMoves(assessmentBefore, assessmentAfter).collectAsList();
      System.out.printf(
          Locale.ROOT, "%d zones moved in rank%s%n", moves.size(), moves.isEmpty() ? "" : ":");
      System.out.printf(
          Locale.ROOT,
          "%-8s %-14s %-20s %6s %6s %6s%n",
          "period",
          "zone",
          "name",
          "before",
          "after",
          "shift");
      for (Row r : moves.subList(0, Math.min(top, moves.size()))) {
        System.out.printf(
            Locale.ROOT,
            "%-8s %-14s %-20s %6s %6s %6s%n",
            r.getAs("period"),
            r.getAs("zone_code"),
            r.getAs("zone_name"),
            r.getAs("rank_before"),
            r.getAs("rank_after"),
            shift(r));
      }
      return 0;
    } catch (Exception e) {
      return ExitCodes.report("vintages", e, System.err);
    }
  }

  private Dataset<Row> read(SparkSession spark, String root, String id, String mart) {
    Dataset<Row> d = ParquetRead.of(spark, RunLayout.published(root, id).mart(mart));
    return period == null ? d : d.where(col("period").equalTo(period));
  }

  private static List<String> periods(Dataset<Row> assessment) {
    return assessment.select("period").distinct().orderBy("period").collectAsList().stream()
        .map(r -> r.getString(0))
        .toList();
  }

  private static String shift(Row r) {
    if (r.isNullAt(r.fieldIndex("rank_shift"))) {
      return "—";
    }
    int s = r.getAs("rank_shift");
    return s > 0 ? "+" + s : String.valueOf(s);
  }
}
