package zoneassess.jobs.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import zoneassess.schema.digest.Sha256;

/**
 * Run ids: {@code yyyyMMdd'T'HHmmss'Z'-<8 hex>}, the UTC start time and the first 8 hex digits of
 * the SHA-256 over the sorted input hashes and the sorted parameters. The time lives only in the id
 * and the manifest, never in data; the suffix tells runs over the same inputs apart from others.
 */
public final class RunIds {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private RunIds() {}

  public static String create(Instant start, List<String> inputHashes, Map<String, String> params) {
    return STAMP.format(start) + "-" + fingerprint(inputHashes, params).substring(0, 8);
  }

  /** SHA-256 (hex) over the sorted input hashes, then the parameters sorted by name. */
  public static String fingerprint(List<String> inputHashes, Map<String, String> params) {
    StringBuilder text = new StringBuilder();
    inputHashes.stream().sorted().forEach(h -> text.append("input ").append(h).append('\n'));
    new TreeMap<>(params)
        .forEach((k, v) -> text.append("param ").append(k).append('=').append(v).append('\n'));
    return Sha256.hex(text.toString());
  }
}
