package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads and validates a methodology file. Every problem is a {@link SpecException} naming the file,
 * the line and column, and the problem: unknown keys (with a "did you mean"), unknown methods,
 * references to undeclared indicators or inputs, weights that do not reach their declared total,
 * cycles in the tree or between formulas, duplicate codes. The format is documented in
 * docs/methodology.md.
 */
public final class MethodologyLoader {
  private static final List<String> TOP_KEYS =
      List.of(
          "id",
          "version",
          "name_zh",
          "name_en",
          "description",
          "rules",
          "exclude_rows",
          "inputs",
          "defaults",
          "weights_sum_to",
          "missing",
          "outliers",
          "ranking",
          "aggregates",
          "indicators",
          "routine"); // read by schema.routine.RoutineSpecLoader
  private static final List<String> AGGREGATE_KEYS =
      List.of(
          "code",
          "name_zh",
          "name_en",
          "description",
          "parent",
          "weight",
          "aggregation",
          "weights_by",
          "normalisation",
          "outliers",
          "transform");
  private static final List<String> INDICATOR_KEYS =
      List.of(
          "code",
          "name_zh",
          "name_en",
          "unit",
          "description",
          "parent",
          "weight",
          "direction",
          "column",
          "formula",
          "denominator",
          "transform",
          "normalisation",
          "outliers");
  private static final double WEIGHT_TOLERANCE = 1e-9;

  private MethodologyLoader() {}

  /** Loads {@code classpath:methodologies/x.yaml} or a file path. */
  public static LoadedMethodology load(String location) {
    YamlDoc doc = YamlDoc.load(location);
    return new LoadedMethodology(parse(doc), doc);
  }

  /** Validates a parsed document and builds the model. */
  public static Methodology parse(YamlDoc doc) {
    return new Reader(doc).read();
  }

  /** Reads one document: the keys of the file and of its nodes, then the tree. */
  private static final class Reader {
    private final YamlDoc doc;
    private final YamlNode top;
    private final Map<String, DraftNode> drafts = new LinkedHashMap<>();
    private final Set<String> inputs = new LinkedHashSet<>();
    private Normalisation defaultNormalisation = Normalisation.minmax(0, 100);
    private Aggregation defaultAggregation = Aggregation.arithmetic();
    private OutlierTreatment globalOutliers = OutlierTreatment.none();
    private double weightsSumTo = Double.NaN;

    Reader(YamlDoc doc) {
      this.doc = doc;
      this.top = doc.root();
    }

    Methodology read() {
      top.allowOnly(TOP_KEYS);
      String id = top.require("id").string();
      top.get("inputs").ifPresent(this::readInputs);
      top.get("defaults").ifPresent(this::readDefaults);
      top.get("outliers").ifPresent(n -> globalOutliers = MethodologySettings.outliers(n));
      weightsSumTo = top.get("weights_sum_to").map(YamlNode::number).orElse(Double.NaN);
      MissingData missing =
          top.get("missing").map(MethodologySettings::missing).orElse(MissingData.none());
      for (YamlNode a : top.require("aggregates").list()) {
        draft(a, false, AGGREGATE_KEYS);
      }
      for (YamlNode i : top.require("indicators").list()) {
        draft(i, true, INDICATOR_KEYS);
      }
      MethodologyChecks checks = new MethodologyChecks(top, drafts, inputs, weightsSumTo);
      DraftNode rootDraft = checks.findRoot();
      checks.checkParents();
      IndicatorNode root = build(rootDraft, defaultNormalisation, globalOutliers, Transform.NONE);
      checks.checkFormulas(root);
      checks.checkWeights(root);
      String rules =
          top.get("rules").map(n -> MethodologySettings.nonEmpty(n, "rules")).orElse(null);
      List<RowFilter> exclude = new ArrayList<>();
      top.get("exclude_rows")
          .ifPresent(
              n -> n.listOrSingle().forEach(c -> exclude.add(MethodologySettings.condition(c))));
      Ranking ranking =
          top.get("ranking")
              .map(n -> MethodologySettings.ranking(n, root))
              .orElse(Ranking.defaults());
      return new Methodology(
          id,
          top.getString("version", ""),
          top.getString("name_zh", ""),
          top.getString("name_en", ""),
          top.getString("description", ""),
          root,
          rules,
          exclude,
          List.copyOf(inputs),
          missing,
          ranking,
          weightsSumTo,
          doc.name());
    }

    private void readInputs(YamlNode n) {
      for (YamlNode i : n.list()) {
        String code;
        if (i.isMap()) {
          i.allowOnly(List.of("code", "name_zh", "name_en", "unit", "description"));
          code = i.require("code").string();
        } else {
          code = i.string();
        }
        if (!inputs.add(code)) {
          throw i.error("input '" + code + "' is declared twice");
        }
      }
    }

