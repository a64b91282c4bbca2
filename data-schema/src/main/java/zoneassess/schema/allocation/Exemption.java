package zoneassess.schema.allocation;

/**
 * A group of firms a policy treats specially (专精特新, 高新技术企业, new production): the first matching
 * exemption of the file applies.
 *
 * @param code snake_case identifier written to the mart
 * @param nameZh what the mart and packs show
 * @param condition which firms it covers
 * @param value the level (national / provincial) for {@code SPECIALISED}, the years for {@code
 *     PRODUCTION_YEARS_BELOW}; null otherwise
 * @param surchargeFactor multiplies every differentiated-price surcharge (0 = exempt, 0.5 = half)
 * @param guaranteed 应保尽保: land and energy guaranteed, served before shares
 */
public record Exemption(
    String code,
    String nameZh,
    Condition condition,
    String value,
    double surchargeFactor,
    boolean guaranteed) {

  /** Firm attributes an exemption can test. */
  public enum Condition {
    /** {@code specialised_level} equals the value (national / provincial). */
    SPECIALISED,
    /** {@code high_tech} is true. */
    HIGH_TECH,
    /** {@code year − production_start_year} below the value. */
    PRODUCTION_YEARS_BELOW;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
