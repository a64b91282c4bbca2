package zoneassess.jobs.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

/**
 * The large sample reaches five million enterprise-years: the generator's own start-year rule,
 * evaluated for all 1,150,000 firms of the large scale (only the start year, not the whole panel).
 */
class PanelSizeTest extends SparkTestBase {
  @Test
  void largeScaleReachesFiveMillionEnterpriseYears() {
    long n = SampleScale.LARGE.enterprises();
    long years =
        spark
            .range(0, n)
            .selectExpr(EnterprisePanel.productionStartYear(42, n) + " as start")
            .selectExpr(
                "sum("
                    + (EnterprisePanel.LAST_YEAR + 1)
                    + " - greatest("
                    + EnterprisePanel.FIRST_YEAR
                    + ", start)) as years")
            .first()
            .getLong(0);
    // A firm appears from max(2021, start) to 2025. 3 % start in 2023–2025 (3, 2 or 1 years: 2 on
    // average), the other 97 % start uniformly in 1995–2022 and 1 in 28 of them (2022) has 4 years:
    // 1,150,000 × (5 − 0.03 × 3 − 0.97 / 28) = 1,150,000 × 4.87536 = 5,606,661 expected; the
    // spread of the sum is about ±600, so ±11,000 (0.2 %) only fails when the rule changes.
    assertEquals(5_606_661, years, 11_000);
    assertTrue(years >= 5_000_000, years + " enterprise-years");
  }
}
