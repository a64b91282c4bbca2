package zoneassess.schema.docs;

import java.util.List;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.marts.AllocationMarts;
import zoneassess.schema.marts.AnomalyMarts;
import zoneassess.schema.marts.AssessmentMarts;
import zoneassess.schema.marts.CostMarts;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.marts.ResearchMarts;
import zoneassess.schema.marts.RoutineMarts;
import zoneassess.schema.marts.ScoreboardMarts;

/**
 * The marts reference ({@code docs/marts.md}), generated from the mart contracts the stages publish
 * by: every mart with its Chinese name, description, key and columns. Like {@link DataDictionary}
 * it is rendered deterministically, so a test compares the committed file with a fresh rendering.
 */
public final class MartsReference {
  /** File name of the reference inside the docs folder. */
  public static final String FILE_NAME = "marts.md";

  private record Group(
      String title, String declaredIn, String where, List<DatasetContract> marts) {}

  private static final List<Group> GROUPS =
      List.of(
          new Group(
              "Assessment marts / 考核结果",
              "AssessmentMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the assess stage",
              AssessmentMarts.ALL),
          new Group(
              "Scoreboard marts / 两增强五提升",
              "ScoreboardMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the scoreboard stage",
              ScoreboardMarts.ALL),
          new Group(
              "Factor-cost marts / 要素成本",
              "CostMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the costs stage",
              CostMarts.ALL),
          new Group(
              "Per-mu marts / 亩均评价",
              "PerMuMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the per-mu stage",
              PerMuMarts.ALL),
          new Group(
              "Allocation marts / 资源要素配置",
              "AllocationMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the allocation stage",
              AllocationMarts.ALL),
          new Group(
              "Routine marts / 平时监测",
              "RoutineMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the assess stage (routine indicators,"
                  + " weighted annual score) and the routine stage (scoreboard)",
              RoutineMarts.ALL),
          new Group(
              "Input anomaly marts / 数据异常",
              "AnomalyMarts",
              "`ROOT/runs/<id>/marts/<name>`, written by the anomalies stage after ingest",
              AnomalyMarts.ALL),
          new Group(
              "Research marts / 研究",
              "ResearchMarts",
              "`ROOT/research/<name>/<mart>`, written by `compare` and `sensitivity`",
              ResearchMarts.ALL));

  private MartsReference() {}

  /** The whole reference as Markdown. */
  public static String render() {
    StringBuilder md = new StringBuilder();
    md.append("# Marts reference / 数据集市\n\n");
    md.append("Generated from the mart contracts in `zoneassess.schema.marts` by")
        .append(" `zoneassess docs --out docs`. Do not edit by hand.\n\n");
    md.append("Every mart is a Parquet folder. Column names and types are fixed; a producer may")
        .append(" add columns at the end and a reader ignores columns it does not know. Marts")
        .append(" hold all periods of the run unless their description says otherwise.\n\n");
    for (Group g : GROUPS) {
      md.append("- ").append(g.title()).append(": ");
      md.append(
          String.join(
              ", ",
              g.marts().stream().map(d -> "[`" + d.name() + "`](#" + d.name() + ")").toList()));
      md.append('\n');
    }
    md.append('\n');
    for (Group g : GROUPS) {
      md.append("## ").append(g.title()).append("\n\n");
      md.append("Declared in `")
          .append(g.declaredIn())
          .append("`; ")
          .append(g.where())
          .append(".\n\n");
      for (DatasetContract d : g.marts()) {
        mart(md, d);
      }
    }
    return md.toString();
  }

  private static void mart(StringBuilder md, DatasetContract d) {
    md.append("### ").append(d.name()).append("\n\n");
    md.append("**").append(d.labelZh()).append("**");
    if (!d.description().isBlank()) {
      md.append(" — ").append(d.description());
    }
    md.append("\n\n");
    md.append("- Key: ")
        .append(d.key().isEmpty() ? "none" : DataDictionary.code(String.join(", ", d.key())))
        .append("\n\n");
    md.append("| column | 中文 | type | unit | required | accepted values / range | description |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (ColumnSpec c : d.columns()) {
      md.append("| ")
          .append(DataDictionary.code(c.name()))
          .append(" | ")
          .append(DataDictionary.cell(c.labelZh()))
          .append(" | ")
          .append(c.type().name().toLowerCase(java.util.Locale.ROOT))
          .append(" | ")
          .append(DataDictionary.cell(c.unit()))
          .append(" | ")
          .append(c.required() ? "yes" : "")
          .append(" | ")
          .append(DataDictionary.constraints(c))
          .append(" | ")
          .append(DataDictionary.cell(c.description()))
          .append(" |\n");
    }
    md.append('\n');
  }
}
