package zoneassess.jobs.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a stage reports back: published outputs (name → URI), row counts, and the lines it wants in
 * the run summary. Immutable.
 */
public record StageResult(
    String stage, Map<String, String> outputs, Map<String, Long> counts, List<String> summary) {
  public StageResult {
    outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    counts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(counts));
    summary = List.copyOf(summary);
  }
}
