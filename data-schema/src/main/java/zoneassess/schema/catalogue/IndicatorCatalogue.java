package zoneassess.schema.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import zoneassess.schema.units.Units;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * The raw zone statistics the product accepts in {@code zone_stats}, with canonical units. A row
 * with an indicator code not listed here is rejected; a row in a unit of another family is
 * rejected; a row in a convertible unit (亿元 for 万元, 公顷 for 平方公里, 亿美元 for 万美元) is converted to the
 * canonical unit.
 *
 * <p>The catalogue is a file, {@code classpath:indicators/catalogue.yaml}. A user file named by the
 * environment variable {@value #ENV} or the system property {@value #PROPERTY} (or installed with
 * {@link #use}) adds indicators to it; an entry whose code is already listed replaces that entry.
 * Every problem in either file is a {@link zoneassess.schema.yaml.SpecException} with
 * file:line:column.
 */
public final class IndicatorCatalogue {
  /** The catalogue shipped with the product. */
  public static final String BUILT_IN = "classpath:indicators/catalogue.yaml";

  /** Environment variable naming a user catalogue file. */
  public static final String ENV = "ZONEASSESS_INDICATORS";

  /** System property naming a user catalogue file (wins over {@link #ENV}). */
  public static final String PROPERTY = "zoneassess.indicators";

  private static final List<String> ROOT_KEYS = List.of("version", "description", "indicators");
  private static final List<String> KEYS =
      List.of("code", "name_zh", "name_en", "unit", "flow", "source");

  private static volatile Map<String, RawIndicator> active;

  private IndicatorCatalogue() {}

  public static Optional<RawIndicator> find(String code) {
    return Optional.ofNullable(byCode().get(code));
  }

  /** Looks an indicator up by code or by its Chinese name. */
  public static Optional<RawIndicator> findByCodeOrName(String codeOrName) {
    if (codeOrName == null) {
      return Optional.empty();
    }
    String s = codeOrName.strip();
    RawIndicator byCode = byCode().get(s);
    if (byCode != null) {
      return Optional.of(byCode);
    }
    return byCode().values().stream().filter(r -> r.nameZh().equals(s)).findFirst();
  }

  /** Every indicator, built-in ones in file order, then those only the user file adds. */
  public static List<RawIndicator> all() {
    return List.copyOf(byCode().values());
  }

  /**
   * Makes the built-in catalogue extended by {@code userFile} the active one ({@code null}: the
   * built-in catalogue alone, or the user file named by {@value #PROPERTY} / {@value #ENV}).
   */
  public static synchronized void use(String userFile) {
    active =
        merge(read(YamlDoc.load(BUILT_IN)), userFile == null ? null : read(YamlDoc.load(userFile)));
  }

  /** Reads one catalogue file; every problem names file, line and column. */
  public static List<RawIndicator> read(YamlDoc doc) {
    YamlNode root = doc.root().allowOnly(ROOT_KEYS);
    List<RawIndicator> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (YamlNode n : root.require("indicators").list()) {
      RawIndicator r = indicator(n);
      if (!codes.add(r.code())) {
        throw n.require("code").error("indicator '" + r.code() + "' is declared twice");
      }
      if (!names.add(r.nameZh())) {
        throw n.require("name_zh").error("name '" + r.nameZh() + "' is used by two indicators");
      }
      out.add(r);
    }
    if (out.isEmpty()) {
      throw root.require("indicators").error("the catalogue declares no indicator");
    }
    return out;
  }

  private static RawIndicator indicator(YamlNode n) {
    n.allowOnly(KEYS);
    YamlNode codeNode = n.require("code");
    String code = codeNode.string();
    if (!code.matches("^[a-z][a-z0-9_]*$")) {
      throw codeNode.error("indicator code '" + code + "' must be snake_case (e.g. incubators)");
    }
    YamlNode unitNode = n.require("unit");
    String spelling = unitNode.string();
    String unit =
        Units.parse(spelling)
            .map(u -> u.symbol())
            .orElseThrow(
                () ->
                    unitNode.error(
                        "unknown unit '"
                            + spelling
                            + "' (see the units in docs/data-dictionary.md)"));
    if (!unit.equals(spelling.strip())) {
      throw unitNode.error("write the canonical unit '" + unit + "' instead of '" + spelling + "'");
    }
    return new RawIndicator(
        code,
        n.require("name_zh").string(),
        n.require("name_en").string(),
        unit,
        n.require("flow").bool(),
        n.require("source").string());
  }

  private static Map<String, RawIndicator> merge(List<RawIndicator> base, List<RawIndicator> user) {
    Map<String, RawIndicator> out = new LinkedHashMap<>();
    base.forEach(r -> out.put(r.code(), r));
    if (user != null) {
      user.forEach(r -> out.put(r.code(), r));
    }
    return out;
  }

  private static Map<String, RawIndicator> byCode() {
    Map<String, RawIndicator> m = active;
    if (m == null) {
      synchronized (IndicatorCatalogue.class) {
        if (active == null) {
          String user = System.getProperty(PROPERTY, System.getenv(ENV));
          use(user == null || user.isBlank() ? null : user);
        }
        m = active;
      }
    }
    return m;
  }
}
