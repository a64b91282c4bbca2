package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;

class ProjectFunnelTest extends SparkTestBase {
  @Test
  void eachProjectCountsInItsHighestTierByTheYearOfEachDate() {
    Map<String, Row> r =
        Frames.byKey(
            ProjectFunnel.build(ZoneFactsTest.projects(spark)), "zone_code", "year", "tier");
    // Z1 2025: P1 (60亿) started and producing -> only "50亿以上"; P2 (5亿) signed and started ->
    // "1亿以上"; P3 (120亿) met targets -> "100亿以上".
    Row fifty = r.get("Z1|2025|50亿以上");
    assertEquals(0L, (long) fifty.getAs("signed")); // P1 was signed in 2024
    assertEquals(1L, (long) fifty.getAs("started"));
    assertEquals(1L, (long) fifty.getAs("producing"));
    assertEquals(60.0, fifty.<Double>getAs("investment_started_100m"), 1e-9);
    Row ten = r.get("Z1|2025|10亿以上");
    assertEquals(0L, (long) ten.getAs("started"), "the 60亿 project is not in the 10亿 tier");
    assertEquals(0.0, ten.<Double>getAs("investment_started_100m"), 1e-9);
    assertEquals(1L, (long) r.get("Z1|2025|1亿以上").getAs("signed"));
    assertEquals(1L, (long) r.get("Z1|2025|100亿以上").getAs("target_met"));
    // 合计 Z1 2025: signed 1 (P2), started 2 (P1, P2), producing 1 (P1), target_met 1 (P3); 60 + 5
    Row total = r.get("Z1|2025|合计");
    assertEquals(1L, (long) total.getAs("signed"));
    assertEquals(2L, (long) total.getAs("started"));
    assertEquals(1L, (long) total.getAs("producing"));
    assertEquals(1L, (long) total.getAs("target_met"));
    assertEquals(65.0, total.<Double>getAs("investment_started_100m"), 1e-9);
    // Z1 2024: P1 signed (50亿以上), P3 started and producing (100亿以上)
    assertEquals(1L, (long) r.get("Z1|2024|50亿以上").getAs("signed"));
    assertEquals(120.0, r.get("Z1|2024|100亿以上").<Double>getAs("investment_started_100m"), 1e-9);
    // Z2 2025: the 0.5亿 project is outside every tier; P5 (10亿) signed -> "10亿以上"
    assertEquals(1L, (long) r.get("Z2|2025|合计").getAs("signed"));
    assertEquals(0L, (long) r.get("Z2|2025|合计").getAs("started"));
    // 2023 (P3 signed) has all four tiers and the total: 5 rows
    assertEquals(1L, (long) r.get("Z1|2023|100亿以上").getAs("signed"));
    assertEquals(0L, (long) r.get("Z1|2023|1亿以上").getAs("signed"));
    assertNull(r.get("Z2|2024|合计"), "no activity, no row");
    // rows: Z1 2023, 2024, 2025 and Z2 2025 -> 4 zone-years × 5
    assertEquals(20, r.size());
  }
}
