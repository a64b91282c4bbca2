package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zoneassess.schema.yaml.YamlNode;

/**
 * The checks of a methodology that look across nodes, once every node is read: one root, parents
 * that exist and are aggregates, no cycle in the tree or between formulas, formula references that
 * resolve, weights that are positive and reach {@code weights_sum_to}. Each failure is a located
 * {@link zoneassess.schema.yaml.SpecException}.
 */
final class MethodologyChecks {
  private static final double WEIGHT_TOLERANCE = 1e-9;

  private final YamlNode top;
  private final Map<String, DraftNode> drafts;
  private final Set<String> inputs;
  private final double weightsSumTo;

  MethodologyChecks(
      YamlNode top, Map<String, DraftNode> drafts, Set<String> inputs, double weightsSumTo) {
    this.top = top;
    this.drafts = drafts;
    this.inputs = inputs;
    this.weightsSumTo = weightsSumTo;
  }

  DraftNode findRoot() {
    List<DraftNode> roots =
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

  Optional<String> cycleText() {
    for (DraftNode d : drafts.values()) {
      List<String> path = new ArrayList<>();
      DraftNode cur = d;
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

  void checkParents() {
    for (DraftNode d : drafts.values()) {
      if (d.parent() == null) {
        continue;
      }
      YamlNode p = d.yaml().require("parent");
      DraftNode parent = drafts.get(d.parent());
      if (parent == null) {
        throw p.error(
            "parent '"
                + d.parent()
                + "' of '"
                + d.code()
                + "' is not an aggregate in this file"
                + MethodologySettings.hint(d.parent(), aggregateCodes()));
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
      DraftNode cur = parent;
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
    for (DraftNode d : drafts.values()) {
      if (!d.leaf() && drafts.values().stream().noneMatch(c -> d.code().equals(c.parent()))) {
        throw d.yaml().error("aggregate '" + d.code() + "' has no children");
      }
    }
  }

  List<String> aggregateCodes() {
    return drafts.values().stream().filter(d -> !d.leaf()).map(DraftNode::code).toList();
  }

  void checkWeights(IndicatorNode node) {
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
        checkSum(yaml, node, node.children().stream().mapToDouble(IndicatorNode::weight).sum(), "");
      }
      checkPositive(yaml, node, Set.of());
    }
    node.children().forEach(this::checkWeights);
  }

  void checkPositive(YamlNode yaml, IndicatorNode node, Set<String> groups) {
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

  void checkSum(YamlNode yaml, IndicatorNode node, double sum, String where) {
    if (Math.abs(sum - weightsSumTo) > WEIGHT_TOLERANCE) {
      throw yaml.error(
          String.format(
              Locale.ROOT,
              "the weights of the children of '%s'%s sum to %s, not %s (weights_sum_to at line %d): %s",
              node.code(),
              where,
              MethodologySettings.fmt(sum),
              MethodologySettings.fmt(weightsSumTo),
              top.require("weights_sum_to").line(),
              String.join(
                  ", ",
                  node.children().stream()
                      .map(
                          c ->
                              c.code()
                                  + "="
                                  + MethodologySettings.fmt(
                                      c.weightFor(
                                          where.isEmpty()
                                              ? null
                                              : where.substring(where.lastIndexOf(' ') + 1))))
                      .toList())));
    }
  }

  void checkFormulas(IndicatorNode root) {
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
                        + MethodologySettings.hint(ref, known(leaves)));
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
                    + MethodologySettings.hint(leaf.denominator(), known(leaves)));
      }
    }
    // formulas may use other indicators: those references must not go round in a circle
    Map<String, Integer> state = new HashMap<>();
    for (IndicatorNode leaf : leaves.values()) {
      visit(leaf.code(), leaves, state, new ArrayList<>());
    }
  }

  void visit(
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

  List<String> known(Map<String, IndicatorNode> leaves) {
    List<String> k = new ArrayList<>(inputs);
    k.addAll(leaves.keySet());
    return k;
  }

  void collectLeaves(IndicatorNode n, Map<String, IndicatorNode> out) {
    if (n.isLeaf()) {
      out.put(n.code(), n);
    }
    n.children().forEach(c -> collectLeaves(c, out));
  }
}