    private void readDefaults(YamlNode n) {
      n.allowOnly(List.of("normalisation", "aggregation"));
      n.get("normalisation")
          .ifPresent(x -> defaultNormalisation = MethodologySettings.normalisation(x));
      n.get("aggregation").ifPresent(x -> defaultAggregation = MethodologySettings.aggregation(x));
    }

    private void draft(YamlNode n, boolean leaf, List<String> keys) {
      n.allowOnly(keys);
      YamlNode codeNode = n.require("code");
      String code = codeNode.string();
      if (!MethodologySettings.CODE.matcher(code).matches()) {
        throw codeNode.error(
            "code '"
                + code
                + "' must start with a letter or '_' and contain only letters, digits and '_'");
      }
      DraftNode before = drafts.get(code);
      if (before != null) {
        throw codeNode.error("code '" + code + "' is already used at line " + before.yaml().line());
      }
      String parent = n.get("parent").map(YamlNode::string).orElse(null);
      if (leaf && parent == null) {
        throw n.error(
            "indicator '" + code + "' has no parent (every indicator belongs to an aggregate)");
      }
      drafts.put(code, new DraftNode(code, n, leaf, parent));
    }

    private IndicatorNode build(
        DraftNode d,
        Normalisation inheritedNorm,
        OutlierTreatment inheritedOut,
        Transform inheritedTransform) {
      YamlNode n = d.yaml();
      Normalisation norm =
          n.get("normalisation").map(MethodologySettings::normalisation).orElse(inheritedNorm);
      OutlierTreatment out =
          n.get("outliers").map(MethodologySettings::outliers).orElse(inheritedOut);
      Transform transform =
          n.get("transform").map(MethodologySettings::transform).orElse(inheritedTransform);
      double weight = 1;
      Map<String, Double> byGroup = new TreeMap<>();
      Optional<YamlNode> w = n.get("weight");
      if (w.isPresent()) {
        if (w.get().isMap()) {
          w.get()
              .entries()
              .forEach(
                  (k, v) -> {
                    double x = v.number();
                    if (!(x >= 0) || Double.isInfinite(x)) {
                      throw v.error("weight must be a number ≥ 0, found '" + v.string() + "'");
                    }
                    byGroup.put(k, x);
                  });
          weight = Double.NaN;
        } else {
          weight = w.get().number();
          if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw w.get().error("weight must be a number ≥ 0, found '" + w.get().string() + "'");
          }
        }
      }
      String nameZh = n.getString("name_zh", "");
      String nameEn = n.getString("name_en", "");
      String desc = n.getString("description", "");
      if (d.leaf()) {
        Direction dir =
            n.get("direction")
                .map(
                    x ->
                        Direction.valueOf(
                            x.oneOf(List.of("higher", "lower")).toUpperCase(Locale.ROOT)))
                .orElse(Direction.HIGHER);
        String formulaText = n.get("formula").map(YamlNode::string).orElse(null);
        Expr formula = null;
        if (formulaText != null) {
          if (n.has("column")) {
            throw n.require("column")
                .error("indicator '" + d.code() + "' has both 'formula' and 'column'; use one");
          }
          try {
            formula = ExprParser.parse(formulaText);
          } catch (IllegalArgumentException e) {
            throw n.require("formula").error(e.getMessage());
          }
        }
        String column = formula == null ? n.getString("column", d.code()) : null;
        String den = n.get("denominator").map(YamlNode::string).orElse(null);
        return new IndicatorNode(
            d.code(),
            nameZh,
            nameEn,
            n.getString("unit", ""),
            desc,
            dir,
            weight,
            byGroup,
            null,
            List.of(),
            column,
            formula,
            formulaText,
            den,
            transform,
            norm,
            out,
            null,
            n.line());
      }
      List<DraftNode> kids =
          drafts.values().stream()
              .filter(c -> d.code().equals(c.parent()))
              .sorted(Comparator.comparingInt(c -> c.yaml().line()))
              .toList();
      List<IndicatorNode> children = new ArrayList<>();
      for (DraftNode k : kids) {
        children.add(build(k, norm, out, transform));
      }
      Aggregation agg =
          n.get("aggregation").map(MethodologySettings::aggregation).orElse(defaultAggregation);
      String weightsBy = n.get("weights_by").map(YamlNode::string).orElse(null);
      return new IndicatorNode(
          d.code(),
          nameZh,
          nameEn,
          "",
          desc,
          Direction.HIGHER,
          weight,
          byGroup,
          weightsBy,
          children,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          agg,
          n.line());
    }
  }
}
