package zoneassess.reports.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The anomaly lines of the 说明 annex name checks, zones and indicators as a leader reads them. */
class InputAnomalyNotesTest {
  private static final Map<String, String> ZONES = Map.of("320900P08", "盐城高新区");

  @Test
  void namesTheCheckTheZoneAndBothIndicatorsOfAPartOverItsWhole() {
    // The anomaly stage's message for a part larger than its whole, as the sample's planted case.
    String message = "320900P08 hightech_trade 2024：5.27 大于其总量 trade_total（4.39），占比 120.0%";
    assertEquals(
        "分项超过总量：盐城高新区（320900P08） · 高新技术产品进出口额 2024：5.27 大于其总量 进出口总额（4.39），占比 120.0%",
        InputAnomalyNotes.readable(
            "part_exceeds_whole", "320900P08", "hightech_trade", message, ZONES));
  }

  @Test
  void anUnknownZoneOrIndicatorKeepsItsCode() {
    assertEquals(
        "连续不变：320800P03 · no_such_indicator 2024：45.71 与 2021 起连续 4 期相同",
        InputAnomalyNotes.readable(
            "repeated",
            "320800P03",
            "no_such_indicator",
            "320800P03 no_such_indicator 2024：45.71 与 2021 起连续 4 期相同",
            ZONES));
  }
}
