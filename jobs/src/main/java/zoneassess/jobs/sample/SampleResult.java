package zoneassess.jobs.sample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link SampleProvince#generate} wrote.
 *
 * @param outUri the output folder
 * @param spec seed and scale
 * @param files dataset name → file name inside the folder
 * @param rows dataset name → data rows written (planted rows included)
 * @param planted the planted bad (or deliberately odd but valid) rows, with exact counts
 * @param notes other deliberate features (gaps, convertible units, a new zone …)
 */
public record SampleResult(
    String outUri,
    SampleSpec spec,
    Map<String, String> files,
    Map<String, Long> rows,
    List<PlantedDefect> planted,
    List<String> notes) {
  public SampleResult {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    planted = List.copyOf(planted);
    notes = List.copyOf(notes);
  }

  /** Planted rows of one dataset that should be rejected (valid oddities excluded). */
  public long rejectedRows(String dataset) {
    return planted.stream()
        .filter(p -> p.dataset().equals(dataset) && !p.rule().startsWith("valid_"))
        .mapToLong(PlantedDefect::rows)
        .sum();
  }
}
