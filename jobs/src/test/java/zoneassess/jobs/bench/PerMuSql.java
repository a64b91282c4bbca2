package zoneassess.jobs.bench;

/**
 * The per-mu aggregation and the zone ranking as plain SQL, run unchanged by Spark and by DuckDB on
 * the same staged Parquet, so the comparison is of engines, not of two implementations.
 *
 * <p>The aggregation is the zone total of {@code permu_zone}: every firm-year located in a zone,
 * land summed, and pooled ratios Σ numerator ÷ Σ land of the firms that report the numerator. The
 * ranking is the competition rank of zones within each year by pooled tax per mu (1 = highest).
 */
final class PerMuSql {
  private PerMuSql() {}

  static final String SOURCE = "staged_enterprises";

  static final String AGGREGATION =
      """
      SELECT zone_code, year,
             count(*) AS enterprises,
             sum(land_area_mu) AS land_mu,
             sum(tax_paid_10k)
               / sum(CASE WHEN tax_paid_10k IS NOT NULL THEN land_area_mu END) AS tax_per_mu,
             sum(value_added_10k)
               / sum(CASE WHEN value_added_10k IS NOT NULL THEN land_area_mu END) AS value_added_per_mu,
             sum(revenue_10k)
               / sum(CASE WHEN revenue_10k IS NOT NULL THEN land_area_mu END) AS revenue_per_mu
      FROM staged_enterprises
      WHERE zone_code IS NOT NULL
      GROUP BY zone_code, year
      """;

  static final String RANKING =
      """
      SELECT year, zone_code, tax_per_mu,
             rank() OVER (PARTITION BY year ORDER BY tax_per_mu DESC) AS zone_rank
      FROM (%s) per_mu
      WHERE tax_per_mu IS NOT NULL
      ORDER BY year, zone_rank, zone_code
      """
          .formatted(AGGREGATION);

  static final String AGGREGATION_SORTED = AGGREGATION + " ORDER BY zone_code, year";
}
