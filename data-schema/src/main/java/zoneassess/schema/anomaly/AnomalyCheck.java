package zoneassess.schema.anomaly;

import java.util.List;

/**
 * One input anomaly check of a dataset (docs/input-anomalies.md).
 *
 * @param id the check's id, unique in its dataset (reported as rule_id)
 * @param rule change, robust_z, ytd_decrease, repeated, round_number or part_exceeds_whole
 * @param severity warning (reported, the run goes on) or error (the run stops, exit 3)
 * @param indicators the indicator codes checked; empty = every indicator
 * @param threshold change: the largest ratio either way; robust_z: the largest |z|
 * @param periods repeated: how many periods in a row with the same value
 * @param multiple round_number: the value is a whole multiple of this
 * @param minValue change: smallest previous value compared; round_number: smallest |value|;
 *     robust_z: smallest group size
 * @param wholes part_exceeds_whole: the whole of each part, in the order of {@code indicators}
 */
public record AnomalyCheck(
    String id,
    String rule,
    String severity,
    List<String> indicators,
    double threshold,
    int periods,
    double multiple,
    double minValue,
    List<String> wholes) {
  public static final List<String> RULES =
      List.of(
          "change", "robust_z", "ytd_decrease", "repeated", "round_number", "part_exceeds_whole");

  public AnomalyCheck {
    indicators = List.copyOf(indicators);
    wholes = List.copyOf(wholes);
  }

  public boolean isError() {
    return severity.equals("error");
  }
}
