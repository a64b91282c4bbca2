package zoneassess.jobs.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import zoneassess.jobs.ingest.InputFile;
import zoneassess.jobs.ingest.InputFolder;
import zoneassess.jobs.ingest.JdbcExtracts;
import zoneassess.jobs.ingest.ValidationReport;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.IngestStage;
import zoneassess.jobs.pipeline.RunLock;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.run.OutputRecords;
import zoneassess.jobs.run.RunIds;
import zoneassess.jobs.run.RunLifecycle;
import zoneassess.jobs.run.RunManifest;
import zoneassess.jobs.run.Snapshots;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.layout.RunLayout;

/** {@code zoneassess ingest}: validates an input folder into a new run. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads the input folder (CSV UTF-8/GBK, XLSX, Parquet), validates every dataset against its",
      "contract and publishes staging, rejects, the validation report and manifest.json as a new",
      "run under ROOT/runs/<run-id>. Exit 3 when an input is unusable (missing required column,",
      "unreadable file)."
    },
    footer = {
      "",
      "Examples:",
      "  zoneassess ingest --input out/sample --out out",
      "  zoneassess ingest --input hdfs:///zoneassess/in/2025-09 --out hdfs:///zoneassess/out \\",
      "      --master spark://127.0.0.1:7077"
    })
public final class IngestCommand implements Callable<Integer> {
  @Option(
      names = "--input",
      required = true,
      paramLabel = "DIR",
      description = "Input folder (path or URI).")
  String input;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "ROOT",
      description = "Output root (path or URI).")
  String out;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master (default local[*]).")
  String master;

  PrintStream console = System.out;
  PrintStream errors = System.err;

  @Override
  public Integer call() {
    try {
      Arguments.existing("--input", input);
    } catch (UsageException e) {
      return ExitCodes.report("ingest", e, errors);
    }
    Instant started = Instant.now();
    // An embedding caller (tests, the pipeline) may already hold a session; reuse it as is.
    SparkSession spark =
        master == null && SparkSession.getDefaultSession().isDefined()
            ? SparkSession.getDefaultSession().get()
            : SparkSessions.create(master, "zoneassess ingest");
    Publisher publisher = new Publisher(spark);
    String inputUri = Publisher.toUri(input);
    String root = Publisher.toUri(out);
    RunLifecycle lifecycle = new RunLifecycle(publisher);
    RunLayout run = null;
    try (RunLock lock = RunLock.acquire(root, publisher.conf(), "ingest " + inputUri, console)) {
      JdbcExtracts.prepare(inputUri, root + "/.jdbc-extracts", publisher.conf());
      InputFolder folder = InputFolder.scan(inputUri, publisher.conf());
      List<String> hashes = new ArrayList<>();
      for (InputFile f : folder.files()) {
        hashes.add(publisher.sha256(f.uri()));
      }
      if (folder.configUri() != null) {
        hashes.add(publisher.sha256(folder.configUri()));
      }
      Map<String, String> params = new LinkedHashMap<>();
      params.put(IngestStage.PARAM_INPUT, inputUri);
      run = lifecycle.begin(root, RunIds.create(started, hashes, params));
      new Snapshots(publisher).record(root, folder.files(), started);

      Instant t0 = Instant.now();
      StageResult result = new IngestStage().execute(new StageContext(spark, run, params, console));
      double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;

      ValidationReport report =
          ValidationReport.fromJson(publisher.readText(IngestStage.reportJson(run)));
      RunLayout published = run.asPublished();
      List<RunManifest.Output> outputs = new ArrayList<>();
      for (Map.Entry<String, String> o : result.outputs().entrySet()) {
        String uri = o.getValue();
        outputs.add(
            OutputRecords.describe(
                spark,
                publisher,
                o.getKey(),
                uri,
                published.runDir() + uri.substring(run.runDir().length())));
      }
      List<RunManifest.Config> configs = new ArrayList<>();
      if (folder.configUri() != null) {
        configs.add(
            new RunManifest.Config(folder.configUri(), publisher.sha256(folder.configUri())));
      }
      RunManifest manifest =
          new RunManifest(
              run.runId(),
              RunManifest.iso(started),
              RunManifest.iso(Instant.now()),
              "ingest",
              params,
              RunManifest.inputsOf(report),
              configs,
              RunManifest.codeVersion(),
              RunManifest.currentSparkVersion(),
              RunManifest.currentJavaVersion(),
              Map.of(IngestStage.NAME, seconds),
              outputs);
      publisher.writeText(run.manifest(), manifest.toJson());
      published = lifecycle.publish(run);
      result.summary().forEach(console::println);
      console.println("run: " + published.runDir());
      return 0;
    } catch (RuntimeException e) {
      abandon(lifecycle, run);
      return ExitCodes.report("ingest", e, errors);
    }
  }

  private static void abandon(RunLifecycle lifecycle, RunLayout run) {
    if (run != null) {
      lifecycle.abandon(run);
    }
  }
}
