package zoneassess.schema.anomaly;

import java.util.List;

/**
 * An input anomaly file: checks per dataset, run on the staged rows before any stage uses them.
 *
 * @param id the file's id
 * @param datasets checks per dataset
 * @param source the file read
 */
public record AnomalyChecks(String id, List<DatasetChecks> datasets, String source) {
  public AnomalyChecks {
    datasets = List.copyOf(datasets);
  }
}
