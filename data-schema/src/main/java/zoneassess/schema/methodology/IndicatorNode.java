package zoneassess.schema.methodology;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A node of the indicator tree: a leaf indicator, or an aggregate (dimension, sub-index, the index
 * itself) that combines its children. Settings that a node does not use are null.
 *
 * @param code unique code; also the column name in every stage's output
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param unit unit of the raw value (leaves)
 * @param description free text
 * @param direction higher or lower is better (leaves; aggregates are always HIGHER)
 * @param weight weight within the parent (relative unless the methodology says they sum to a total)
 * @param weightsByGroup weights per value of the parent's {@code weights_by} column; empty when the
 *     weight does not vary
 * @param weightsBy for an aggregate: the column whose value selects the children's weight set
 * @param children child nodes in file order (empty for leaves)
 * @param column input column a leaf reads when it has no formula
 * @param formula derived-indicator formula (leaves), or null
 * @param formulaText the formula as written
 * @param denominator input column or indicator the raw value is divided by, or null
 * @param transform transform before normalisation (leaves)
 * @param normalisation effective normalisation (leaves)
 * @param outliers effective outlier treatment (leaves)
 * @param aggregation how an aggregate combines its children
 * @param line line of the node in the methodology file
 */
public record IndicatorNode(
    String code,
    String nameZh,
    String nameEn,
    String unit,
    String description,
    Direction direction,
    double weight,
    Map<String, Double> weightsByGroup,
    String weightsBy,
    List<IndicatorNode> children,
    String column,
    Expr formula,
    String formulaText,
    String denominator,
    Transform transform,
    Normalisation normalisation,
    OutlierTreatment outliers,
    Aggregation aggregation,
    int line) {

  public IndicatorNode {
    weightsByGroup = Map.copyOf(weightsByGroup);
    children = List.copyOf(children);
  }

  public boolean isLeaf() {
    return children.isEmpty();
  }

  /** The child with {@code code}, if any. */
  public Optional<IndicatorNode> child(String code) {
    return children.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The weight of this node for a unit whose weights-by value is {@code group} (null = fixed). */
  public double weightFor(String group) {
    if (group == null || weightsByGroup.isEmpty()) {
      return weight;
    }
    Double w = weightsByGroup.get(group);
    return w == null ? Double.NaN : w;
  }
}
