package zoneassess.schema.permu;

import java.util.Locale;

/**
 * A rule that puts a firm outside the evaluation (class T) with a reason. Rules are tried in file
 * order; the first that matches gives the reason.
 *
 * @param reason code written to {@code t_reason}, e.g. {@code utility}
 * @param condition what is tested
 * @param value threshold of the condition (years or mu), null for {@code UTILITY}
 * @param scale only firms of this scale ({@code above} / {@code below}); null = all firms
 */
public record ScopeRule(String reason, Condition condition, Double value, String scale) {

  /** What a scope rule tests. */
  public enum Condition {
    /** The firm is a water, power or gas supplier ({@code utility} is true). */
    UTILITY,
    /**
     * In production for fewer than {@code value} years: {@code year − production_start_year <
     * value}. A blank start year never matches.
     */
    PRODUCTION_YEARS_BELOW,
    /** Uses less than {@code value} mu of land. */
    LAND_BELOW;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
