package zoneassess.reports.research;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart labels for zones: the zone's name, or its code when it has none; two zones with the same
 * name are told apart by their codes (chart categories and series must be unique).
 */
final class ZoneLabels {
  private ZoneLabels() {}

  /** code → label, in the order of {@code codes}. */
  static Map<String, String> of(List<String> codes, Map<String, String> names) {
    Map<String, Integer> uses = new HashMap<>();
    for (String c : codes) {
      uses.merge(name(c, names), 1, Integer::sum);
    }
    Map<String, String> labels = new LinkedHashMap<>();
    for (String c : codes) {
      String n = name(c, names);
      labels.put(c, uses.get(n) > 1 && !n.equals(c) ? n + "（" + c + "）" : n);
    }
    return labels;
  }

  private static String name(String code, Map<String, String> names) {
    String n = names.get(code);
    return n == null || n.isBlank() ? code : n;
  }
}
