package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneassess.schema.ranking.RankPrecision;
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
  private static final Pattern CODE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(==|=|!=|<>|<=|>=|<|>)\\s*(.+?)\\s*");
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

  /** A node as written, before the tree is assembled. */
  private record Draft(String code, YamlNode yaml, boolean leaf, String parent) {}

  private static final class Reader {
    private final YamlDoc doc;
    private final YamlNode top;
    private final Map<String, Draft> drafts = new LinkedHashMap<>();
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
      top.get("outliers").ifPresent(n -> globalOutliers = outliers(n));
      weightsSumTo = top.get("weights_sum_to").map(YamlNode::number).orElse(Double.NaN);
      MissingData missing = top.get("missing").map(this::missing).orElse(MissingData.none());
      for (YamlNode a : top.require("aggregates").list()) {
        draft(a, false, AGGREGATE_KEYS);
      }
      for (YamlNode i : top.require("indicators").list()) {
        draft(i, true, INDICATOR_KEYS);
      }
      Draft rootDraft = findRoot();
      checkParents();
      IndicatorNode root = build(rootDraft, defaultNormalisation, globalOutliers, Transform.NONE);
      checkFormulas(root);
      checkWeights(root);
      String rules = top.get("rules").map(n -> nonEmpty(n, "rules")).orElse(null);
      List<RowFilter> exclude = new ArrayList<>();
      top.get("exclude_rows")
          .ifPresent(n -> n.listOrSingle().forEach(c -> exclude.add(condition(c))));
      Ranking ranking = top.get("ranking").map(n -> ranking(n, root)).orElse(Ranking.defaults());
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
      n.get("normalisation").ifPresent(x -> defaultNormalisation = normalisation(x));
      n.get("aggregation").ifPresent(x -> defaultAggregation = aggregation(x));
    }

    private void draft(YamlNode n, boolean leaf, List<String> keys) {
      n.allowOnly(keys);
      YamlNode codeNode = n.require("code");
      String code = codeNode.string();
      if (!CODE.matcher(code).matches()) {
        throw codeNode.error(
            "code '"
                + code
                + "' must start with a letter or '_' and contain only letters, digits and '_'");
      }
      Draft before = drafts.get(code);
      if (before != null) {
        throw codeNode.error("code '" + code + "' is already used at line " + before.yaml().line());
      }
      String parent = n.get("parent").map(YamlNode::string).orElse(null);
      if (leaf && parent == null) {
        throw n.error(
            "indicator '" + code + "' has no parent (every indicator belongs to an aggregate)");
      }
      drafts.put(code, new Draft(code, n, leaf, parent));
    }

    private Draft findRoot() {
      List<Draft> roots =
          drafts.values().stream().filter(d -> !d.leaf() && d.parent() == null).toList();
      if (roots.size() > 1) {
        throw roots
            .get(1)
            .yaml()
            .error(
                "two aggregates have no parent ('"
                    + roots.get(0).code()
                    + "' at line "
                    + roots.get(0).yaml().line()
                    + " and '"
                    + roots.get(1).code()
                    + "'); exactly one, the index, may have none");
      }
      if (roots.isEmpty()) {
        YamlNode aggs = top.require("aggregates");
        throw aggs.error(
            "no aggregate is without a parent, so there is no index at the top: the tree has a cycle"
                + cycleText().map(c -> " (" + c + ")").orElse(""));
      }
      return roots.get(0);
    }

    private Optional<String> cycleText() {
      for (Draft d : drafts.values()) {
        List<String> path = new ArrayList<>();
        Draft cur = d;
        while (cur != null && cur.parent() != null) {
          if (path.contains(cur.code())) {
            List<String> cyc = new ArrayList<>(path.subList(path.indexOf(cur.code()), path.size()));
            cyc.add(cur.code());
            return Optional.of(String.join(" → ", cyc));
          }
          path.add(cur.code());
          cur = drafts.get(cur.parent());
        }
      }
      return Optional.empty();
    }

    private void checkParents() {
      for (Draft d : drafts.values()) {
        if (d.parent() == null) {
          continue;
        }
        YamlNode p = d.yaml().require("parent");
        Draft parent = drafts.get(d.parent());
        if (parent == null) {
          throw p.error(
              "parent '"
                  + d.parent()
                  + "' of '"
                  + d.code()
                  + "' is not an aggregate in this file"
                  + hint(d.parent(), aggregateCodes()));
        }
        if (parent.leaf()) {
          throw p.error(
              "parent '"
                  + d.parent()
                  + "' of '"
                  + d.code()
                  + "' is an indicator; parents must be aggregates");
        }
        // follow the parents up: a cycle never reaches the root
        List<String> path = new ArrayList<>(List.of(d.code()));
        Draft cur = parent;
        while (cur != null) {
          if (path.contains(cur.code())) {
            path.add(cur.code());
            throw p.error(
                "the tree has a cycle: "
                    + String.join(" → ", path.subList(path.indexOf(cur.code()), path.size())));
          }
          path.add(cur.code());
          cur = cur.parent() == null ? null : drafts.get(cur.parent());
        }
      }
      for (Draft d : drafts.values()) {
        if (!d.leaf() && drafts.values().stream().noneMatch(c -> d.code().equals(c.parent()))) {
          throw d.yaml().error("aggregate '" + d.code() + "' has no children");
        }
      }
    }

    private List<String> aggregateCodes() {
      return drafts.values().stream().filter(d -> !d.leaf()).map(Draft::code).toList();
    }

    private IndicatorNode build(
        Draft d,
        Normalisation inheritedNorm,
        OutlierTreatment inheritedOut,
        Transform inheritedTransform) {
      YamlNode n = d.yaml();
      Normalisation norm = n.get("normalisation").map(this::normalisation).orElse(inheritedNorm);
      OutlierTreatment out = n.get("outliers").map(this::outliers).orElse(inheritedOut);
      Transform transform = n.get("transform").map(this::transform).orElse(inheritedTransform);
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
      List<Draft> kids =
          drafts.values().stream()
              .filter(c -> d.code().equals(c.parent()))
              .sorted(Comparator.comparingInt(c -> c.yaml().line()))
              .toList();
      List<IndicatorNode> children = new ArrayList<>();
      for (Draft k : kids) {
        children.add(build(k, norm, out, transform));
      }
      Aggregation agg = n.get("aggregation").map(this::aggregation).orElse(defaultAggregation);
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

    private void checkWeights(IndicatorNode node) {
      if (node.isLeaf()) {
        return;
      }
      YamlNode yaml = drafts.get(node.code()).yaml();
      if (node.weightsBy() != null) {
        Set<String> groups = null;
        String first = null;
        for (IndicatorNode c : node.children()) {
          YamlNode cy = drafts.get(c.code()).yaml();
          if (c.weightsByGroup().isEmpty()) {
            throw cy.get("weight")
                .orElse(cy)
                .error(
                    "'"
                        + node.code()
                        + "' has weights_by: "
                        + node.weightsBy()
                        + ", so the weight of '"
                        + c.code()
                        + "' must be a mapping from "
                        + node.weightsBy()
                        + " value to weight, e.g. {south: 0.3, central: 0.3, north: 0.4}");
          }
          if (groups == null) {
            groups = c.weightsByGroup().keySet();
            first = c.code();
          } else if (!groups.equals(c.weightsByGroup().keySet())) {
            throw cy.require("weight")
                .error(
                    "the weight sets of '"
                        + c.code()
                        + "' "
                        + c.weightsByGroup().keySet()
                        + " differ from those of '"
                        + first
                        + "' "
                        + groups
                        + " (siblings under '"
                        + node.code()
                        + "')");
          }
        }
        if (!Double.isNaN(weightsSumTo)) {
          for (String g : groups) {
            double s = node.children().stream().mapToDouble(c -> c.weightFor(g)).sum();
            checkSum(yaml, node, s, " for " + node.weightsBy() + " = " + g);
          }
        }
        checkPositive(yaml, node, groups);
      } else {
        for (IndicatorNode c : node.children()) {
          if (!c.weightsByGroup().isEmpty()) {
            YamlNode cy = drafts.get(c.code()).yaml();
            throw cy.require("weight")
                .error(
                    "the weight of '"
                        + c.code()
                        + "' varies by group, but its parent '"
                        + node.code()
                        + "' has no 'weights_by' saying which column selects the group");
          }
        }
        if (!Double.isNaN(weightsSumTo)) {
          checkSum(
              yaml, node, node.children().stream().mapToDouble(IndicatorNode::weight).sum(), "");
        }
        checkPositive(yaml, node, Set.of());
      }
      node.children().forEach(this::checkWeights);
    }

    private void checkPositive(YamlNode yaml, IndicatorNode node, Set<String> groups) {
      if (groups.isEmpty()) {
        if (node.children().stream().mapToDouble(IndicatorNode::weight).sum() <= 0) {
          throw yaml.error("the weights of the children of '" + node.code() + "' are all zero");
        }
      } else {
        for (String g : groups) {
          if (node.children().stream().mapToDouble(c -> c.weightFor(g)).sum() <= 0) {
            throw yaml.error(
                "the weights of the children of '" + node.code() + "' are all zero for " + g);
          }
        }
      }
    }

    private void checkSum(YamlNode yaml, IndicatorNode node, double sum, String where) {
      if (Math.abs(sum - weightsSumTo) > WEIGHT_TOLERANCE) {
        throw yaml.error(
            String.format(
                Locale.ROOT,
                "the weights of the children of '%s'%s sum to %s, not %s (weights_sum_to at line %d): %s",
                node.code(),
                where,
                fmt(sum),
                fmt(weightsSumTo),
                top.require("weights_sum_to").line(),
                String.join(
                    ", ",
                    node.children().stream()
                        .map(
                            c ->
                                c.code()
                                    + "="
                                    + fmt(
                                        c.weightFor(
                                            where.isEmpty()
                                                ? null
                                                : where.substring(where.lastIndexOf(' ') + 1))))
                        .toList())));
      }
    }

    private void checkFormulas(IndicatorNode root) {
      Map<String, IndicatorNode> leaves = new LinkedHashMap<>();
      collectLeaves(root, leaves);
      for (IndicatorNode leaf : leaves.values()) {
        YamlNode y = drafts.get(leaf.code()).yaml();
        if (leaf.formula() != null) {
          for (String ref : leaf.formula().references()) {
            if (ref.equals(leaf.code()) && !inputs.contains(ref)) {
              throw y.require("formula")
                  .error("the formula of '" + leaf.code() + "' refers to itself");
            }
            if (!inputs.contains(ref) && !leaves.containsKey(ref)) {
              throw y.require("formula")
                  .error(
                      "the formula of '"
                          + leaf.code()
                          + "' refers to '"
                          + ref
                          + "', which is neither a declared input nor an indicator"
                          + hint(ref, known(leaves)));
            }
          }
        }
        if (leaf.denominator() != null
            && !inputs.contains(leaf.denominator())
            && !leaves.containsKey(leaf.denominator())) {
          throw y.require("denominator")
              .error(
                  "denominator '"
                      + leaf.denominator()
                      + "' of '"
                      + leaf.code()
                      + "' is neither a declared input nor an indicator"
                      + hint(leaf.denominator(), known(leaves)));
        }
      }
      // formulas may use other indicators: those references must not go round in a circle
      Map<String, Integer> state = new HashMap<>();
      for (IndicatorNode leaf : leaves.values()) {
        visit(leaf.code(), leaves, state, new ArrayList<>());
      }
    }

    private void visit(
        String code,
        Map<String, IndicatorNode> leaves,
        Map<String, Integer> state,
        List<String> path) {
      Integer s = state.get(code);
      if (s != null && s == 2) {
        return;
      }
      IndicatorNode leaf = leaves.get(code);
      path.add(code);
      if (s != null && s == 1) {
        List<String> cyc = path.subList(path.indexOf(code), path.size());
        throw drafts
            .get(code)
            .yaml()
            .require("formula")
            .error("formulas refer to each other in a cycle: " + String.join(" → ", cyc));
      }
      state.put(code, 1);
      if (leaf.formula() != null) {
        for (String ref : leaf.formula().references()) {
          if (leaves.containsKey(ref) && !ref.equals(code)) {
            visit(ref, leaves, state, path);
          }
        }
      }
      state.put(code, 2);
      path.remove(path.size() - 1);
    }

    private List<String> known(Map<String, IndicatorNode> leaves) {
      List<String> k = new ArrayList<>(inputs);
      k.addAll(leaves.keySet());
      return k;
    }

    private static void collectLeaves(IndicatorNode n, Map<String, IndicatorNode> out) {
      if (n.isLeaf()) {
        out.put(n.code(), n);
      }
      n.children().forEach(c -> collectLeaves(c, out));
    }

    private Normalisation normalisation(YamlNode n) {
      YamlNode spec = n;
      String m;
      if (n.isScalar()) {
        m = n.oneOf(Normalisation.Method.yamlNames());
      } else {
        m = n.require("method").oneOf(Normalisation.Method.yamlNames());
      }
      Normalisation.Method method = Normalisation.Method.valueOf(m.toUpperCase(Locale.ROOT));
      List<String> allowed =
          switch (method) {
            case NONE, RANK -> List.of("method");
            case MINMAX -> List.of("method", "low", "high");
            case GOALPOSTS -> List.of("method", "min", "max", "cap", "scale");
            case ZSCORE -> List.of("method", "scale", "centre");
            case PERCENTILE_RANK -> List.of("method", "scale");
            case RANK_POINTS -> List.of("method", "first", "step", "floor");
            case DISTANCE_TO_TARGET -> List.of("method", "target", "cap", "scale");
            case BENCHMARK -> List.of("method", "benchmark", "cap", "scale");
          };
      if (n.isMap()) {
        spec.allowOnly(allowed);
      }
      java.util.function.BiFunction<String, Double, Double> num =
          (k, dflt) -> n.isMap() ? n.getNumber(k, dflt) : dflt;
      java.util.function.Function<String, Double> req =
          k -> {
            if (!n.isMap() || !n.has(k)) {
              throw n.error("normalisation '" + m + "' needs '" + k + "'");
            }
            return n.require(k).number();
          };
      double nan = Double.NaN;
      Normalisation out =
          switch (method) {
            case NONE -> Normalisation.none();
            case MINMAX -> Normalisation.minmax(num.apply("low", 0.0), num.apply("high", 100.0));
            case GOALPOSTS ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    req.apply("min"),
                    req.apply("max"),
                    n.getBool("cap", true),
                    nan,
                    nan,
                    nan,
                    num.apply("scale", 1.0),
                    0,
                    nan,
                    nan,
                    nan);
            case ZSCORE ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    nan,
                    nan,
                    false,
                    nan,
                    nan,
                    nan,
                    num.apply("scale", 1.0),
                    num.apply("centre", 0.0),
                    nan,
                    nan,
                    nan);
            case RANK ->
                new Normalisation(
                    method, nan, nan, nan, nan, false, nan, nan, nan, 1, 0, nan, nan, nan);
            case PERCENTILE_RANK ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    nan,
                    nan,
                    false,
                    nan,
                    nan,
                    nan,
                    num.apply("scale", 100.0),
                    0,
                    nan,
                    nan,
                    nan);
            case RANK_POINTS ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    nan,
                    nan,
                    false,
                    nan,
                    nan,
                    nan,
                    1,
                    0,
                    num.apply("first", 100.0),
                    num.apply("step", 5.0),
                    num.apply("floor", 0.0));
            case DISTANCE_TO_TARGET ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    nan,
                    nan,
                    n.getBool("cap", true),
                    req.apply("target"),
                    nan,
                    nan,
                    num.apply("scale", 1.0),
                    0,
                    nan,
                    nan,
                    nan);
            case BENCHMARK ->
                new Normalisation(
                    method,
                    nan,
                    nan,
                    nan,
                    nan,
                    n.isMap() && n.has("cap"),
                    nan,
                    req.apply("benchmark"),
                    n.isMap() ? n.getNumber("cap", nan) : nan,
                    num.apply("scale", 1.0),
                    0,
                    nan,
                    nan,
                    nan);
          };
      if (method == Normalisation.Method.MINMAX && !(out.high() > out.low())) {
        throw n.error(
            "minmax needs high > low, found low " + fmt(out.low()) + ", high " + fmt(out.high()));
      }
      if (method == Normalisation.Method.GOALPOSTS && !(out.max() > out.min())) {
        throw n.error(
            "goalposts need max > min, found min " + fmt(out.min()) + ", max " + fmt(out.max()));
      }
      if (method == Normalisation.Method.BENCHMARK && !(out.benchmark() > 0)) {
        throw n.error("benchmark must be > 0, found " + fmt(out.benchmark()));
      }
      if (method == Normalisation.Method.BENCHMARK && out.cap() && !(out.capRatio() > 0)) {
        throw n.error("benchmark cap must be > 0, found " + fmt(out.capRatio()));
      }
      return out;
    }

    private Transform transform(YamlNode n) {
      return Transform.valueOf(
          n.oneOf(List.of("none", "log", "log10", "log1p")).toUpperCase(Locale.ROOT));
    }

    private Aggregation aggregation(YamlNode n) {
      List<String> methods = List.of("arithmetic", "geometric", "harmonic", "weighted_sum");
      String m;
      Aggregation.MissingChildren missing = Aggregation.MissingChildren.REWEIGHT;
      if (n.isScalar()) {
        m = n.oneOf(methods);
      } else {
        n.allowOnly(List.of("method", "missing"));
        m = n.require("method").oneOf(methods);
        missing =
            n.get("missing")
                .map(
                    x ->
                        Aggregation.MissingChildren.valueOf(
                            x.oneOf(List.of("reweight", "missing")).toUpperCase(Locale.ROOT)))
                .orElse(missing);
      }
      return new Aggregation(Aggregation.Method.valueOf(m.toUpperCase(Locale.ROOT)), missing);
    }

    private OutlierTreatment outliers(YamlNode n) {
      if (n.isScalar()) {
        String m = n.oneOf(List.of("none", "winsorise"));
        return m.equals("none")
            ? OutlierTreatment.none()
            : new OutlierTreatment(true, 2, 3.5, 0, 0.1, true);
      }
      n.allowOnly(List.of("method", "skewness", "kurtosis", "max_rounds", "max_share", "fallback"));
      String m = n.require("method").oneOf(List.of("none", "winsorise"));
      if (m.equals("none")) {
        return OutlierTreatment.none();
      }
      int rounds = n.getInt("max_rounds", 0);
      double share = n.getNumber("max_share", 0.1);
      if (rounds < 0) {
        throw n.require("max_rounds").error("max_rounds must be ≥ 0");
      }
      if (!(share > 0 && share < 1)) {
        throw n.require("max_share").error("max_share must be between 0 and 1 (exclusive)");
      }
      boolean log =
          n.get("fallback").map(x -> x.oneOf(List.of("log", "none")).equals("log")).orElse(true);
      return new OutlierTreatment(
          true, n.getNumber("skewness", 2), n.getNumber("kurtosis", 3.5), rounds, share, log);
    }

    private MissingData missing(YamlNode n) {
      n.allowOnly(List.of("impute", "group_by"));
      String m = n.require("impute").oneOf(List.of("none", "mean", "median", "group_mean"));
      List<String> by =
          n.get("group_by")
              .map(x -> x.listOrSingle().stream().map(YamlNode::string).toList())
              .orElse(List.of());
      if (m.equals("group_mean") && by.isEmpty()) {
        throw n.error("impute: group_mean needs 'group_by' (one or more columns, e.g. [region])");
      }
      if (!m.equals("group_mean") && !by.isEmpty()) {
        throw n.require("group_by").error("'group_by' only applies to impute: group_mean");
      }
      return new MissingData(MissingData.Imputation.valueOf(m.toUpperCase(Locale.ROOT)), by);
    }

    private Ranking ranking(YamlNode n, IndicatorNode root) {
      n.allowOnly(List.of("order", "decimals", "ties", "groups", RankPrecision.KEY));
      boolean desc =
          n.get("order")
              .map(x -> x.oneOf(List.of("descending", "ascending")).equals("descending"))
              .orElse(true);
      int decimals = n.getInt("decimals", -1);
      if (decimals < -1 || decimals > 15) {
        throw n.require("decimals").error("decimals must be between 0 and 15");
      }
      List<String> breakBy = List.of();
      Optional<YamlNode> ties = n.get("ties");
      if (ties.isPresent()) {
        YamlNode t = ties.get();
        if (t.isScalar()) {
          t.oneOf(List.of("shared"));
        } else {
          t.allowOnly(List.of("break_by"));
          YamlNode bb = t.require("break_by");
          breakBy = bb.listOrSingle().stream().map(YamlNode::string).toList();
          Set<String> nodes = new LinkedHashSet<>();
          collectCodes(root, nodes);
          for (String b : breakBy) {
            if (!nodes.contains(b)) {
              throw bb.error(
                  "tie-break '"
                      + b
                      + "' is not a node of the tree"
                      + hint(b, new ArrayList<>(nodes)));
            }
          }
        }
      }
      List<Ranking.RankingGroup> groups = new ArrayList<>();
      Optional<YamlNode> g = n.get("groups");
      if (g.isPresent()) {
        Set<String> names = new LinkedHashSet<>();
        for (YamlNode gi : g.get().list()) {
          gi.allowOnly(List.of("name", "by"));
          String name = gi.require("name").string();
          if (!CODE.matcher(name).matches()) {
            throw gi.require("name")
                .error("ranking group name '" + name + "' must be letters, digits and '_'");
          }
          if (!names.add(name)) {
            throw gi.require("name").error("ranking group '" + name + "' appears twice");
          }
          List<String> by =
              gi.get("by")
                  .map(x -> x.listOrSingle().stream().map(YamlNode::string).toList())
                  .orElse(List.of());
          groups.add(new Ranking.RankingGroup(name, by));
        }
      } else {
        groups.add(new Ranking.RankingGroup("all", List.of()));
      }
      return new Ranking(desc, decimals, breakBy, groups, RankPrecision.read(n));
    }

    private static void collectCodes(IndicatorNode n, Set<String> out) {
      out.add(n.code());
      n.children().forEach(c -> collectCodes(c, out));
    }

    private RowFilter condition(YamlNode n) {
      String text = n.string();
      Matcher m = CONDITION.matcher(text);
      if (!m.matches()) {
        throw n.error(
            "cannot read condition '"
                + text
                + "': write 'column op value' with op one of = != < <= > >=, e.g. is_aggregate = 1");
      }
      String op =
          switch (m.group(2)) {
            case "==" -> "=";
            case "<>" -> "!=";
            default -> m.group(2);
          };
      String v = m.group(3);
      boolean quoted =
          v.length() >= 2
              && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""));
      if (quoted) {
        return new RowFilter(m.group(1), op, v.substring(1, v.length() - 1), false, text);
      }
      try {
        Double.parseDouble(v);
        return new RowFilter(m.group(1), op, v, true, text);
      } catch (NumberFormatException e) {
        if (!CODE.matcher(v).matches()) {
          throw n.error(
              "cannot read value '"
                  + v
                  + "' in condition '"
                  + text
                  + "': quote text values, e.g. level = 'national'");
        }
        return new RowFilter(m.group(1), op, v, false, text);
      }
    }

    private static String nonEmpty(YamlNode n, String key) {
      String s = n.string().strip();
      if (s.isEmpty()) {
        throw n.error("'" + key + "' must not be empty");
      }
      return s;
    }

    private static String hint(String word, List<String> known) {
      String best = null;
      int bestD = 3;
      for (String k : known) {
        int d = distance(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
      return best == null ? "" : "; did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
      int[][] d = new int[a.length() + 1][b.length() + 1];
      for (int i = 0; i <= a.length(); i++) {
        d[i][0] = i;
      }
      for (int j = 0; j <= b.length(); j++) {
        d[0][j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        for (int j = 1; j <= b.length(); j++) {
          int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + c);
        }
      }
      return d[a.length()][b.length()];
    }

    private static String fmt(double x) {
      if (x == Math.rint(x) && Math.abs(x) < 1e15) {
        return String.valueOf((long) x);
      }
      return new java.math.BigDecimal(x)
          .round(new java.math.MathContext(12))
          .stripTrailingZeros()
          .toPlainString();
    }
  }
}
