package zoneassess.schema.factor;

import java.util.List;
import java.util.Optional;

/**
 * A production factor whose price is benchmarked (electricity, water, land, labour …). Direction is
 * always "lower is cheaper".
 *
 * @param code factor code as written in {@code factor_costs.factor_code}
 * @param nameZh Chinese name
 * @param nameEn English name
 * @param unit catalogue unit; reported values in another unit of the same family are converted
 * @param reportedAt levels that report their own price (city / county / zone)
 * @param compareLevels levels at which locations are benchmarked against each other; each level
 *     forms its own distribution (like with like)
 * @param carry rule that carries monthly prices to quarters and years
 * @param quantityUnit unit of the quantity a typical-firm profile states for this factor
 * @param costToYuan multiplier so that price × quantity × costToYuan is in 元
 * @param costBasis {@code quantity} (the profile states a quantity) or {@code wage_bill} (a rate
 *     applied to the profile's wage cost at the same location)
 * @param subcategories reported and derived sub-categories
 * @param comparability how sub-categories may be compared, in words, for the docs and packs
 */
public record Factor(
    String code,
    String nameZh,
    String nameEn,
    String unit,
    List<String> reportedAt,
    List<String> compareLevels,
    CarryRule carry,
    String quantityUnit,
    double costToYuan,
    String costBasis,
    List<Subcategory> subcategories,
    String comparability) {

  public static final String BASIS_QUANTITY = "quantity";
  public static final String BASIS_WAGE_BILL = "wage_bill";

  public Factor {
    reportedAt = List.copyOf(reportedAt);
    compareLevels = List.copyOf(compareLevels);
    subcategories = List.copyOf(subcategories);
  }

  public Optional<Subcategory> subcategory(String subcategoryCode) {
    return subcategories.stream().filter(s -> s.code().equals(subcategoryCode)).findFirst();
  }

  public List<String> subcategoryCodes() {
    return subcategories.stream().map(Subcategory::code).toList();
  }

  /** Direction of every factor: a lower price is cheaper, hence better for a firm. */
  public String direction() {
    return "lower";
  }
}
