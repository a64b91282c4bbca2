package zoneassess.schema.permu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.ranking.RankPrecision;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads a per-mu scheme file (format in {@code docs/per-mu.md}) and checks it: unknown keys (with a
 * "did you mean" hint), unknown indicators and columns, weights that do not add up to the declared
 * total, class bands out of order. Every error names file, line and column.
 */
public final class PerMuSchemeLoader {
  /** The shipped schemes. */
  public static final String HUAIAN_2024 = "classpath:schemes/huaian-2024.yaml";

  public static final String ZHEJIANG_2022 = "classpath:schemes/zhejiang-2022.yaml";

  private static final double WEIGHT_TOLERANCE = 1e-6;

  private PerMuSchemeLoader() {}

  /** Loads {@code location} ({@code classpath:…} or a file path). */
  public static PerMuScheme load(String location) {
    return parse(YamlDoc.load(location));
  }

  public static PerMuScheme parse(YamlDoc doc) {
    YamlNode root = doc.root();
    root.allowOnly(
        List.of(
            "id",
            "version",
            "name_zh",
            "source",
            "notes",
            "indicators",
            "formulas",
            "not_evaluated",
            "classes",
            "surcharge"));
    String id = root.require("id").string();
    if (!id.matches("^[a-z0-9][a-z0-9._-]*$")) {
      throw root.require("id")
          .error("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    Map<String, RatioIndicator> indicators = indicators(root);
    Map<String, FormulaSet> formulas = new LinkedHashMap<>();
    YamlNode formulasNode = root.require("formulas");
    formulasNode.allowOnly(PerMuScheme.SCALES);
    for (Map.Entry<String, YamlNode> e : formulasNode.entries().entrySet()) {
      formulas.put(e.getKey(), formulaSet(e.getKey(), e.getValue(), indicators));
    }
    if (formulas.isEmpty()) {
      throw formulasNode.error("'formulas' needs at least one of: above, below");
    }
    return new PerMuScheme(
        id,
        root.getString("version", ""),
        root.getString("name_zh", id),
        root.getString("source", ""),
        formulas,
        scope(root),
        classes(root.require("classes")),
        surcharge(root),
        doc.name(),
        doc.sha256());
  }

  private static Map<String, RatioIndicator> indicators(YamlNode root) {
    Map<String, RatioIndicator> out = new LinkedHashMap<>();
    for (PerMuIndicator std : PerMuIndicator.values()) {
      out.put(std.code(), std.asRatio());
    }
    Set<String> numericColumns = new java.util.TreeSet<>();
    for (ColumnSpec c : Datasets.ENTERPRISES.columns()) {
      if (c.isNumeric()) {
        numericColumns.add(c.name());
      }
    }
    Set<String> declared = new HashSet<>();
    for (YamlNode n : root.get("indicators").map(YamlNode::list).orElse(List.of())) {
      n.allowOnly(List.of("code", "name_zh", "unit", "numerator", "denominator", "factor"));
      String code = n.require("code").string();
      if (!code.matches("^[a-z][a-z0-9_]*$")) {
        throw n.require("code").error("indicator code '" + code + "' must be snake_case");
      }
      if (!declared.add(code)) {
        throw n.require("code").error("indicator '" + code + "' is declared twice");
      }
      double factor = n.getNumber("factor", 1.0);
      if (!(factor > 0)) {
        throw n.require("factor").error("factor must be positive, found " + factor);
      }
      out.put(
          code,
          new RatioIndicator(
              code,
              n.getString("name_zh", code),
              n.getString("unit", ""),
              n.require("numerator").oneOf(numericColumns),
              n.require("denominator").oneOf(numericColumns),
              factor));
    }
    return out;
  }

  private static FormulaSet formulaSet(
      String scale, YamlNode node, Map<String, RatioIndicator> indicators) {
    node.allowOnly(List.of("total_weight", "missing", "cap", "items"));
    MissingRule defaultMissing =
        node.get("missing").map(PerMuSchemeLoader::missing).orElse(MissingRule.AVERAGE);
    Double defaultCap = node.get("cap").map(PerMuSchemeLoader::cap).orElse(null);
    List<ScoreItem> items = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    YamlNode itemsNode = node.require("items");
    for (YamlNode n : itemsNode.list()) {
      n.allowOnly(List.of("indicator", "weight", "benchmark", "cap", "missing"));
      YamlNode ind = n.require("indicator");
      RatioIndicator indicator = indicators.get(ind.string());
      if (indicator == null) {
        ind.oneOf(indicators.keySet()); // throws with a hint
      }
      if (!seen.add(indicator.code())) {
        throw ind.error(
            "indicator '" + indicator.code() + "' is scored twice in formulas." + scale);
      }
      double weight = n.require("weight").number();
      if (!(weight > 0)) {
        throw n.require("weight")
            .error("weight must be positive, found " + n.require("weight").string());
      }
      items.add(
          new ScoreItem(
              indicator,
              weight,
              benchmark(n.require("benchmark")),
              n.get("cap").map(PerMuSchemeLoader::cap).orElse(defaultCap),
              n.get("missing").map(PerMuSchemeLoader::missing).orElse(defaultMissing)));
    }
    if (items.isEmpty()) {
      throw itemsNode.error("formulas." + scale + ".items is empty");
    }
    FormulaSet set = new FormulaSet(scale, items);
    if (node.has("total_weight")) {
      double expected = node.require("total_weight").number();
      if (Math.abs(set.totalWeight() - expected) > WEIGHT_TOLERANCE) {
        throw node.require("total_weight")
            .error(
                String.format(
                    Locale.ROOT,
                    "weights of formulas.%s add up to %s, but total_weight is %s",
                    scale,
                    plain(set.totalWeight()),
                    plain(expected)));
      }
    }
    return set;
  }

  private static Benchmark benchmark(YamlNode n) {
    if (n.isScalar()) {
      return Benchmark.fixedValue(positive(n, "benchmark"));
    }
    n.allowOnly(List.of("fixed", "prior_year_multiple", "group", "average"));
    boolean fixed = n.has("fixed");
    boolean multiple = n.has("prior_year_multiple");
    if (fixed == multiple) {
      throw n.error("a benchmark needs exactly one of 'fixed' or 'prior_year_multiple'");
    }
    if (fixed) {
      return Benchmark.fixedValue(positive(n.require("fixed"), "fixed"));
    }
    Grouping group = n.get("group").map(PerMuSchemeLoader::grouping).orElse(Grouping.COUNTY);
    String average = n.get("average").map(a -> a.oneOf(List.of("pooled", "mean"))).orElse("pooled");
    return new Benchmark(
        null,
        positive(n.require("prior_year_multiple"), "prior_year_multiple"),
        group,
        average.equals("pooled"));
  }

  private static List<ScopeRule> scope(YamlNode root) {
    List<ScopeRule> out = new ArrayList<>();
    Set<String> reasons = new HashSet<>();
    for (YamlNode n : root.get("not_evaluated").map(YamlNode::list).orElse(List.of())) {
      n.allowOnly(List.of("reason", "when", "value", "scale", "note"));
      String reason = n.require("reason").string();
      if (!reason.matches("^[a-z][a-z0-9_]*$")) {
        throw n.require("reason").error("reason '" + reason + "' must be snake_case");
      }
      if (!reasons.add(reason)) {
        throw n.require("reason").error("reason '" + reason + "' is used twice");
      }
      List<String> conditions =
          java.util.Arrays.stream(ScopeRule.Condition.values())
              .map(ScopeRule.Condition::code)
              .toList();
      ScopeRule.Condition when =
          ScopeRule.Condition.valueOf(n.require("when").oneOf(conditions).toUpperCase(Locale.ROOT));
      Double value = null;
      if (when != ScopeRule.Condition.UTILITY) {
        value = positive(n.require("value"), "value");
      } else if (n.has("value")) {
        throw n.require("value").error("'value' has no meaning for when: utility");
      }
      String scale = n.get("scale").map(s -> s.oneOf(PerMuScheme.SCALES)).orElse(null);
      out.add(new ScopeRule(reason, when, value, scale));
    }
    return out;
  }

  private static ClassRules classes(YamlNode n) {
    n.allowOnly(List.of("grouping", "by_scale", "rounding", "bands", RankPrecision.KEY));
    Grouping grouping = grouping(n.require("grouping"));
    boolean byScale = n.getBool("by_scale", false);
    Rounding rounding =
        Rounding.valueOf(
            n.get("rounding")
                .map(r -> r.oneOf(List.of("half_up", "floor", "ceil")))
                .orElse("half_up")
                .toUpperCase(Locale.ROOT));
    List<ClassBand> bands = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    List<YamlNode> bandNodes = n.require("bands").list();
    if (bandNodes.size() < 2) {
      throw n.require("bands").error("classes.bands needs at least two classes");
    }
    int previous = 0;
    for (int i = 0; i < bandNodes.size(); i++) {
      YamlNode b = bandNodes.get(i);
      b.allowOnly(List.of("class", "to", "inclusive"));
      String label = b.require("class").string();
      if (label.isBlank() || label.equals("T")) {
        throw b.require("class").error("class label '" + label + "' is reserved or empty");
      }
      if (!labels.add(label)) {
        throw b.require("class").error("class '" + label + "' appears twice");
      }
      boolean last = i == bandNodes.size() - 1;
      int to = last && !b.has("to") ? 10000 : basisPoints(b.require("to"));
      if (to <= previous) {
        throw b.require("to").error("class '" + label + "' must end after the previous class");
      }
      if (last && to != 10000) {
        throw b.require("to").error("the last class must end at 100%");
      }
      bands.add(new ClassBand(label, to, b.getBool("inclusive", true)));
      previous = to;
    }
    return new ClassRules(grouping, byScale, rounding, bands, RankPrecision.read(n));
  }

  private static SurchargeRule surcharge(YamlNode root) {
    if (!root.has("surcharge")) {
      return new SurchargeRule(List.of(), "");
    }
    YamlNode n = root.require("surcharge");
    n.allowOnly(List.of("basis", "electricity_per_kwh"));
    List<Double> steps = new ArrayList<>();
    for (YamlNode s : n.require("electricity_per_kwh").listOrSingle()) {
      double v = s.number();
      if (v < 0) {
        throw s.error("a surcharge cannot be negative, found " + s.string());
      }
      steps.add(v);
    }
    return new SurchargeRule(steps, n.getString("basis", ""));
  }

  /** A share as "20%" or 0.2, in basis points. */
  private static int basisPoints(YamlNode n) {
    String raw = n.string().strip();
    double share = raw.endsWith("%") ? n.number() / 100.0 : n.number();
    if (!(share > 0 && share <= 1)) {
      throw n.error("a class bound must lie in (0, 100%], found '" + raw + "'");
    }
    double bp = share * 10000;
    if (Math.abs(bp - Math.rint(bp)) > 1e-6) {
      throw n.error("a class bound has at most two decimals of a percent, found '" + raw + "'");
    }
    return (int) Math.rint(bp);
  }

  private static Grouping grouping(YamlNode n) {
    List<String> codes = java.util.Arrays.stream(Grouping.values()).map(Grouping::code).toList();
    return Grouping.valueOf(n.oneOf(codes).toUpperCase(Locale.ROOT));
  }

  private static MissingRule missing(YamlNode n) {
    List<String> codes =
        java.util.Arrays.stream(MissingRule.values()).map(MissingRule::code).toList();
    return MissingRule.valueOf(n.oneOf(codes).toUpperCase(Locale.ROOT));
  }

  private static Double cap(YamlNode n) {
    if (n.string().strip().equals("none")) {
      return null;
    }
    return positive(n, "cap");
  }

  private static double positive(YamlNode n, String what) {
    double v = n.number();
    if (!(v > 0)) {
      throw n.error(what + " must be positive, found '" + n.string() + "'");
    }
    return v;
  }

  private static String plain(double d) {
    return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
