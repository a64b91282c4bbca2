package zoneassess.schema.catalogue;

import java.util.Objects;

/**
 * A raw statistic that business systems report per zone and period (a row of {@code zone_stats}).
 * Derived indicators (ratios, per-area values, growth) are defined by methodologies over these.
 *
 * @param code snake_case code used in {@code zone_stats.indicator_code}
 * @param nameZh Chinese name as statisticians write it
 * @param nameEn English name
 * @param unit canonical unit; inputs in another unit of the same family are converted
 * @param flow true for flows that accumulate over the year (year-to-date figures grow month by
 *     month), false for stocks and rates
 * @param source business system that usually reports it
 */
public record RawIndicator(
    String code, String nameZh, String nameEn, String unit, boolean flow, String source) {
  public RawIndicator {
    Objects.requireNonNull(code);
    Objects.requireNonNull(unit);
  }
}
