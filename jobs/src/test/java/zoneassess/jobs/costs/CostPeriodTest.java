package zoneassess.jobs.costs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CostPeriodTest {
  @Test
  void yearQuarterMonthAndLatest() {
    assertEquals(new CostPeriod("2025", "year", "2025-12"), CostPeriod.parse("2025", null));
    assertEquals(new CostPeriod("2025Q3", "quarter", "2025-09"), CostPeriod.parse("2025Q3", null));
    assertEquals(new CostPeriod("2025-06", "month", "2025-06"), CostPeriod.parse("2025-06", null));
    assertEquals(
        new CostPeriod("2025-11", "month", "2025-11"), CostPeriod.parse("latest", "2025-11"));
    // a year is complete only when the period reaches December.
    assertEquals(2025, CostPeriod.parse("2025Q4", null).lastCompleteYear());
    assertEquals(2024, CostPeriod.parse("2025Q3", null).lastCompleteYear());
  }

  @Test
  void malformedPeriodIsAUsageError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CostPeriod.parse("2025Q5", null));
    assertTrue(e.getMessage().contains("period '2025Q5' is not yyyy, yyyyQn, yyyy-MM or 'latest'"));
  }
}
