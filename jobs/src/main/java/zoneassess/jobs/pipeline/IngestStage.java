package zoneassess.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import zoneassess.jobs.ingest.Ingestion;
import zoneassess.jobs.ingest.InputFolder;
import zoneassess.jobs.ingest.ValidationReport;
import zoneassess.jobs.io.Publisher;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;

/**
 * The ingest stage: reads the input folder (parameter {@code input}, a path or URI), validates
 * every dataset against its contract and publishes {@code staging/<dataset>}, {@code
 * rejects/<dataset>} and {@code validation/report.json|md} into the run. Fatal input problems throw
 * {@link zoneassess.jobs.ingest.IngestException}.
 */
public final class IngestStage implements Stage {
  public static final String NAME = "ingest";
  public static final String PARAM_INPUT = "input";

  /** The stage's parameters, typed; an unknown key is an error. */
  public record Params(String input) {
    public static Params of(StageContext context) {
      return new Params(
          StageParams.of(NAME, context.params(), List.of(PARAM_INPUT)).required(PARAM_INPUT));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult execute(StageContext context) {
    Publisher publisher = context.publisher();
    String input = Publisher.toUri(Params.of(context).input());
    InputFolder folder = InputFolder.scan(input, publisher.conf());
    context.console().println("ingest: " + folder.files().size() + " input files in " + input);
    folder.ignoredFiles().forEach(n -> context.console().println("ingest: " + n));
    ValidationReport report =
        new Ingestion(context.spark(), publisher, context.run()).ingest(folder);
    RunLayout run = context.run();
    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    for (DatasetContract d : Datasets.ALL) {
      outputs.put("staging/" + d.name(), run.staging(d.name()));
      outputs.put("rejects/" + d.name(), run.rejects(d.name()));
      ValidationReport.DatasetReport r = report.dataset(d.name());
      counts.put(d.name() + ".read", r.read());
      counts.put(d.name() + ".accepted", r.accepted());
      counts.put(d.name() + ".rejected", r.rejected());
      counts.put(d.name() + ".warnings", r.warnings());
    }
    outputs.put("validation/report.json", reportJson(run));
    outputs.put("validation/report.md", run.validationDir() + "/report.md");
    return new StageResult(NAME, outputs, counts, report.summaryTable());
  }

  public static String reportJson(RunLayout run) {
    return run.validationDir() + "/report.json";
  }
}
