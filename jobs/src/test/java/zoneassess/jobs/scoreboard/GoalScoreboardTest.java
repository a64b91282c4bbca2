package zoneassess.jobs.scoreboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.marts.ScoreboardMarts;
import zoneassess.schema.scoreboard.Scoreboard;
import zoneassess.schema.scoreboard.ScoreboardLoader;
import zoneassess.schema.yaml.YamlDoc;

class GoalScoreboardTest extends SparkTestBase {
  private static final Scoreboard BOARD =
      ScoreboardLoader.parse(
          YamlDoc.parse(
              "board.yaml",
              """
              id: test-board
              goals:
                - code: momentum
                  name_zh: 产业发展动力增强
                  kind: 增强
                  met_when: all
                  measures:
                    - {measure: growth, indicator: fixed_asset_investment, target: 5%}
                    - {measure: value, indicator: projects_started_1e8, target: 2}
                - code: ranking
                  name_zh: 综合排名进位
                  kind: 提升
                  measures:
                    - {measure: delta_rank, target: 1}
                - code: strength
                  name_zh: 产业实力提升
                  kind: 提升
                  met_when: any
                  measures:
                    - {measure: growth, indicator: industrial_output, target: 8%}
                    - {measure: growth, indicator: industrial_value_added, target: 7%}
              """));

  /**
   * Z1: investment 100 → 106 (+6 % ≥ 5 %), 2 projects (≥ 2) → 动力 met; Δrank +3 → 进位 met; output +5
   * % (< 8 %) but value added +10 % (≥ 7 %) → 实力 met (any). Z2: investment +4 % (< 5 %) with 3
   * projects → 动力 not met (all); Δrank −1 → not met; output not reported in 2025 (无数据), value added
   * +6 % (< 7 %) → 实力 not met. 2024 has no 2023 values: growth 无数据.
   */
  private static Map<String, Row> board() {
    StructType facts =
        StructType.fromDDL(
            "zone_code string, period string, zone_name string, city string,"
                + " fixed_asset_investment double, projects_started_1e8 long,"
                + " industrial_output double, industrial_value_added double");
    Dataset<Row> f =
        spark.createDataFrame(
            List.of(
                RowFactory.create("Z1", "2024", "一区", "淮安市", 100.0, 1L, 100.0, 100.0),
                RowFactory.create("Z1", "2025", "一区", "淮安市", 106.0, 2L, 105.0, 110.0),
                RowFactory.create("Z2", "2024", "二区", "淮安市", 100.0, 0L, 100.0, 100.0),
                RowFactory.create("Z2", "2025", "二区", "淮安市", 104.0, 3L, null, 106.0),
                RowFactory.create("Z2", "2025Q3", "二区", "淮安市", 50.0, 1L, 60.0, 70.0)),
            facts);
    Dataset<Row> a =
        spark.createDataFrame(
            List.of(
                RowFactory.create("Z1", "2025", 3),
                RowFactory.create("Z2", "2025", -1),
                RowFactory.create("Z1", "2024", null)),
            StructType.fromDDL("zone_code string, period string, delta_rank int"));
    Dataset<Row> out = GoalScoreboard.apply(f, a, BOARD);
    assertEquals(ScoreboardMarts.SCOREBOARD.columnNames(), List.of(out.columns()));
    Map<String, Row> rows = new HashMap<>();
    for (Row r : out.collectAsList()) {
      rows.put(
          r.getAs("zone_code")
              + "|"
              + r.getAs("period")
              + "|"
              + r.getAs("measure")
              + "|"
              + r.getAs("indicator"),
          r);
    }
    return rows;
  }

  @Test
  void measuresTargetsAndGoals() {
    Map<String, Row> r = board();
    // 2 zones × 2 annual periods × 5 measures; the quarter is not measured.
    assertEquals(20, r.size());
    Row fai = r.get("Z1|2025|growth|fixed_asset_investment");
    assertEquals(0.06, fai.<Double>getAs("value"), 1e-12);
    assertTrue(fai.<Boolean>getAs("met"));
    assertTrue(fai.<Boolean>getAs("goal_met"));
    assertEquals("固定资产投资增速 6.00%，目标 5.00%，达标", fai.getAs("note_zh"));
    assertTrue(r.get("Z1|2025|delta_rank|null").<Boolean>getAs("goal_met"));
    Row output = r.get("Z1|2025|growth|industrial_output");
    assertFalse(output.<Boolean>getAs("met"));
    assertTrue(output.<Boolean>getAs("goal_met"), "any: value added +10 % meets it");

    Row z2fai = r.get("Z2|2025|growth|fixed_asset_investment");
    assertFalse(z2fai.<Boolean>getAs("met"));
    assertTrue(r.get("Z2|2025|value|projects_started_1e8").<Boolean>getAs("met"));
    assertFalse(z2fai.<Boolean>getAs("goal_met"), "all: the investment growth is missed");
    assertFalse(r.get("Z2|2025|delta_rank|null").<Boolean>getAs("met"));
    Row missing = r.get("Z2|2025|growth|industrial_output");
    assertNull(missing.getAs("value"));
    assertNull(missing.getAs("met"));
    assertEquals("无数据", missing.getAs("status_zh"));
    assertFalse(missing.<Boolean>getAs("goal_met"));
    assertEquals("无数据", r.get("Z1|2024|growth|fixed_asset_investment").getAs("status_zh"));
  }
}
