package zoneassess.schema.dataset;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One column of a dataset contract.
 *
 * @param name canonical snake_case name
 * @param type logical type
 * @param required whether the column must be present in every input file (a missing required column
 *     stops the run) and non-blank in every row (a blank value rejects the row)
 * @param unit canonical unit, or empty when the column has none
 * @param labelZh Chinese label used in documents and packs
 * @param description what the column means, in English
 * @param aliases other header spellings accepted on input (Chinese headers, old names)
 * @param acceptedValues allowed values for a code column (empty = any)
 * @param min inclusive lower bound for numeric columns, or null
 * @param max inclusive upper bound for numeric columns, or null
 * @param pattern regular expression a string value must match, or null
 */
public record ColumnSpec(
    String name,
    ColumnType type,
    boolean required,
    String unit,
    String labelZh,
    String description,
    List<String> aliases,
    Set<String> acceptedValues,
    Double min,
    Double max,
    String pattern) {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    unit = unit == null ? "" : unit;
    labelZh = labelZh == null ? "" : labelZh;
    description = description == null ? "" : description;
    aliases = List.copyOf(aliases == null ? List.of() : aliases);
    acceptedValues = acceptedValues == null ? Set.of() : Set.copyOf(acceptedValues);
    if (!name.equals(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("column names are snake_case: " + name);
    }
  }

  public boolean isNumeric() {
    return type == ColumnType.INTEGER || type == ColumnType.LONG || type == ColumnType.DOUBLE;
  }

  /**
   * Every header spelling that maps to this column: the canonical name first, then the Chinese
   * label (the header business systems usually write), then the aliases.
   */
  public List<String> headerSpellings() {
    var all = new java.util.ArrayList<String>();
    all.add(name);
    if (!labelZh.isBlank() && !aliases.contains(labelZh)) {
      all.add(labelZh);
    }
    all.addAll(aliases);
    return all;
  }

  public static Builder builder(String name, ColumnType type) {
    return new Builder(name, type);
  }

  /** Fluent builder so declarations read like a data dictionary entry. */
  public static final class Builder {
    private final String name;
    private final ColumnType type;
    private boolean required;
    private String unit = "";
    private String labelZh = "";
    private String description = "";
    private List<String> aliases = List.of();
    private Set<String> accepted = Set.of();
    private Double min;
    private Double max;
    private String pattern;

    private Builder(String name, ColumnType type) {
      this.name = name;
      this.type = type;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder unit(String unit) {
      this.unit = unit;
      return this;
    }

    public Builder zh(String labelZh) {
      this.labelZh = labelZh;
      return this;
    }

    public Builder doc(String description) {
      this.description = description;
      return this;
    }

    public Builder aliases(String... aliases) {
      this.aliases = List.of(aliases);
      return this;
    }

    public Builder accepted(String... values) {
      this.accepted = new java.util.LinkedHashSet<>(List.of(values));
      return this;
    }

    public Builder range(Double min, Double max) {
      this.min = min;
      this.max = max;
      return this;
    }

    public Builder pattern(String regex) {
      this.pattern = regex;
      return this;
    }

    public ColumnSpec build() {
      return new ColumnSpec(
          name, type, required, unit, labelZh, description, aliases, accepted, min, max, pattern);
    }
  }
}
