package zoneassess.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which pack to render: the province pack, a city pack ({@code city:淮安}) or a one-zone pack ({@code
 * zone:320801}).
 *
 * @param kind province, city or zone
 * @param target city name or zone code; null for the province
 */
public record PackRequest(Kind kind, String target) {
  public enum Kind {
    PROVINCE,
    CITY,
    ZONE,
    /** The one-page routine (平时) 红黄蓝 scoreboard of a routine run. */
    ROUTINE
  }

  public PackRequest {
    if (kind != Kind.PROVINCE && kind != Kind.ROUTINE && (target == null || target.isBlank())) {
      throw new IllegalArgumentException(
          kind.name().toLowerCase(Locale.ROOT) + " pack needs a name");
    }
  }

  public static PackRequest province() {
    return new PackRequest(Kind.PROVINCE, null);
  }

  public static PackRequest city(String name) {
    return new PackRequest(Kind.CITY, name);
  }

  public static PackRequest zone(String code) {
    return new PackRequest(Kind.ZONE, code);
  }

  /** Parses {@code province}, {@code city:<name>} or {@code zone:<code>}. */
  public static PackRequest parse(String spec) {
    String s = spec == null ? "" : spec.trim();
    if (s.equalsIgnoreCase("province")) {
      return province();
    }
    if (s.equalsIgnoreCase("routine")) {
      return new PackRequest(Kind.ROUTINE, null);
    }
    int colon = s.indexOf(':');
    if (colon > 0) {
      String kind = s.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String name = s.substring(colon + 1).trim();
      if (!name.isEmpty()) {
        switch (kind) {
          case "city":
            return city(name);
          case "zone":
            return zone(name);
          default:
            break;
        }
      }
    }
    throw new IllegalArgumentException(
        "pack '" + spec + "' is not one of province, routine, city:<name>, zone:<code>");
  }

  /** Parses a comma-separated list such as {@code province,city:淮安}. */
  public static List<PackRequest> parseList(String specs) {
    List<PackRequest> out = new ArrayList<>();
    for (String s : specs.split(",")) {
      if (!s.isBlank()) {
        out.add(parse(s));
      }
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("no pack named in '" + specs + "'");
    }
    return out;
  }

  @Override
  public String toString() {
    if (kind == Kind.ROUTINE) {
      return "routine";
    }
    return kind == Kind.PROVINCE ? "province" : kind.name().toLowerCase(Locale.ROOT) + ":" + target;
  }
}
