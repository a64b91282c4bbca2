package zoneassess.jobs.cli;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.intake.InputTemplates;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;

/** {@code zoneassess template}: fill-in workbooks generated from the dataset contracts. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description = {
      "Writes an XLSX fill-in template per dataset: Chinese headers (with units) that ingest reads",
      "as they are, drop-downs and ranges from the contract, a protected header row and a 填报说明",
      "sheet from the data dictionary. A filled template goes into the input folder unchanged."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess template --dataset all --out out/templates",
      "  zoneassess template --dataset zone_stats --zone 320800P01 --period 2025 --out out/templates",
      "  zoneassess template --dataset zone_stats --zone 320800P01 --period 2025 \\",
      "      --reference-root out --out out/templates"
    })
public final class TemplateCommand implements Callable<Integer> {
  @Option(
      names = "--dataset",
      required = true,
      paramLabel = "D|all",
      description = "Dataset name (areas, zones, zone_stats, …) or all.")
  String dataset;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder to write into.")
  Path out;

  @Option(
      names = "--zone",
      paramLabel = "CODE",
      description = "Zone code: the zone-code drop-down offers this zone only.")
  String zone;

  @Option(
      names = "--period",
      paramLabel = "P",
      description =
          "Period (2025, 2025Q3, 2025-09): with --zone, the zone_stats template lists every"
              + " catalogue indicator for that zone and period.")
  String period;

  @Option(
      names = "--reference-root",
      paramLabel = "ROOT",
      description =
          "With --zone and --period: show beside the zone_stats rows the values the zone reported"
              + " for the same period a year earlier, from a run under ROOT.")
  String referenceRoot;

  @Option(
      names = "--reference-run",
      defaultValue = "latest",
      paramLabel = "ID",
      description = "The run to take those values from (default latest).")
  String referenceRun;

  @Override
  public Integer call() {
    List<DatasetContract> chosen;
    try {
      if (dataset.equals("all")) {
        chosen = Datasets.ALL;
      } else {
        chosen =
            List.of(
                Datasets.find(dataset)
                    .orElseThrow(
                        () ->
                            new UsageException(
                                "--dataset: unknown dataset '"
                                    + dataset
                                    + "' (known: "
                                    + String.join(
                                        ", ", Datasets.ALL.stream().map(d -> d.name()).toList())
                                    + ", all)")));
      }
      if (period != null && !period.matches(Datasets.PERIOD_PATTERN)) {
        throw new UsageException(
            "--period: expected yyyy, yyyyQn or yyyy-MM, not '" + period + "'");
      }
    } catch (UsageException e) {
      return ExitCodes.report("template", e, System.err);
    }
    InputTemplates.Options options = new InputTemplates.Options(zone, period);
    try {
      if (referenceRoot != null) {
        if (zone == null || period == null) {
          throw new UsageException("--reference-root needs --zone and --period");
        }
        options = withReference(options);
      }
    } catch (UsageException | IllegalArgumentException e) {
      return ExitCodes.report("template", e, System.err);
    }
    try {
      Files.createDirectories(out);
      for (DatasetContract d : chosen) {
        Path file = out.resolve(InputTemplates.fileName(d, options));
        try (XSSFWorkbook wb = InputTemplates.build(d, options);
            OutputStream os = Files.newOutputStream(file)) {
          wb.write(os);
        }
        System.out.println("wrote " + file);
      }
      return ExitCodes.OK;
    } catch (IOException e) {
      return ExitCodes.report("template", e, System.err);
    }
  }

  /** The zone's staged statistics of the same period a year earlier, from the reference run. */
  private InputTemplates.Options withReference(InputTemplates.Options o) {
    RunLayout run = PerMuCommand.resolveRun(referenceRoot, referenceRun);
    String before = InputTemplates.yearEarlier(period);
    SparkSession spark =
        SparkSession.getDefaultSession().isDefined()
            ? SparkSession.getDefaultSession().get()
            : SparkSessions.create(null, "zoneassess template");
    Map<String, Double> values = new TreeMap<>();
    for (Row r :
        spark
            .read()
            .parquet(run.staging("zone_stats"))
            .where(col("zone_code").equalTo(zone).and(col("period").equalTo(before)))
            .select("indicator_code", "value")
            .collectAsList()) {
      if (!r.isNullAt(1)) {
        values.put(r.getString(0), r.getDouble(1));
      }
    }
    System.out.println(
        "template: " + values.size() + " values of " + zone + " for " + before + " as reference");
    return new InputTemplates.Options(zone, period, before, values);
  }
}
