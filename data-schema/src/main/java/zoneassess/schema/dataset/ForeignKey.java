package zoneassess.schema.dataset;

import java.util.List;

/**
 * A reference from columns of one dataset to the key of another (e.g. enterprises.zone_code →
 * zones.zone_code). A row whose non-blank reference has no match is rejected.
 *
 * @param when optional Spark SQL condition on the referencing row; the reference is checked only
 *     where it holds (factor_costs.region_code points at a zone only when region_level = 'zone')
 */
public record ForeignKey(
    List<String> columns, String targetDataset, List<String> targetColumns, String when) {
  public ForeignKey {
    columns = List.copyOf(columns);
    targetColumns = List.copyOf(targetColumns);
    if (columns.size() != targetColumns.size()) {
      throw new IllegalArgumentException("foreign key column counts differ: " + columns);
    }
  }

  public static ForeignKey of(String column, String targetDataset, String targetColumn) {
    return new ForeignKey(List.of(column), targetDataset, List.of(targetColumn), null);
  }

  public static ForeignKey when(
      String condition, String column, String targetDataset, String targetColumn) {
    return new ForeignKey(List.of(column), targetDataset, List.of(targetColumn), condition);
  }
}
