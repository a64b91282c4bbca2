package zoneassess.schema.factor;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import zoneassess.schema.units.Units;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads a factor catalogue file. Every problem (typo in a key, unknown unit or level, a derived
 * sub-category summing an undeclared one) is a {@link zoneassess.schema.yaml.SpecException} with
 * file:line:column.
 */
public final class FactorCatalogueLoader {
  private static final List<String> ROOT_KEYS = List.of("version", "description", "factors");
  private static final List<String> FACTOR_KEYS =
      List.of(
          "code",
          "name_zh",
          "name_en",
          "unit",
          "direction",
          "reported_at",
          "compare_levels",
          "carry",
          "quantity_unit",
          "cost_to_yuan",
          "cost_basis",
          "subcategories",
          "dimensions",
          "derived",
          "comparability");
  private static final List<String> DIMENSION_KEYS = List.of("name", "values");
  private static final List<String> DERIVED_KEYS = List.of("name_zh", "sum_of");
  private static final List<String> CARRY = List.of("average", "period_end");
  private static final List<String> BASES = List.of(Factor.BASIS_QUANTITY, Factor.BASIS_WAGE_BILL);

  private FactorCatalogueLoader() {}

  public static FactorCatalogue load(String location) {
    return read(YamlDoc.load(location));
  }

  public static FactorCatalogue parse(String name, String text) {
    return read(YamlDoc.parse(name, text));
  }

  private static FactorCatalogue read(YamlDoc doc) {
    YamlNode root = doc.root().allowOnly(ROOT_KEYS);
    List<Factor> factors = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    for (YamlNode f : root.require("factors").list()) {
      Factor factor = factor(f);
      if (!codes.add(factor.code())) {
        throw f.require("code").error("factor '" + factor.code() + "' is declared twice");
      }
      factors.add(factor);
    }
    if (factors.isEmpty()) {
      throw root.require("factors").error("the catalogue declares no factor");
    }
    return new FactorCatalogue(doc.name(), doc.sha256(), factors);
  }

  private static Factor factor(YamlNode f) {
    f.allowOnly(FACTOR_KEYS);
    String code = f.require("code").string();
    if (!code.matches("^[a-z][a-z0-9_]*$")) {
      throw f.require("code").error("factor code '" + code + "' must be snake_case");
    }
    YamlNode unitNode = f.require("unit");
    String unit = knownUnit(unitNode);
    f.get("direction").ifPresent(d -> d.oneOf(List.of("lower")));
    List<String> reportedAt = levels(f.require("reported_at"));
    List<String> compareLevels = levels(f.require("compare_levels"));
    CarryRule carry = CarryRule.valueOf(f.require("carry").oneOf(CARRY).toUpperCase(Locale.ROOT));
    String quantityUnit = f.getString("quantity_unit", "");
    double costToYuan = f.getNumber("cost_to_yuan", 1.0);
    if (!(costToYuan > 0)) {
      throw f.require("cost_to_yuan").error("cost_to_yuan must be positive");
    }
    String basis = f.get("cost_basis").map(n -> n.oneOf(BASES)).orElse(Factor.BASIS_QUANTITY);
    List<Subcategory> subs = new ArrayList<>();
    if (f.has("subcategories") == f.has("dimensions")) {
      throw f.error("factor '" + code + "' needs exactly one of 'subcategories' or 'dimensions'");
    }
    f.get("subcategories")
        .ifPresent(
            s -> {
              for (Map.Entry<String, YamlNode> e : s.entries().entrySet()) {
                subs.add(new Subcategory(e.getKey(), e.getValue().string(), List.of()));
              }
            });
    f.get("dimensions").ifPresent(d -> subs.addAll(crossDimensions(d.list())));
    List<String> reported = new ArrayList<>();
    subs.forEach(s -> reported.add(s.code()));
    f.get("derived")
        .ifPresent(
            d -> {
              for (Map.Entry<String, YamlNode> e : d.entries().entrySet()) {
                YamlNode def = e.getValue().allowOnly(DERIVED_KEYS);
                List<String> parts = new ArrayList<>();
                for (YamlNode p : def.require("sum_of").list()) {
                  String part = p.oneOf(reported);
                  parts.add(part);
                }
                if (reported.contains(e.getKey())) {
                  throw def.error("derived sub-category '" + e.getKey() + "' is also reported");
                }
                subs.add(new Subcategory(e.getKey(), def.require("name_zh").string(), parts));
              }
            });
    return new Factor(
        code,
        f.require("name_zh").string(),
        f.getString("name_en", ""),
        unit,
        reportedAt,
        compareLevels,
        carry,
        quantityUnit,
        costToYuan,
        basis,
        subs,
        f.getString("comparability", "").strip());
  }

  private static String knownUnit(YamlNode node) {
    String spelling = node.string();
    return Units.parse(spelling)
        .map(u -> u.symbol())
        .orElseThrow(() -> node.error("unknown unit '" + spelling + "' (see Units)"));
  }

  private static List<String> levels(YamlNode node) {
    List<String> out = new ArrayList<>();
    for (YamlNode l : node.listOrSingle()) {
      out.add(l.oneOf(FactorCatalogue.LEVELS));
    }
    if (out.isEmpty()) {
      throw node.error("at least one level is needed");
    }
    return out;
  }

  /** Sub-categories as the cross product of dimensions, codes joined by '|', names by '·'. */
  private static List<Subcategory> crossDimensions(List<YamlNode> dims) {
    List<String[]> acc = new ArrayList<>();
    acc.add(new String[] {"", ""});
    for (YamlNode d : dims) {
      d.allowOnly(DIMENSION_KEYS);
      d.require("name").string();
      Map<String, YamlNode> values = d.require("values").entries();
      List<String[]> next = new ArrayList<>();
      for (String[] prefix : acc) {
        for (Map.Entry<String, YamlNode> v : values.entrySet()) {
          String c = prefix[0].isEmpty() ? v.getKey() : prefix[0] + "|" + v.getKey();
          String n =
              prefix[1].isEmpty() ? v.getValue().string() : prefix[1] + "·" + v.getValue().string();
          next.add(new String[] {c, n});
        }
      }
      acc = next;
    }
    return acc.stream().map(a -> new Subcategory(a[0], a[1], List.of())).toList();
  }
}
