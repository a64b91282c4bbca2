package zoneassess.schema.anomaly;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads an input anomaly file ({@code classpath:checks/input-anomalies.yaml} or a path); every
 * error names file, line and column. {@code indicators:} takes a list of codes or {@code flow} /
 * {@code stock} (the catalogue's kinds), and {@code except:} removes codes from it.
 */
public final class AnomalyChecksLoader {
  public static final String DEFAULT = "classpath:checks/input-anomalies.yaml";

  private static final List<String> CHECK_KEYS =
      List.of(
          "id",
          "rule",
          "severity",
          "indicators",
          "except",
          "threshold",
          "periods",
          "multiple",
          "min_value",
          "wholes",
          "note");

  private AnomalyChecksLoader() {}

  public static AnomalyChecks load(String location) {
    return parse(YamlDoc.load(location));
  }

  public static AnomalyChecks parse(YamlDoc doc) {
    YamlNode root = doc.root().allowOnly(List.of("id", "name_zh", "notes", "datasets"));
    String id = root.require("id").string();
    List<String> datasetNames = Datasets.ALL.stream().map(d -> d.name()).toList();
    List<DatasetChecks> out = new ArrayList<>();
    for (var e : root.require("datasets").entries().entrySet()) {
      YamlNode d =
          e.getValue().allowOnly(List.of("unit", "indicator", "period", "value", "checks"));
      if (!datasetNames.contains(e.getKey())) {
        throw e.getValue()
            .error("unknown dataset '" + e.getKey() + "' (known: " + datasetNames + ")");
      }
      List<AnomalyCheck> checks = new ArrayList<>();
      Set<String> ids = new HashSet<>();
      for (YamlNode c : d.require("checks").list()) {
        checks.add(check(c.allowOnly(CHECK_KEYS), ids));
      }
      out.add(
          new DatasetChecks(
              e.getKey(),
              d.getString("unit", "zone_code"),
              d.getString("indicator", "indicator_code"),
              d.getString("period", "period"),
              d.getString("value", "value"),
              checks));
    }
    return new AnomalyChecks(id, out, doc.name());
  }

  private static AnomalyCheck check(YamlNode c, Set<String> ids) {
    YamlNode idNode = c.require("id");
    if (!ids.add(idNode.string())) {
      throw idNode.error("check '" + idNode.string() + "' appears twice");
    }
    String rule = c.require("rule").oneOf(AnomalyCheck.RULES);
    String severity =
        c.get("severity").map(n -> n.oneOf(List.of("warning", "error"))).orElse("warning");
    List<String> indicators = indicators(c);
    List<String> wholes = new ArrayList<>();
    if (rule.equals("part_exceeds_whole")) {
      YamlNode w = c.require("wholes");
      for (YamlNode n : w.list()) {
        wholes.add(n.oneOf(codes()));
      }
      if (wholes.size() != indicators.size()) {
        throw w.error(
            "wholes lists "
                + wholes.size()
                + " codes for "
                + indicators.size()
                + " parts: give one whole per part");
      }
    } else if (c.has("wholes")) {
      throw c.require("wholes").error("only part_exceeds_whole takes wholes");
    }
    double threshold =
        switch (rule) {
          case "change" -> positive(c, "threshold", 5.0);
          case "robust_z" -> positive(c, "threshold", 6.0);
          default -> 0;
        };
    int periods = rule.equals("repeated") ? c.getInt("periods", 4) : 0;
    if (rule.equals("repeated") && periods < 2) {
      throw c.require("periods").error("periods must be at least 2");
    }
    double multiple = rule.equals("round_number") ? positive(c, "multiple", 100.0) : 0;
    double min =
        c.getNumber(
            "min_value",
            switch (rule) {
              case "robust_z" -> 10;
              case "round_number" -> 100;
              default -> 0;
            });
    return new AnomalyCheck(
        idNode.string(), rule, severity, indicators, threshold, periods, multiple, min, wholes);
  }

  private static List<String> indicators(YamlNode c) {
    List<String> chosen = new ArrayList<>();
    if (c.has("indicators")) {
      YamlNode n = c.require("indicators");
      if (n.isScalar()) {
        String kind = n.oneOf(List.of("all", "flow", "stock"));
        for (RawIndicator i : IndicatorCatalogue.all()) {
          if (kind.equals("all") || i.flow() == kind.equals("flow")) {
            chosen.add(i.code());
          }
        }
      } else {
        for (YamlNode i : n.list()) {
          chosen.add(i.oneOf(codes()));
        }
      }
    }
    for (YamlNode x : c.get("except").map(YamlNode::list).orElse(List.of())) {
      if (!chosen.remove(x.oneOf(codes()))) {
        throw x.error("'" + x.string() + "' is not among the check's indicators");
      }
    }
    return chosen;
  }

  private static List<String> codes() {
    return IndicatorCatalogue.all().stream().map(RawIndicator::code).toList();
  }

  private static double positive(YamlNode c, String key, double fallback) {
    double v = c.getNumber(key, fallback);
    if (!(v > 0)) {
      throw c.require(key).error(key + " must be positive");
    }
    return v;
  }
}
