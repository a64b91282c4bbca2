package zoneassess.jobs.pipeline;

/**
 * One step of the pipeline (ingest, assess, per-mu, costs, report). A stage reads what earlier
 * stages published in the run folder and publishes its own outputs there; it can run alone on an
 * existing run.
 */
public interface Stage {
  String name();

  StageResult execute(StageContext context) throws Exception;
}
