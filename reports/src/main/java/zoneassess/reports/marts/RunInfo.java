package zoneassess.reports.marts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What the packs say about the run itself: its id, its timestamp (the document date of every
 * workbook — never the render time), the methodology, whether the data are synthetic, and the
 * validation counts. Read leniently from {@code manifest.json} and {@code validation/report.json}:
 * a missing file or key leaves the field empty.
 *
 * @param runId run id (the manifest's, else the run folder's name)
 * @param timestamp when the run was made, if known
 * @param methodology methodology id and version as the manifest states it, may be null
 * @param synthetic true when the manifest says the inputs came from the sample generator
 * @param manifestFacts scalar facts of the manifest worth printing (key → value), in file order
 * @param validationCounts numeric leaves of the validation report (path → value), in file order
 */
public record RunInfo(
    String runId,
    Optional<Instant> timestamp,
    String methodology,
    boolean synthetic,
    List<Map.Entry<String, String>> manifestFacts,
    List<Map.Entry<String, String>> validationCounts) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> ID_KEYS = List.of("run_id", "runId", "id");
  private static final List<String> TIME_KEYS =
      List.of(
          "run_timestamp",
          "timestamp",
          "started",
          "started_at",
          "startedAt",
          "created_at",
          "createdAt",
          "finished_at",
          "finishedAt");

  public static RunInfo read(String runDirUri) {
    Path runDir = new Path(runDirUri);
    JsonNode manifest = readJson(new Path(runDir, "manifest.json"));
    JsonNode validation = readJson(new Path(runDir, "validation/report.json"));
    String runId = firstText(manifest, ID_KEYS).orElse(runDir.getName());
    Optional<Instant> ts = firstText(manifest, TIME_KEYS).flatMap(RunInfo::parseInstant);
    if (ts.isEmpty()) {
      ts = parseInstantFromId(runId);
    }
    String methodology = methodology(manifest);
    boolean synthetic = isSynthetic(manifest);
    List<Map.Entry<String, String>> facts = new ArrayList<>();
    if (manifest != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = manifest.fields(); it.hasNext(); ) {
        var e = it.next();
        if (e.getValue().isValueNode()) {
          facts.add(Map.entry(e.getKey(), e.getValue().asText()));
        }
      }
    }
    List<Map.Entry<String, String>> counts = new ArrayList<>();
    if (validation != null) {
      numericLeaves("", validation, counts);
    }
    return new RunInfo(runId, ts, methodology, synthetic, facts, counts);
  }

  /** Run timestamp shown to people, UTC, or "未记录". */
  public String timestampText() {
    return timestamp
        .map(
            t ->
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                    .format(t.atOffset(ZoneOffset.UTC)))
        .orElse("未记录");
  }

  private static JsonNode readJson(Path p) {
    try {
      FileSystem fs = p.getFileSystem(new Configuration());
      if (!fs.exists(p)) {
        return null;
      }
      try (InputStream in = fs.open(p)) {
        return JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  private static Optional<String> firstText(JsonNode node, List<String> keys) {
    if (node == null) {
      return Optional.empty();
    }
    for (String k : keys) {
      JsonNode v = node.get(k);
      if (v != null && v.isValueNode() && !v.asText().isBlank()) {
        return Optional.of(v.asText());
      }
    }
    return Optional.empty();
  }

  static Optional<Instant> parseInstant(String text) {
    try {
      return Optional.of(Instant.parse(text));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** Run ids such as {@code 20261128T011500Z} or {@code 20261128-011500-…} carry their time. */
  public static Optional<Instant> parseInstantFromId(String runId) {
    var m = java.util.regex.Pattern.compile("(\\d{8})[T-]?(\\d{6})").matcher(runId);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      LocalDateTime t =
          LocalDateTime.parse(
              m.group(1) + m.group(2), DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT));
      return Optional.of(t.toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static String methodology(JsonNode manifest) {
    if (manifest == null) {
      return null;
    }
    JsonNode m = manifest.get("methodology");
    if (m == null) {
      return firstText(manifest, List.of("methodology_id", "methodologyId")).orElse(null);
    }
    if (m.isValueNode()) {
      return m.asText();
    }
    String id = firstText(m, List.of("id", "methodology_id", "name")).orElse("");
    String version = firstText(m, List.of("version", "methodology_version")).orElse("");
    return (id + " " + version).trim();
  }

  private static boolean isSynthetic(JsonNode manifest) {
    if (manifest == null) {
      return false;
    }
    JsonNode s = manifest.findValue("synthetic");
    if (s != null) {
      return s.asBoolean(false);
    }
    JsonNode src = manifest.findValue("generator");
    return src != null && !src.isNull();
  }

  private static void numericLeaves(
      String prefix, JsonNode node, List<Map.Entry<String, String>> out) {
    if (node.isNumber()) {
      out.add(Map.entry(prefix, node.asText()));
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        var e = it.next();
        numericLeaves(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode el = node.get(i);
        String label = i + "";
        for (String k : List.of("dataset", "name", "id")) {
          if (el.has(k) && el.get(k).isValueNode()) {
            label = el.get(k).asText();
            break;
          }
        }
        numericLeaves(prefix.isEmpty() ? label : prefix + "." + label, el, out);
      }
    }
  }
}
