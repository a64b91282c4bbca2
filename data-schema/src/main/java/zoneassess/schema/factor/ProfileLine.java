package zoneassess.schema.factor;

/**
 * One consumption line of a typical-firm profile.
 *
 * @param factorCode factor of the catalogue
 * @param subcategory sub-category whose price applies
 * @param quantity annual quantity in the factor's {@code quantity_unit}; 0 for a wage-bill line
 * @param amortiseYears the cost is spread over this many years (land purchase); 1 otherwise
 * @param wageBillBasis true when the cost is the price (a rate in %) applied to the profile's wage
 *     cost at the same location
 * @param note the assumption behind the quantity
 * @param line line in the profile file, for messages
 */
public record ProfileLine(
    String factorCode,
    String subcategory,
    double quantity,
    double amortiseYears,
    boolean wageBillBasis,
    String note,
    int line) {}
