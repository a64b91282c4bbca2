package zoneassess.schema.scoreboard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/** Reads a 两增强五提升 scoreboard file; every error names file, line and column. */
public final class ScoreboardLoader {
  public static final String SEED_2021 = "classpath:scoreboard/seed-2021.yaml";

  /** Project facts a value measure may count (the zone facts of the assessment). */
  public static final List<String> PROJECT_FACTS =
      List.of(
          "projects_started_1e8",
          "projects_started_1e9",
          "projects_started_5e9",
          "projects_started_1e10",
          "investment_started_100m");

  private ScoreboardLoader() {}

  public static Scoreboard load(String location) {
    return parse(YamlDoc.load(location));
  }

  public static Scoreboard parse(YamlDoc doc) {
    YamlNode root = doc.root().allowOnly(List.of("id", "name_zh", "notes", "goals"));
    String id = root.require("id").string();
    List<String> statistics = IndicatorCatalogue.all().stream().map(RawIndicator::code).toList();
    List<String> values = new ArrayList<>(statistics);
    values.addAll(PROJECT_FACTS);
    List<Scoreboard.Goal> goals = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (YamlNode g : root.require("goals").list()) {
      g.allowOnly(List.of("code", "name_zh", "kind", "met_when", "measures"));
      YamlNode codeNode = g.require("code");
      if (!codes.add(codeNode.string())) {
        throw codeNode.error("goal '" + codeNode.string() + "' appears twice");
      }
      List<Scoreboard.Measure> measures = new ArrayList<>();
      for (YamlNode m : g.require("measures").list()) {
        m.allowOnly(List.of("measure", "indicator", "target"));
        String kind = m.require("measure").oneOf(List.of("growth", "value", "delta_rank"));
        String indicator =
            switch (kind) {
              case "growth" -> m.require("indicator").oneOf(statistics);
              case "value" -> m.require("indicator").oneOf(values);
              default -> {
                if (m.has("indicator")) {
                  throw m.require("indicator").error("delta_rank takes no indicator");
                }
                yield null;
              }
            };
        YamlNode t = m.require("target");
        double target = t.string().strip().endsWith("%") ? t.number() / 100.0 : t.number();
        measures.add(new Scoreboard.Measure(kind, indicator, target));
      }
      if (measures.isEmpty()) {
        throw g.require("measures").error("goal '" + codeNode.string() + "' has no measures");
      }
      goals.add(
          new Scoreboard.Goal(
              codeNode.string(),
              g.require("name_zh").string(),
              g.require("kind").oneOf(List.of("增强", "提升")),
              g.get("met_when")
                  .map(w -> w.oneOf(List.of("all", "any")))
                  .orElse("all")
                  .equals("all"),
              measures));
    }
    return new Scoreboard(id, root.getString("name_zh", id), goals, doc.name(), doc.sha256());
  }
}
