package zoneassess.jobs.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import zoneassess.jobs.io.CanonicalJson;

/**
 * The validation report of one ingest: per dataset and per file, rows read, accepted, rejected and
 * warned, counts per rule, and notes. Rows read always equal accepted plus rejected ({@link
 * #reconcile} fails loudly otherwise).
 */
public record ValidationReport(
    String input,
    List<DatasetReport> datasets,
    List<String> notes,
    long read,
    long accepted,
    long rejected,
    long warnings) {

  /** One input file. */
  public record FileReport(
      String file,
      String dataset,
      String format,
      String encoding,
      String sheet,
      long bytes,
      String sha256,
      List<String> unknownColumns,
      long read,
      long accepted,
      long rejected,
      long warnings,
      Map<String, Long> rejectedByRule,
      Map<String, Long> warningsByRule) {
    public FileReport {
      unknownColumns = List.copyOf(unknownColumns);
      rejectedByRule = new TreeMap<>(rejectedByRule);
      warningsByRule = new TreeMap<>(warningsByRule);
    }
  }

  /** A warning shown as an example in the report. */
  public record WarningExample(String file, long row, String rule, String column, String reason) {}

  /** One dataset, all its files together. */
  public record DatasetReport(
      String dataset,
      List<FileReport> files,
      long read,
      long accepted,
      long rejected,
      long warnings,
      Map<String, Long> rejectedByRule,
      Map<String, Long> warningsByRule,
      List<WarningExample> warningExamples,
      List<String> notes) {
    public DatasetReport {
      files = List.copyOf(files);
      rejectedByRule = new TreeMap<>(rejectedByRule);
      warningsByRule = new TreeMap<>(warningsByRule);
      warningExamples = List.copyOf(warningExamples);
      notes = List.copyOf(notes);
    }
  }

  public ValidationReport {
    datasets = List.copyOf(datasets);
    notes = List.copyOf(notes);
  }

  public static ValidationReport of(
      String input, List<DatasetReport> datasets, List<String> notes) {
    long r = 0;
    long a = 0;
    long j = 0;
    long w = 0;
    for (DatasetReport d : datasets) {
      r += d.read();
      a += d.accepted();
      j += d.rejected();
      w += d.warnings();
    }
    ValidationReport report = new ValidationReport(input, datasets, notes, r, a, j, w);
    report.reconcile();
    return report;
  }

  /** Throws when any file, dataset or the total does not satisfy read = accepted + rejected. */
  public void reconcile() {
    for (DatasetReport d : datasets) {
      long r = 0;
      long a = 0;
      long j = 0;
      for (FileReport f : d.files()) {
        check(f.read(), f.accepted(), f.rejected(), d.dataset() + " file " + f.file());
        r += f.read();
        a += f.accepted();
        j += f.rejected();
      }
      check(d.read(), d.accepted(), d.rejected(), "dataset " + d.dataset());
      if (r != d.read() || a != d.accepted() || j != d.rejected()) {
        throw new IngestException(
            "dataset " + d.dataset() + ": file counts do not add up to the dataset counts");
      }
    }
    check(read, accepted, rejected, "all datasets");
  }

  private static void check(long read, long accepted, long rejected, String what) {
    if (read != accepted + rejected) {
      throw new IngestException(
          String.format(
              Locale.ROOT,
              "counts do not reconcile for %s: read %d != accepted %d + rejected %d / 行数不平",
              what,
              read,
              accepted,
              rejected));
    }
  }

  public DatasetReport dataset(String name) {
    return datasets.stream()
        .filter(d -> d.dataset().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no dataset " + name + " in report"));
  }

  public String toJson() {
    return CanonicalJson.write(this);
  }

  public static ValidationReport fromJson(String json) {
    return CanonicalJson.read(json, ValidationReport.class, "validation report");
  }

  /** Per-dataset table lines (also the command's console output). */
  public List<String> summaryTable() {
    List<String> out = new java.util.ArrayList<>();
    out.add(
        String.format(
            Locale.ROOT,
            "%-16s %6s %10s %10s %10s %10s",
            "dataset",
            "files",
            "read",
            "accepted",
            "rejected",
            "warnings"));
    for (DatasetReport d : datasets) {
      out.add(
          String.format(
              Locale.ROOT,
              "%-16s %6d %10d %10d %10d %10d",
              d.dataset(),
              d.files().size(),
              d.read(),
              d.accepted(),
              d.rejected(),
              d.warnings()));
    }
    out.add(
        String.format(
            Locale.ROOT,
            "%-16s %6s %10d %10d %10d %10d",
            "total",
            "",
            read,
            accepted,
            rejected,
            warnings));
    return out;
  }

  public String toMarkdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Validation report / 数据校验报告\n\n");
    md.append("Input: `").append(input).append("`\n\n");
    md.append(
        String.format(
            Locale.ROOT,
            "Rows read %d = accepted %d + rejected %d; warnings %d.%n%n",
            read,
            accepted,
            rejected,
            warnings));
    md.append(
        "| dataset | files | read | accepted | rejected | warnings |\n|---|---:|---:|---:|---:|---:|\n");
    for (DatasetReport d : datasets) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %d | %d | %d |%n",
              d.dataset(),
              d.files().size(),
              d.read(),
              d.accepted(),
              d.rejected(),
              d.warnings()));
    }
    md.append('\n');
    for (DatasetReport d : datasets) {
      md.append("## ").append(d.dataset()).append("\n\n");
      if (!d.files().isEmpty()) {
        md.append("| file | format | encoding / sheet | read | accepted | rejected | warnings |\n")
            .append("|---|---|---|---:|---:|---:|---:|\n");
        for (FileReport f : d.files()) {
          String how =
              f.encoding() != null ? f.encoding() : f.sheet() != null ? "sheet " + f.sheet() : "";
          md.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %s | %s | %d | %d | %d | %d |%n",
                  f.file(),
                  f.format(),
                  how,
                  f.read(),
                  f.accepted(),
                  f.rejected(),
                  f.warnings()));
        }
        md.append('\n');
      }
      rules(md, "Rejected by rule", d.rejectedByRule());
      rules(md, "Warnings by rule", d.warningsByRule());
      if (!d.warningExamples().isEmpty()) {
        md.append("Warning examples:\n\n");
        for (WarningExample w : d.warningExamples()) {
          md.append("- ")
              .append(w.file())
              .append(" row ")
              .append(w.row())
              .append(", ")
              .append(w.column())
              .append(", ")
              .append(w.rule())
              .append(": ")
              .append(w.reason())
              .append('\n');
        }
        md.append('\n');
      }
      for (FileReport f : d.files()) {
        if (!f.unknownColumns().isEmpty()) {
          md.append("- ")
              .append(f.file())
              .append(": ignored columns ")
              .append(String.join(", ", f.unknownColumns()))
              .append('\n');
        }
      }
      for (String n : d.notes()) {
        md.append("- ").append(n).append('\n');
      }
      md.append('\n');
    }
    if (!notes.isEmpty()) {
      md.append("## Notes\n\n");
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  private static void rules(StringBuilder md, String title, Map<String, Long> byRule) {
    if (byRule.isEmpty()) {
      return;
    }
    md.append(title).append(": ");
    StringBuilder s = new StringBuilder();
    byRule.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(k).append(" ").append(v));
    md.append(s).append("\n\n");
  }
}
