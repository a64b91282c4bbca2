package zoneassess.schema.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one declaration of a dataset: its columns, key, references, row rules and how it is stored.
 * Ingestion, validation, staging and the data dictionary are all driven by it.
 *
 * @param name canonical snake_case dataset name; input files are found by this stem
 * @param labelZh Chinese name
 * @param description what one row is
 * @param columns columns in canonical order
 * @param key columns that identify a row (duplicates are rejected); empty = no key
 * @param references foreign keys to other datasets
 * @param rules cross-column rules
 * @param partitionBy staging partition column, if any
 * @param plausibleYears the years the rows can be about, if declared
 */
public record DatasetContract(
    String name,
    String labelZh,
    String description,
    List<ColumnSpec> columns,
    List<String> key,
    List<ForeignKey> references,
    List<RowRule> rules,
    Optional<String> partitionBy,
    Optional<PlausibleYears> plausibleYears) {

  public DatasetContract {
    Objects.requireNonNull(name);
    columns = List.copyOf(columns);
    key = List.copyOf(key);
    references = List.copyOf(references);
    rules = List.copyOf(rules);
    Map<String, ColumnSpec> byName = new LinkedHashMap<>();
    for (ColumnSpec c : columns) {
      if (byName.put(c.name(), c) != null) {
        throw new IllegalArgumentException(name + ": column declared twice: " + c.name());
      }
    }
    for (String k : key) {
      if (!byName.containsKey(k)) {
        throw new IllegalArgumentException(name + ": key column not declared: " + k);
      }
    }
    for (ForeignKey fk : references) {
      for (String c : fk.columns()) {
        if (!byName.containsKey(c)) {
          throw new IllegalArgumentException(name + ": reference column not declared: " + c);
        }
      }
    }
    plausibleYears.ifPresent(
        y ->
            y.columns()
                .forEach(
                    c -> {
                      if (!byName.containsKey(c)) {
                        throw new IllegalArgumentException(
                            name + ": plausible-year column not declared: " + c);
                      }
                    }));
    partitionBy.ifPresent(
        p -> {
          if (!byName.containsKey(p)) {
            throw new IllegalArgumentException(name + ": partition column not declared: " + p);
          }
        });
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public List<ColumnSpec> requiredColumns() {
    return columns.stream().filter(ColumnSpec::required).toList();
  }

  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** Fluent builder used by {@link Datasets}. */
  public static final class Builder {
    private final String name;
    private String labelZh = "";
    private String description = "";
    private final List<ColumnSpec> columns = new ArrayList<>();
    private List<String> key = List.of();
    private final List<ForeignKey> references = new ArrayList<>();
    private final List<RowRule> rules = new ArrayList<>();
    private String partitionBy;
    private PlausibleYears plausibleYears;

    private Builder(String name) {
      this.name = name;
    }

    public Builder zh(String labelZh) {
      this.labelZh = labelZh;
      return this;
    }

    public Builder doc(String description) {
      this.description = description;
      return this;
    }

    public Builder column(ColumnSpec.Builder column) {
      columns.add(column.build());
      return this;
    }

    public Builder key(String... key) {
      this.key = List.of(key);
      return this;
    }

    public Builder references(String column, String targetDataset, String targetColumn) {
      references.add(ForeignKey.of(column, targetDataset, targetColumn));
      return this;
    }

    public Builder referencesWhen(
        String condition, String column, String targetDataset, String targetColumn) {
      references.add(ForeignKey.when(condition, column, targetDataset, targetColumn));
      return this;
    }

    public Builder rule(RowRule rule) {
      rules.add(rule);
      return this;
    }

    public Builder partitionBy(String column) {
      this.partitionBy = column;
      return this;
    }

    /** The years the rows can plausibly be about, checked on {@code columns}. */
    public Builder plausibleYears(int first, int last, String... columns) {
      this.plausibleYears = new PlausibleYears(first, last, List.of(columns));
      return this;
    }

    public DatasetContract build() {
      return new DatasetContract(
          name,
          labelZh,
          description,
          columns,
          key,
          references,
          rules,
          Optional.ofNullable(partitionBy),
          Optional.ofNullable(plausibleYears));
    }
  }
}
