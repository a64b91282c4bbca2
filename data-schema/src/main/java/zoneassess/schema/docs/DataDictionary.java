package zoneassess.schema.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.dataset.ForeignKey;
import zoneassess.schema.dataset.RowRule;
import zoneassess.schema.units.Unit;
import zoneassess.schema.units.Units;

/**
 * Renders the data dictionary ({@code docs/data-dictionary.md}) from the dataset declarations, the
 * unit table and the indicator catalogue. The output depends on the declarations only (no dates),
 * so a test can compare the committed file with a fresh rendering.
 */
public final class DataDictionary {
  /** File name of the dictionary inside the docs folder. */
  public static final String FILE_NAME = "data-dictionary.md";

  private DataDictionary() {}

  /** The whole dictionary as Markdown. */
  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Data dictionary / 数据字典\n\n");
    md.append("Generated from `zoneassess.schema.dataset.Datasets`, `Units` and the indicator")
        .append(" catalogue (`data-schema/src/main/resources/indicators/catalogue.yaml`) by")
        .append(" `zoneassess docs --out docs`. Do not edit by hand.\n\n");
    md.append("Input files belong to a dataset when their base name equals the dataset name or")
        .append(" starts with `<dataset>_` or `<dataset>-` (`.csv`, `.xlsx`, `.parquet`).")
        .append(" Headers match the column name, its Chinese label (中文) or any alias (trimmed,")
        .append(" case-insensitive,")
        .append(" full-width brackets accepted), also followed by the column's unit in brackets")
        .append(" (`用地面积（亩）`, as `zoneassess template` writes it). Staged rows carry")
        .append(" `_source_file` and")
        .append(" `_source_row`.\n\n");
    md.append("Datasets, in validation order:\n\n");
    for (DatasetContract d : Datasets.ALL) {
      md.append("- [`")
          .append(d.name())
          .append("`](#")
          .append(d.name())
          .append(") ")
          .append(d.labelZh())
          .append('\n');
    }
    md.append('\n');
    for (DatasetContract d : Datasets.ALL) {
      dataset(md, d);
    }
    units(md);
    indicators(md);
    return md.toString();
  }

  private static void dataset(StringBuilder md, DatasetContract d) {
    md.append("## ").append(d.name()).append("\n\n");
    md.append("**").append(d.labelZh()).append("** — ").append(d.description()).append("\n\n");
    md.append("- Key: ")
        .append(d.key().isEmpty() ? "none" : code(String.join(", ", d.key())))
        .append(" (later duplicates are rejected; the first by file name and row is kept)\n");
    for (ForeignKey fk : d.references()) {
      md.append("- References: ")
          .append(code(String.join(", ", fk.columns())))
          .append(" → ")
          .append(code(fk.targetDataset() + "." + String.join(", ", fk.targetColumns())));
      if (fk.when() != null) {
        md.append(" when ").append(code(fk.when()));
      }
      md.append('\n');
    }
    md.append("- Staging partition: ")
        .append(d.partitionBy().map(DataDictionary::code).orElse("none"))
        .append('\n');
    d.plausibleYears()
        .ifPresent(
            y ->
                md.append("- Plausible years: ")
                    .append(y.first())
                    .append("–")
                    .append(y.last())
                    .append(" for ")
                    .append(code(String.join(", ", y.columns())))
                    .append(" (rows outside are rejected)\n"));
    for (RowRule r : d.rules()) {
      md.append("- Rule ")
          .append(code(r.id()))
          .append(" (")
          .append(r.severity().name().toLowerCase(Locale.ROOT))
          .append("): ")
          .append(code(r.condition()))
          .append(" — ")
          .append(r.reason())
          .append('\n');
    }
    md.append('\n');
    md.append("| column | 中文 | type | unit | required | accepted values / range / pattern |")
        .append(" aliases | description |\n");
    md.append("|---|---|---|---|---|---|---|---|\n");
    for (ColumnSpec c : d.columns()) {
      md.append("| ")
          .append(code(c.name()))
          .append(" | ")
          .append(cell(c.labelZh()))
          .append(" | ")
          .append(c.type().name().toLowerCase(Locale.ROOT))
          .append(" | ")
          .append(cell(c.unit()))
          .append(" | ")
          .append(c.required() ? "yes" : "")
          .append(" | ")
          .append(constraints(c))
          .append(" | ")
          .append(cell(String.join(", ", c.aliases())))
          .append(" | ")
          .append(cell(c.description()))
          .append(" |\n");
    }
    md.append('\n');
  }

  static String constraints(ColumnSpec c) {
    List<String> parts = new ArrayList<>();
    if (!c.acceptedValues().isEmpty()) {
      parts.add(
          c.acceptedValues().stream()
              .sorted()
              .map(DataDictionary::code)
              .collect(Collectors.joining(", ")));
    }
    if (c.min() != null || c.max() != null) {
      parts.add(
          "["
              + (c.min() == null ? "−∞" : number(c.min()))
              + ", "
              + (c.max() == null ? "+∞" : number(c.max()))
              + "]");
    }
    if (c.pattern() != null) {
      parts.add(code(c.pattern()));
    }
    return cell(String.join("; ", parts));
  }

  private static void units(StringBuilder md) {
    md.append("## Units / 计量单位\n\n");
    md.append("Values convert only within a family: value in base unit = value × factor.")
        .append(" A unit of another family is rejected, never guessed.\n\n");
    md.append("| unit | family | factor to family base | other spellings |\n");
    md.append("|---|---|---|---|\n");
    for (Unit u : Units.all().values()) {
      md.append("| ")
          .append(cell(u.symbol()))
          .append(" | ")
          .append(u.family())
          .append(" | ")
          .append(number(u.factorToBase()))
          .append(" | ")
          .append(cell(String.join(", ", u.spellings())))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static void indicators(StringBuilder md) {
    md.append("## Indicator catalogue / 指标目录 (`zone_stats.indicator_code`)\n\n");
    md.append("`indicator_code` accepts the code or the Chinese name; values are converted to the")
        .append(" canonical unit. Flow indicators accumulate over the year (sub-annual figures")
        .append(" are year-to-date).\n\n");
    md.append(
            "The catalogue is the file `data-schema/src/main/resources/indicators/catalogue.yaml`")
        .append(" (its header explains every key). To add an indicator (孵化器数, 众创空间, 重点实验室, ...)")
        .append(" write a file of your own with the same layout, e.g.\n\n")
        .append("```yaml\nindicators:\n")
        .append("  - {code: incubators, name_zh: 孵化器数, name_en: Incubators, unit: 个, flow: false,")
        .append(" source: science}\n```\n\n")
        .append("and name it in the environment variable `ZONEASSESS_INDICATORS` (or the system")
        .append(
            " property `zoneassess.indicators`): its indicators are added to the ones below, an")
        .append(
            " entry with a code listed below replaces it. Every listed code becomes a column of")
        .append(" the zone facts, so a methodology reads it with `column: incubators`. Mistakes")
        .append(
            " (unknown key or unit, a code declared twice) stop the run with file:line:column.\n\n");
    md.append("| code | 中文 | English | unit | flow | source |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (RawIndicator r : IndicatorCatalogue.all()) {
      md.append("| ")
          .append(code(r.code()))
          .append(" | ")
          .append(cell(r.nameZh()))
          .append(" | ")
          .append(cell(r.nameEn()))
          .append(" | ")
          .append(cell(r.unit()))
          .append(" | ")
          .append(r.flow() ? "yes" : "no")
          .append(" | ")
          .append(r.source())
          .append(" |\n");
    }
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%d", (long) v);
    }
    return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  static String code(String s) {
    return "`" + s.replace("|", "\\|") + "`";
  }

  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
