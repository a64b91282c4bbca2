package zoneassess.jobs.assess;

import java.net.URI;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Finds the rules file a methodology names in its top-level {@code rules:} key. The reference is
 * {@code classpath:…}, an absolute path or URI, or a path relative to the methodology file's folder
 * (for a classpath methodology: relative to its classpath folder).
 */
public final class RulesReference {
  private RulesReference() {}

  /**
   * The rules location named by {@code methodologyLocation}; a located error when it names none.
   */
  public static String fromMethodology(String methodologyLocation) {
    YamlDoc doc = YamlDoc.load(methodologyLocation);
    YamlNode ref =
        doc.root()
            .get("rules")
            .orElseThrow(
                () ->
                    doc.root()
                        .error(
                            "the methodology names no rules file (key 'rules'); give one with --rules"));
    return resolve(methodologyLocation, ref.string().strip());
  }

  static String resolve(String base, String ref) {
    if (ref.startsWith("classpath:")
        || ref.startsWith("/")
        || ref.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
      return ref;
    }
    boolean classpath = base.startsWith("classpath:");
    String path = classpath ? base.substring("classpath:".length()) : base;
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash + 1);
    String joined = URI.create(encode(folder)).resolve(encode(ref)).normalize().toString();
    return (classpath ? "classpath:" : "") + decode(joined);
  }

  private static String encode(String s) {
    return s.replace("%", "%25").replace(" ", "%20");
  }

  private static String decode(String s) {
    return s.replace("%20", " ").replace("%25", "%");
  }
}
