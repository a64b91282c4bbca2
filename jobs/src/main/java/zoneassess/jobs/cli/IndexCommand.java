package zoneassess.jobs.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.index.CompositeIndexEngine;
import zoneassess.jobs.index.IndexOptions;
import zoneassess.jobs.index.IndexResult;
import zoneassess.jobs.index.IndexTimings;
import zoneassess.jobs.index.StageFiles;
import zoneassess.jobs.index.WideTables;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.spark.JobCounter;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.methodology.LoadedMethodology;
import zoneassess.schema.methodology.MethodologyLoader;

/** {@code zoneassess index}: runs any methodology over any wide table and writes every stage. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = {
      "Computes a composite index: reads a wide table (one row per unit, one column per raw",
      "statistic; CSV, XLSX or Parquet), applies the methodology file and writes every stage",
      "(raw, denominated, imputed, treated, normalised, aggregated, ranks, plus the imputed cells",
      "and the treatment log) as <out>/<stage>.csv and Parquet under <out>/<stage>/."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess index --methodology classpath:methodologies/conformance/hdi-2022.yaml \\",
      "      --data ../shared/conformance/hdi-2022/hdi_2022.csv --id-column iso3 --out out/hdi",
      "  zoneassess index --methodology classpath:methodologies/conformance/asem-coinr.yaml \\",
      "      --data input_IndData.csv --data input_Denominators.csv --id-column UnitCode --out out/asem",
      "  zoneassess index --methodology my-method.yaml --data zones.xlsx --id-column zone_code \\",
      "      --partition-column period --carry zone_name --out out/zones"
    })
public final class IndexCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--methodology",
      required = true,
      paramLabel = "FILE",
      description = "Methodology YAML: a file path or classpath:methodologies/<name>.yaml")
  String methodology;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE",
      description =
          "Wide input table (CSV/XLSX/Parquet); repeat to join more files on the id column")
  List<String> data = new ArrayList<>();

  @Option(
      names = "--id-column",
      defaultValue = "id",
      paramLabel = "C",
      description = "Column identifying a unit (default: ${DEFAULT-VALUE})")
  String idColumn;

  @Option(
      names = "--partition-column",
      paramLabel = "C",
      description =
          "Column scored separately per value, e.g. period (repeatable; the last orders periods)")
  List<String> partitionColumns = new ArrayList<>();

  @Option(
      names = "--carry",
      paramLabel = "C",
      description = "Extra input column copied to every output (repeatable)")
  List<String> carry = new ArrayList<>();

  @Option(
      names = "--out",
      defaultValue = "out/index",
      paramLabel = "DIR",
      description = "Output folder (default: ${DEFAULT-VALUE})")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default: local[*])")
  String master;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    IndexTimings timings = new IndexTimings();
    LoadedMethodology loaded;
    try {
      loaded = MethodologyLoader.load(methodology);
      data.forEach(d -> Arguments.existing("--data", d));
    } catch (RuntimeException e) {
      return ExitCodes.report("index", e, err);
    }
    timings.phase("methodology");
    try {
      SparkSession spark = SparkSessions.create(master, "zoneassess index");
      timings.phase("session");
      if (IndexTimings.ENABLED) {
        timings.count(JobCounter.attach(spark));
      }
      List<String> uris = data.stream().map(Publisher::toUri).toList();
      Dataset<Row> wide = WideTables.read(spark, uris, idColumn, partitionColumns);
      timings.phase("read");
      IndexResult result =
          CompositeIndexEngine.run(
              wide, loaded.methodology(), new IndexOptions(idColumn, partitionColumns, carry));
      timings.phase("engine");
      Map<String, String> written =
          StageFiles.write(result, Publisher.toUri(out), new Publisher(spark));
      timings.phase("write");
      if (IndexTimings.ENABLED) {
        err.println(timings.describe());
        err.flush();
      }
      stdout.println(
          "methodology " + loaded.methodology().id() + " (sha256 " + loaded.sha256() + ")");
      written.forEach((stage, uri) -> stdout.println("  " + stage + " -> " + uri));
      stdout.flush();
      return 0;
    } catch (Exception e) {
      return ExitCodes.report("index", e, err);
    }
  }
}
