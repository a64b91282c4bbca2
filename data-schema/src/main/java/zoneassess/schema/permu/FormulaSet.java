package zoneassess.schema.permu;

import java.util.List;

/**
 * The items that score firms of one scale (above / below designated size).
 *
 * @param scale {@code above} or {@code below}
 * @param items scored items in order
 */
public record FormulaSet(String scale, List<ScoreItem> items) {
  public FormulaSet {
    items = List.copyOf(items);
  }

  public double totalWeight() {
    return items.stream().mapToDouble(ScoreItem::weight).sum();
  }
}
