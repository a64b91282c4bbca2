package zoneassess.schema.permu;

import java.util.Objects;

/**
 * An indicator a scheme scores: {@code numerator ÷ denominator × factor}, both enterprise columns
 * (see {@code Datasets.ENTERPRISES}). Not computable (null) when either column is blank or the
 * denominator is not positive.
 *
 * @param code snake_case code, unique in the scheme
 * @param nameZh Chinese name shown in packs
 * @param unit unit of the ratio after the factor, e.g. 万元/亩
 * @param numerator enterprise column
 * @param denominator enterprise column
 * @param factor unit factor applied to the ratio (1 when the columns' units already give the unit)
 */
public record RatioIndicator(
    String code, String nameZh, String unit, String numerator, String denominator, double factor) {
  public RatioIndicator {
    Objects.requireNonNull(code);
    Objects.requireNonNull(numerator);
    Objects.requireNonNull(denominator);
  }
}
