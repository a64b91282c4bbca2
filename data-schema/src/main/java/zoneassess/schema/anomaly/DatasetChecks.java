package zoneassess.schema.anomaly;

import java.util.List;

/**
 * The anomaly checks of one staged dataset: its values form series (one per key, e.g. zone and
 * indicator) over periods.
 *
 * @param dataset the staged dataset
 * @param unitColumn the unit of a series (e.g. zone_code)
 * @param indicatorColumn the indicator of a series (e.g. indicator_code)
 * @param periodColumn periods yyyy, yyyyQn or yyyy-MM
 * @param valueColumn the numbers checked
 * @param checks the checks
 */
public record DatasetChecks(
    String dataset,
    String unitColumn,
    String indicatorColumn,
    String periodColumn,
    String valueColumn,
    List<AnomalyCheck> checks) {
  public DatasetChecks {
    checks = List.copyOf(checks);
  }
}
