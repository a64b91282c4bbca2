package zoneassess.schema.methodology;

import java.util.List;

/**
 * Imputation of missing indicator values, done per indicator (and per partition, e.g. period) after
 * denomination and before outlier treatment.
 *
 * @param impute NONE keeps gaps (aggregation then re-weights); MEAN and MEDIAN use all units;
 *     GROUP_MEAN the mean of units sharing the values of {@code groupBy}
 * @param groupBy columns of the input table that define the groups (GROUP_MEAN only)
 */
public record MissingData(Imputation impute, List<String> groupBy) {
  public MissingData {
    groupBy = List.copyOf(groupBy);
  }

  /** Imputation methods; YAML spelling is lower case. */
  public enum Imputation {
    NONE,
    MEAN,
    MEDIAN,
    GROUP_MEAN
  }

  public static MissingData none() {
    return new MissingData(Imputation.NONE, List.of());
  }
}
