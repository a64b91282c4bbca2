package zoneassess.schema.units;

import java.util.List;
import java.util.Objects;

/**
 * A unit of measure in a family of convertible units. {@code factorToBase} multiplies a value in
 * this unit to give the value in the family's base unit.
 *
 * @param symbol canonical symbol as written in inputs and outputs (e.g. 万元)
 * @param family family name; only units of the same family convert into each other
 * @param factorToBase multiplier to the family's base unit
 * @param spellings other accepted spellings of the same unit (e.g. "10k CNY")
 */
public record Unit(String symbol, String family, double factorToBase, List<String> spellings) {
  public Unit {
    Objects.requireNonNull(symbol);
    Objects.requireNonNull(family);
    spellings = List.copyOf(spellings);
    if (!(factorToBase > 0)) {
      throw new IllegalArgumentException("factor must be positive: " + symbol);
    }
  }
}
