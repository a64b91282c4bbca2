package zoneassess.jobs.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;

/**
 * Maps the headers of one input file to the canonical columns of its contract through the declared
 * name or any alias. Matching ignores surrounding and inner whitespace, ASCII case, a byte-order
 * mark and the difference between full-width and half-width brackets.
 */
public final class HeaderMatcher {
  private HeaderMatcher() {}

  /**
   * How one file's headers map to the contract.
   *
   * @param columnIndex canonical column → index of the header that supplies it (absent optional
   *     columns are missing from the map)
   * @param unknownHeaders headers that match no column (ignored)
   */
  public record HeaderMapping(Map<String, Integer> columnIndex, List<String> unknownHeaders) {
    public HeaderMapping {
      columnIndex = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnIndex));
      unknownHeaders = List.copyOf(unknownHeaders);
    }
  }

  /** Normal form of a header used for matching. */
  public static String normalise(String header) {
    if (header == null) {
      return "";
    }
    String s =
        header
            .replace("\uFEFF", "")
            .replace('（', '(')
            .replace('）', ')')
            .replace('【', '[')
            .replace('】', ']')
            .replaceAll("[\\s\\u00A0\\u3000]+", "");
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      out.append(c < 128 ? Character.toLowerCase(c) : c);
    }
    return out.toString();
  }

  /**
   * Matches {@code headers} of {@code file} against {@code contract}.
   *
   * @throws IngestException when a required column is missing or two headers supply one column
   */
  public static HeaderMapping match(List<String> headers, DatasetContract contract, String file) {
    Map<String, ColumnSpec> bySpelling = new LinkedHashMap<>();
    for (ColumnSpec c : contract.columns()) {
      for (String s : c.headerSpellings()) {
        bySpelling.putIfAbsent(normalise(s), c);
      }
    }
    Map<String, Integer> index = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < headers.size(); i++) {
      String h = headers.get(i);
      ColumnSpec c = bySpelling.get(normalise(h));
      if (c == null) {
        c = withUnit(normalise(h), bySpelling);
      }
      if (c == null) {
        if (!normalise(h).isEmpty()) {
          unknown.add(h);
        }
        continue;
      }
      Integer earlier = index.putIfAbsent(c.name(), i);
      if (earlier != null) {
        throw new IngestException(
            String.format(
                Locale.ROOT,
                "%s: column %s is given twice, by headers '%s' and '%s' / 列重复",
                file,
                c.name(),
                headers.get(earlier),
                h));
      }
    }
    for (ColumnSpec c : contract.requiredColumns()) {
      if (!index.containsKey(c.name())) {
        throw new IngestException(
            String.format(
                Locale.ROOT,
                "%s: required column %s (%s) is missing / 缺少必填列; accepted headers: %s;"
                    + " headers found: %s",
                file,
                c.name(),
                c.labelZh(),
                String.join(", ", c.headerSpellings()),
                String.join(", ", headers)));
      }
    }
    return new HeaderMapping(index, unknown);
  }

  /**
   * A header that names its column and, in brackets, the column's canonical unit ({@code 用地面积（亩）},
   * as the input templates write them); any other unit in brackets matches nothing.
   */
  private static ColumnSpec withUnit(String header, Map<String, ColumnSpec> bySpelling) {
    int open = header.lastIndexOf('(');
    if (open <= 0 || !header.endsWith(")")) {
      return null;
    }
    ColumnSpec c = bySpelling.get(header.substring(0, open));
    String unit = header.substring(open + 1, header.length() - 1);
    return c != null && !c.unit().isEmpty() && normalise(c.unit()).equals(unit) ? c : null;
  }
}
