package zoneassess.jobs.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import zoneassess.schema.yaml.YamlNode;

/**
 * The string parameters of one stage, checked against the names the stage knows: a misspelt key is
 * an error naming the stage, the key, the closest known name and all known names, never a silent
 * fallback to a default. Each stage turns them into its own typed {@code Params} record.
 */
public final class StageParams {
  private final String stage;
  private final Map<String, String> values;

  private StageParams(String stage, Map<String, String> values) {
    this.stage = stage;
    this.values = values;
  }

  /**
   * The parameters of {@code stage}.
   *
   * @throws IllegalArgumentException when a key is not one of {@code known}
   */
  public static StageParams of(String stage, Map<String, String> values, List<String> known) {
    for (String key : new TreeSet<>(values.keySet())) {
      if (!known.contains(key)) {
        String hint =
            YamlNode.closest(key, known).map(s -> "; did you mean '" + s + "'?").orElse("");
        throw new IllegalArgumentException(
            "stage "
                + stage
                + ": unknown parameter '"
                + key
                + "'"
                + hint
                + " (known: "
                + String.join(", ", Set.copyOf(known).stream().sorted().toList())
                + ")");
      }
    }
    return new StageParams(stage, values);
  }

  /** The value of {@code key}, or {@code fallback} when it is not given. */
  public String text(String key, String fallback) {
    String v = values.get(key);
    return v == null ? fallback : v;
  }

  /** The value of {@code key}, which must be given. */
  public String required(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new IllegalArgumentException("stage " + stage + ": missing parameter '" + key + "'");
    }
    return v;
  }

  /** The whole number {@code key} holds, or {@code fallback} when it is not given. */
  public int integer(String key, int fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "stage " + stage + ": parameter '" + key + "' must be a whole number, not '" + v + "'");
    }
  }
}
