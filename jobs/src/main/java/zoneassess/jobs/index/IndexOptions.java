package zoneassess.jobs.index;

import java.util.ArrayList;
import java.util.List;

/**
 * How the engine reads the wide table.
 *
 * @param idColumn the unit identifier (zone code, country code, credit code)
 * @param partitionColumns columns whose values are scored separately (e.g. {@code period}): every
 *     cross-unit computation (imputation means, winsorisation, normalisation, ranks) is done per
 *     partition value. The last one orders periods for {@code growth(x, previous)} and {@code
 *     growth(x, base=…)}.
 * @param carryColumns extra input columns copied into every stage's output (names, groups); the
 *     columns the methodology itself needs (imputation groups, weight sets, ranking groups) are
 *     carried anyway
 */
public record IndexOptions(
    String idColumn, List<String> partitionColumns, List<String> carryColumns) {
  public IndexOptions {
    if (idColumn == null || idColumn.isBlank()) {
      throw new IllegalArgumentException("the id column must be named");
    }
    partitionColumns = List.copyOf(partitionColumns);
    carryColumns = List.copyOf(carryColumns);
  }

  public IndexOptions(String idColumn, List<String> partitionColumns) {
    this(idColumn, partitionColumns, List.of());
  }

  /** Id column then partition columns: the key of every stage table. */
  public List<String> keyColumns() {
    List<String> k = new ArrayList<>();
    k.add(idColumn);
    k.addAll(partitionColumns);
    return k;
  }
}
