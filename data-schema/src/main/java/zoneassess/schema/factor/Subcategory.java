package zoneassess.schema.factor;

import java.util.List;

/**
 * One sub-category of a factor, e.g. {@code two_part|1_10kv|peak} of electricity.
 *
 * @param code code as written in {@code factor_costs.subcategory}
 * @param nameZh Chinese label
 * @param sumOf for a derived sub-category, the reported sub-categories whose sum it is (empty for a
 *     reported one); it exists at a location and period only where all of them exist there
 */
public record Subcategory(String code, String nameZh, List<String> sumOf) {
  public Subcategory {
    sumOf = List.copyOf(sumOf);
  }

  public boolean derived() {
    return !sumOf.isEmpty();
  }
}
