package zoneassess.reports.research;

/** How the two methodologies are named in titles: id and version from the parameters. */
final class Methods {
  private Methods() {}

  static String a(ResearchData d) {
    return name(d, "methodology_a");
  }

  static String b(ResearchData d) {
    return name(d, "methodology_b");
  }

  private static String name(ResearchData d, String key) {
    String id = d.parameter(key);
    String version = d.parameter(key + "_version");
    String s = ((id == null ? "" : id) + " " + (version == null ? "" : version)).trim();
    return s.isEmpty() ? "未记录" : s;
  }
}
