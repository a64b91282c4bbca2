package zoneassess.jobs.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.routine.RoutineRules;
import zoneassess.schema.routine.RoutineRulesLoader;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

/** 平时 30 % / 年度 70 % on three zones, computed by hand. */
class RoutineWeightingTest extends SparkTestBase {
  private static final StructType SCHEMA =
      StructType.fromDDL(
          "zone_code STRING, zone_name STRING, city STRING, level STRING, period STRING,"
              + " eligible BOOLEAN, final_score DOUBLE, rank_all INT");

  private static Row a(String zone, String period, boolean eligible, Double score, Integer rank) {
    return RowFactory.create(zone, zone, "淮安市", "provincial", period, eligible, score, rank);
  }

  private Map<String, Row> weigh(RoutineRules.AnnualWeighting w) {
    Dataset<Row> annual =
        spark.createDataFrame(
            List.of(
                a("Z1", "2024", true, 80.0, 1),
                a("Z2", "2024", true, 70.0, 2),
                a("Z3", "2024", true, 60.0, 3),
                a("Z4", "2024", false, 75.0, null)),
            SCHEMA);
    List<Row> q = new ArrayList<>();
    double[] z1 = {60, 62, 64, 66};
    double[] z2 = {90, 88, 86, 84};
    for (int i = 0; i < 4; i++) {
      q.add(a("Z1", "2024Q" + (i + 1), true, z1[i], null));
      q.add(a("Z2", "2024Q" + (i + 1), true, z2[i], null));
      q.add(a("Z4", "2024Q" + (i + 1), true, 99.0, null));
      if (i < 3) {
        q.add(a("Z3", "2024Q" + (i + 1), true, 70.0, null)); // only three quarters
      }
    }
    q.add(a("Z1", "2025Q1", true, 10.0, null)); // another year: not in 2024's mean
    Dataset<Row> routine = spark.createDataFrame(q, SCHEMA);
    Map<String, Row> out = new TreeMap<>();
    for (Row r : RoutineWeighting.apply(annual, routine, w, 2, 12).collectAsList()) {
      out.put(r.getAs("zone_code"), r);
    }
    return out;
  }

  @Test
  void thirtySeventyByHand() {
    Map<String, Row> r = weigh(new RoutineRules.AnnualWeighting(30, 70, 4));
    // Z1: routine mean (60 + 62 + 64 + 66) ÷ 4 = 63; 0.3 × 63 + 0.7 × 80 = 18.9 + 56 = 74.9
    assertEquals(63.0, r.get("Z1").<Double>getAs("routine_score"), 1e-12);
    assertEquals(4, (int) r.get("Z1").<Integer>getAs("routine_periods"));
    assertEquals(74.9, r.get("Z1").<Double>getAs("weighted_score"), 1e-12);
    // Z2: mean (90 + 88 + 86 + 84) ÷ 4 = 87; 0.3 × 87 + 0.7 × 70 = 26.1 + 49 = 75.1 → first
    assertEquals(75.1, r.get("Z2").<Double>getAs("weighted_score"), 1e-12);
    assertEquals(1, (int) r.get("Z2").<Integer>getAs("weighted_rank_all"));
    assertEquals(2, (int) r.get("Z1").<Integer>getAs("weighted_rank_all"));
    // Z3: three quarters < min_periods 4 → the annual 60 alone, third
    assertEquals(60.0, r.get("Z3").<Double>getAs("weighted_score"), 1e-12);
    assertEquals(3, (int) r.get("Z3").<Integer>getAs("weighted_rank_all"));
    // Z4 vetoed in the annual assessment: weighted (0.3 × 99 + 0.7 × 75 = 82.2) but unranked
    assertEquals(82.2, r.get("Z4").<Double>getAs("weighted_score"), 1e-12);
    assertNull(r.get("Z4").getAs("weighted_rank_all"));
    assertEquals(30.0, r.get("Z1").<Double>getAs("routine_share"));
  }

  @Test
  void rulesFileSharesMustAddUpTo100() {
    String ok = "routine:\n  annual_weighting: {routine: 30, annual: 70}\n";
    RoutineRules rules = RoutineRulesLoader.parse(YamlDoc.parse("r.yaml", ok));
    assertEquals(30.0, rules.weighting().routineShare());
    assertEquals(4, rules.weighting().minPeriods());
    SpecException e =
        assertThrows(
            SpecException.class,
            () ->
                RoutineRulesLoader.parse(
                    YamlDoc.parse(
                        "r.yaml", "routine:\n  annual_weighting: {routine: 30, annual: 60}\n")));
    assertTrue(e.getMessage().contains("r.yaml:2:"), e.getMessage());
    assertTrue(e.getMessage().contains("add up to 100"), e.getMessage());
  }
}
