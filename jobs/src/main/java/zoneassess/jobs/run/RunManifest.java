package zoneassess.jobs.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zoneassess.jobs.ingest.ValidationReport;
import zoneassess.jobs.io.CanonicalJson;
import zoneassess.jobs.spark.JobCounter;

/**
 * The {@code manifest.json} of a run: what went in (inputs and configuration files with SHA-256),
 * which code and engine ran it, with which parameters, how long each stage took, and what came out
 * (outputs with SHA-256). Keys are sorted and lists ordered, so two manifests of the same run
 * differ only in times and id. {@code synthetic} is true when the input folder was written by the
 * sample generator: every briefing pack of the run then carries the synthetic-data banner.
 */
public record RunManifest(
    String runId,
    String started,
    String finished,
    String command,
    Map<String, String> parameters,
    List<Input> inputs,
    List<Config> configs,
    CodeVersion code,
    String sparkVersion,
    String javaVersion,
    Map<String, Double> stageSeconds,
    List<Output> outputs,
    List<Snapshot> snapshots,
    Derivation derivedFrom,
    boolean synthetic,
    Map<String, JobCounter.Work> sparkWork) {

  /** The entry of {@link #sparkWork} for the content hashes of the outputs, after the stages. */
  public static final String OUTPUT_HASHING = "output-hashes";

  /**
   * A manifest without Spark work counts. {@code sparkWork} (jobs, stages, tasks, SQL executions
   * and the largest plan per stage, and under {@link #OUTPUT_HASHING} the content hashing of the
   * outputs) is recorded by runs that executed stages; it varies with the code, not with the data's
   * content.
   */
  public RunManifest(
      String runId,
      String started,
      String finished,
      String command,
      Map<String, String> parameters,
      List<Input> inputs,
      List<Config> configs,
      CodeVersion code,
      String sparkVersion,
      String javaVersion,
      Map<String, Double> stageSeconds,
      List<Output> outputs,
      List<Snapshot> snapshots,
      Derivation derivedFrom,
      boolean synthetic) {
    this(
        runId,
        started,
        finished,
        command,
        parameters,
        inputs,
        configs,
        code,
        sparkVersion,
        javaVersion,
        stageSeconds,
        outputs,
        snapshots,
        derivedFrom,
        synthetic,
        null);
  }

  /** One input file with its counts. */
  public record Input(
      String file,
      String dataset,
      String sha256,
      long bytes,
      long rowsRead,
      long rowsAccepted,
      long rowsRejected) {}

  /** A configuration or methodology file. */
  public record Config(String path, String sha256) {}

  /** The code that ran. */
  public record CodeVersion(String gitCommit, String buildVersion) {}

  /**
   * A published output.
   *
   * @param sha256 hash of the file bytes ({@code Publisher#sha256})
   * @param contentSha256 hash of the rows of a Parquet dataset ({@code ContentHash}), of the bytes
   *     of a text file; null for workbooks and in manifests written before content hashes
   * @param sharedFrom the run whose file this is when a derived run shares it unchanged, else null
   */
  public record Output(
      String name, String uri, String sha256, String contentSha256, String sharedFrom) {
    public Output(String name, String uri, String sha256) {
      this(name, uri, sha256, null, null);
    }
  }

  /**
   * How a derived run came about: a stage command ({@code assess}, {@code per-mu}, {@code costs})
   * re-executed {@code stages} on the published run {@code parentRunId}; every other output is the
   * parent's, shared unchanged.
   */
  public record Derivation(String parentRunId, String command, List<String> stages) {
    public Derivation {
      stages = List.copyOf(stages);
    }
  }

  /**
   * One physical input file as stored in the snapshot store: its name relative to the input folder
   * (a Parquet folder contributes each part file) and its SHA-256, enough to rebuild the folder.
   */
  public record Snapshot(String file, String dataset, String sha256) {}

  /** A run made from real (not synthetic) inputs (not derived from another run). */
  public RunManifest(
      String runId,
      String started,
      String finished,
      String command,
      Map<String, String> parameters,
      List<Input> inputs,
      List<Config> configs,
      CodeVersion code,
      String sparkVersion,
      String javaVersion,
      Map<String, Double> stageSeconds,
      List<Output> outputs,
      List<Snapshot> snapshots) {
    this(
        runId,
        started,
        finished,
        command,
        parameters,
        inputs,
        configs,
        code,
        sparkVersion,
        javaVersion,
        stageSeconds,
        outputs,
        snapshots,
        null,
        false);
  }

  /** A manifest without a snapshot list (ingest-only manifests, manifests before snapshots). */
  public RunManifest(
      String runId,
      String started,
      String finished,
      String command,
      Map<String, String> parameters,
      List<Input> inputs,
      List<Config> configs,
      CodeVersion code,
      String sparkVersion,
      String javaVersion,
      Map<String, Double> stageSeconds,
      List<Output> outputs) {
    this(
        runId,
        started,
        finished,
        command,
        parameters,
        inputs,
        configs,
        code,
        sparkVersion,
        javaVersion,
        stageSeconds,
        outputs,
        List.of(),
        null,
        false);
  }

  public RunManifest {
    parameters = new TreeMap<>(parameters);
    inputs =
        inputs.stream()
            .sorted(Comparator.comparing(Input::dataset).thenComparing(Input::file))
            .toList();
    configs = configs.stream().sorted(Comparator.comparing(Config::path)).toList();
    stageSeconds = new TreeMap<>(stageSeconds);
    sparkWork = sparkWork == null ? Map.of() : new TreeMap<>(sparkWork);
    outputs = outputs.stream().sorted(Comparator.comparing(Output::name)).toList();
    snapshots =
        snapshots == null
            ? List.of()
            : snapshots.stream().sorted(Comparator.comparing(Snapshot::file)).toList();
  }

  /** The output named {@code name}, or null. */
  public Output output(String name) {
    return outputs.stream().filter(o -> o.name().equals(name)).findFirst().orElse(null);
  }

  /** The inputs of an ingest, from its validation report. */
  public static List<Input> inputsOf(ValidationReport report) {
    List<Input> out = new ArrayList<>();
    for (ValidationReport.DatasetReport d : report.datasets()) {
      for (ValidationReport.FileReport f : d.files()) {
        out.add(
            new Input(
                f.file(),
                d.dataset(),
                f.sha256(),
                f.bytes(),
                f.read(),
                f.accepted(),
                f.rejected()));
      }
    }
    return out;
  }

  public String toJson() {
    return CanonicalJson.write(this);
  }

  public static RunManifest fromJson(String json) {
    return CanonicalJson.read(json, RunManifest.class, "run manifest");
  }

  public static String iso(Instant t) {
    return t.toString();
  }

  /** The code version recorded at build time ({@link BuildInfo}), else "unknown". */
  public static CodeVersion codeVersion() {
    String v = RunManifest.class.getPackage().getImplementationVersion();
    return new CodeVersion(BuildInfo.current().codeVersion(), v == null ? "dev" : v);
  }

  public static String currentSparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  public static String currentJavaVersion() {
    return System.getProperty("java.version");
  }
}
