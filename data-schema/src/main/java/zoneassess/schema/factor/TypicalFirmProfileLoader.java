package zoneassess.schema.factor;

import java.util.ArrayList;
import java.util.List;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads a typical-firm profile and checks it against the factor catalogue: unknown keys, unknown
 * factors or sub-categories (with a "did you mean"), a quantity on a wage-bill line or none on a
 * quantity line are {@link zoneassess.schema.yaml.SpecException}s with file:line:column.
 */
public final class TypicalFirmProfileLoader {
  private static final List<String> ROOT_KEYS =
      List.of("id", "name_zh", "description", "assumptions", "lines");
  private static final List<String> LINE_KEYS =
      List.of("factor", "subcategory", "quantity", "amortise_years", "note");

  private TypicalFirmProfileLoader() {}

  public static TypicalFirmProfile load(String location, FactorCatalogue catalogue) {
    return read(YamlDoc.load(location), catalogue);
  }

  public static TypicalFirmProfile parse(String name, String text, FactorCatalogue catalogue) {
    return read(YamlDoc.parse(name, text), catalogue);
  }

  /** The shipped profiles, or the listed ids among them. */
  public static List<TypicalFirmProfile> loadDefaults(FactorCatalogue catalogue) {
    return TypicalFirmProfile.DEFAULT_LOCATIONS.stream().map(l -> load(l, catalogue)).toList();
  }

  private static TypicalFirmProfile read(YamlDoc doc, FactorCatalogue catalogue) {
    YamlNode root = doc.root().allowOnly(ROOT_KEYS);
    String id = root.require("id").string();
    if (!id.matches("^[a-z][a-z0-9-]*$")) {
      throw root.require("id").error("profile id '" + id + "' must be lower-case with dashes");
    }
    List<String> assumptions = new ArrayList<>();
    root.get("assumptions").ifPresent(a -> a.list().forEach(n -> assumptions.add(n.string())));
    List<ProfileLine> lines = new ArrayList<>();
    for (YamlNode l : root.require("lines").list()) {
      lines.add(line(l, catalogue));
    }
    if (lines.isEmpty()) {
      throw root.require("lines").error("a profile needs at least one line");
    }
    return new TypicalFirmProfile(
        id,
        root.require("name_zh").string(),
        root.getString("description", "").strip(),
        assumptions,
        lines,
        doc.name(),
        doc.sha256());
  }

  private static ProfileLine line(YamlNode l, FactorCatalogue catalogue) {
    l.allowOnly(LINE_KEYS);
    YamlNode factorNode = l.require("factor");
    Factor factor = catalogue.get(factorNode.oneOf(catalogue.codes()));
    String sub = l.require("subcategory").oneOf(factor.subcategoryCodes());
    boolean wageBill = Factor.BASIS_WAGE_BILL.equals(factor.costBasis());
    double quantity = 0;
    if (wageBill) {
      if (l.has("quantity")) {
        throw l.require("quantity")
            .error(
                "factor '"
                    + factor.code()
                    + "' is a rate applied to the wage bill; a line takes no quantity");
      }
    } else {
      YamlNode q = l.require("quantity");
      quantity = q.number();
      if (!(quantity >= 0)) {
        throw q.error("quantity must not be negative");
      }
    }
    double years = 1;
    if (l.has("amortise_years")) {
      YamlNode y = l.require("amortise_years");
      years = y.number();
      if (!(years >= 1)) {
        throw y.error("amortise_years must be at least 1");
      }
    }
    return new ProfileLine(
        factor.code(), sub, quantity, years, wageBill, l.getString("note", ""), l.line());
  }
}
