package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A composite-index methodology: the indicator tree and every choice needed to go from a wide table
 * of raw statistics to scores and ranks. Loaded from YAML by {@link MethodologyLoader}; documented
 * in docs/methodology.md.
 *
 * @param id short identifier, e.g. {@code jiangsu-2021}
 * @param version edition
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param description free text
 * @param root the index (the one aggregate without a parent)
 * @param rules path of a rules file (vetoes, deductions) that the assessment loads, or null
 * @param excludeRows conditions; a row matching any of them is left out entirely
 * @param inputs declared input columns that formulas and denominators may reference
 * @param missingData imputation
 * @param ranking rounding, ties and ranking groups
 * @param weightsSumTo the total that each set of sibling weights must reach (within 1e-9), or NaN
 *     when weights are relative
 * @param source file the methodology was read from
 */
public record Methodology(
    String id,
    String version,
    String nameZh,
    String nameEn,
    String description,
    IndicatorNode root,
    String rules,
    List<RowFilter> excludeRows,
    List<String> inputs,
    MissingData missingData,
    Ranking ranking,
    double weightsSumTo,
    String source) {

  public Methodology {
    excludeRows = List.copyOf(excludeRows);
    inputs = List.copyOf(inputs);
  }

  /** Leaf indicators, depth first in file order. */
  public List<IndicatorNode> leaves() {
    List<IndicatorNode> out = new ArrayList<>();
    walk(
        root,
        n -> {
          if (n.isLeaf()) {
            out.add(n);
          }
        });
    return out;
  }

  /**
   * Aggregates bottom-up: every aggregate comes after all aggregates below it; the root is last.
   */
  public List<IndicatorNode> aggregates() {
    List<IndicatorNode> out = new ArrayList<>();
    postOrder(root, out);
    return out;
  }

  /** Every node, parents before children. */
  public List<IndicatorNode> nodes() {
    List<IndicatorNode> out = new ArrayList<>();
    walk(root, out::add);
    return out;
  }

  public Optional<IndicatorNode> find(String code) {
    return nodes().stream().filter(n -> n.code().equals(code)).findFirst();
  }

  /** The parent of {@code code}, empty for the root or an unknown code. */
  public Optional<IndicatorNode> parentOf(String code) {
    return nodes().stream().filter(n -> n.child(code).isPresent()).findFirst();
  }

  /** Height of a node: 0 for leaves, 1 + the highest child otherwise. */
  public static int height(IndicatorNode n) {
    return n.isLeaf() ? 0 : 1 + n.children().stream().mapToInt(Methodology::height).max().orElse(0);
  }

  /** Code → node, parents first. */
  public Map<String, IndicatorNode> byCode() {
    Map<String, IndicatorNode> out = new LinkedHashMap<>();
    nodes().forEach(n -> out.put(n.code(), n));
    return out;
  }

  private static void walk(IndicatorNode n, java.util.function.Consumer<IndicatorNode> f) {
    f.accept(n);
    n.children().forEach(c -> walk(c, f));
  }

  private static void postOrder(IndicatorNode n, List<IndicatorNode> out) {
    if (n.isLeaf()) {
      return;
    }
    n.children().forEach(c -> postOrder(c, out));
    out.add(n);
  }
}
