package zoneassess.schema.allocation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import zoneassess.schema.factor.PriceFactor;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads an allocation policy file (format in {@code docs/allocation.md}) and checks it: unknown
 * keys with a "did you mean" hint, unknown factors, classes and performance columns, shares outside
 * 0–100 %, a floor above the cap. Every error names file, line and column.
 */
public final class AllocationPolicyLoader {
  public static final String HUAIAN_2024 = "classpath:allocation/huaian-2024.yaml";
  public static final String ZHEJIANG_2022 = "classpath:allocation/zhejiang-2022.yaml";

  private static final List<String> CLASS_LABELS = List.of("A", "B", "C", "D", "T");
  private static final List<String> PROJECT_STATUSES =
      List.of("signed", "under_construction", "in_production", "target_met");

  private AllocationPolicyLoader() {}

  public static AllocationPolicy load(String location) {
    return parse(YamlDoc.load(location));
  }

  public static AllocationPolicy parse(YamlDoc doc) {
    YamlNode root = doc.root();
    root.allowOnly(
        List.of(
            "id",
            "version",
            "name_zh",
            "source",
            "notes",
            "city",
            "classes",
            "land_use_tax_yuan_per_m2",
            "priority_order",
            "exemptions",
            "major_projects",
            "quotas",
            "land_recovery"));
    YamlNode idNode = root.require("id");
    String id = idNode.string();
    if (!id.matches("^[a-z0-9][a-z0-9._-]*$")) {
      throw idNode.error("id '" + id + "' must be lower-case letters, digits, '.', '_' or '-'");
    }
    Map<String, ClassPolicy> classes = classes(root.require("classes"));
    List<String> order = new ArrayList<>();
    for (YamlNode n : root.get("priority_order").map(YamlNode::list).orElse(List.of())) {
      String label = n.oneOf(classes.keySet());
      if (order.contains(label)) {
        throw n.error("class '" + label + "' appears twice in priority_order");
      }
      if (classes.get(label).landAuctionBarred()) {
        throw n.error("class '" + label + "' is barred from land auctions and cannot be in line");
      }
      order.add(label);
    }
    YamlNode recovery = root.get("land_recovery").orElse(null);
    int persistent = 2;
    if (recovery != null) {
      recovery.allowOnly(List.of("persistent_d_years"));
      persistent = positiveInt(recovery.require("persistent_d_years"));
    }
    return new AllocationPolicy(
        id,
        root.getString("version", ""),
        root.getString("name_zh", id),
        root.getString("source", ""),
        root.get("city").map(YamlNode::string).orElse(null),
        classes,
        root.get("land_use_tax_yuan_per_m2").map(n -> nonNegative(n, "the tax rate")).orElse(0.0),
        order,
        exemptions(root),
        projects(root.require("major_projects")),
        quotas(root.require("quotas")),
        persistent,
        doc.name(),
        doc.sha256());
  }

  private static Map<String, ClassPolicy> classes(YamlNode node) {
    node.allowOnly(CLASS_LABELS);
    Map<String, ClassPolicy> out = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      YamlNode n = e.getValue();
      n.allowOnly(
          List.of(
              "name_zh",
              "land_priority",
              "energy_priority",
              "credit_list",
              "land_auction_barred",
              "prices",
              "land_use_tax_reduction"));
      Map<PriceFactor, List<Double>> prices = new EnumMap<>(PriceFactor.class);
      YamlNode pricesNode = n.get("prices").orElse(null);
      if (pricesNode != null) {
        pricesNode.allowOnly(PriceFactor.codes());
        for (Map.Entry<String, YamlNode> p : pricesNode.entries().entrySet()) {
          List<Double> steps = new ArrayList<>();
          for (YamlNode s : p.getValue().listOrSingle()) {
            steps.add(nonNegative(s, "a surcharge"));
          }
          if (steps.isEmpty()) {
            throw p.getValue().error("prices." + p.getKey() + " needs at least one step");
          }
          prices.put(PriceFactor.of(p.getKey()), steps);
        }
      }
      out.put(
          e.getKey(),
          new ClassPolicy(
              e.getKey(),
              n.getString("name_zh", e.getKey()),
              n.getBool("land_priority", false),
              n.getBool("energy_priority", false),
              n.getBool("credit_list", false),
              n.getBool("land_auction_barred", false),
              prices,
              n.get("land_use_tax_reduction").map(AllocationPolicyLoader::share).orElse(0.0)));
    }
    return out;
  }

  private static List<Exemption> exemptions(YamlNode root) {
    List<Exemption> out = new ArrayList<>();
    Set<String> codes = new HashSet<>();
    List<String> conditions =
        java.util.Arrays.stream(Exemption.Condition.values())
            .map(Exemption.Condition::code)
            .toList();
    for (YamlNode n : root.get("exemptions").map(YamlNode::list).orElse(List.of())) {
      n.allowOnly(List.of("code", "name_zh", "when", "value", "surcharge_factor", "guaranteed"));
      YamlNode codeNode = n.require("code");
      String code = codeNode.string();
      if (!code.matches("^[a-z][a-z0-9_]*$")) {
        throw codeNode.error("exemption code '" + code + "' must be snake_case");
      }
      if (!codes.add(code)) {
        throw codeNode.error("exemption '" + code + "' is declared twice");
      }
      Exemption.Condition when =
          Exemption.Condition.valueOf(n.require("when").oneOf(conditions).toUpperCase(Locale.ROOT));
      String value =
          switch (when) {
            case SPECIALISED -> n.require("value").oneOf(List.of("national", "provincial"));
            case PRODUCTION_YEARS_BELOW -> String.valueOf(positiveInt(n.require("value")));
            case HIGH_TECH -> {
              if (n.has("value")) {
                throw n.require("value").error("'value' has no meaning for when: high_tech");
              }
              yield null;
            }
          };
      double factor =
          n.get("surcharge_factor").map(f -> nonNegative(f, "surcharge_factor")).orElse(1.0);
      if (factor > 1) {
        throw n.require("surcharge_factor")
            .error(
                "surcharge_factor must lie in 0..1, found "
                    + n.require("surcharge_factor").string());
      }
      out.add(
          new Exemption(
              code,
              n.getString("name_zh", code),
              when,
              value,
              factor,
              n.getBool("guaranteed", false)));
    }
    return out;
  }

  private static ProjectGuarantee projects(YamlNode n) {
    n.allowOnly(
        List.of(
            "guaranteed_min_investment_100m",
            "statuses",
            "investment_intensity_10k_per_mu",
            "energy_tce_per_100m"));
    List<String> statuses = new ArrayList<>();
    for (YamlNode s : n.require("statuses").listOrSingle()) {
      statuses.add(s.oneOf(PROJECT_STATUSES));
    }
    return new ProjectGuarantee(
        positive(n.require("guaranteed_min_investment_100m"), "guaranteed_min_investment_100m"),
        statuses,
        positive(n.require("investment_intensity_10k_per_mu"), "investment_intensity_10k_per_mu"),
        nonNegative(n.require("energy_tce_per_100m"), "energy_tce_per_100m"));
  }

  private static QuotaRule quotas(YamlNode n) {
    n.allowOnly(
        List.of("unit", "land_mu", "energy_10k_tce", "basis", "floor", "cap", "guaranteed_first"));
    String unit = n.require("unit").oneOf(List.of("zone", "county"));
    List<String> basisColumns =
        PerMuMarts.ZONE.columns().stream()
            .filter(c -> c.isNumeric() && PerMuMarts.AREA.column(c.name()).isPresent())
            .map(c -> c.name())
            .filter(c -> !c.equals("year"))
            .toList();
    String basis = n.require("basis").oneOf(basisColumns);
    double floor = n.get("floor").map(AllocationPolicyLoader::share).orElse(0.0);
    double cap = n.get("cap").map(AllocationPolicyLoader::share).orElse(1.0);
    if (floor > cap) {
      throw n.require("floor")
          .error(
              String.format(
                  Locale.ROOT,
                  "floor (%s) is above cap (%s)",
                  n.require("floor").string(),
                  n.get("cap").map(YamlNode::string).orElse("100%")));
    }
    return new QuotaRule(
        unit,
        nonNegative(n.require("land_mu"), "land_mu"),
        nonNegative(n.require("energy_10k_tce"), "energy_10k_tce"),
        basis,
        floor,
        cap,
        n.getBool("guaranteed_first", true));
  }

  /** "20%" or 0.2, in 0..1. */
  private static double share(YamlNode n) {
    String raw = n.string().strip();
    double v = raw.endsWith("%") ? n.number() / 100.0 : n.number();
    if (!(v >= 0 && v <= 1)) {
      throw n.error("a share must lie in 0..100%, found '" + raw + "'");
    }
    return v;
  }

  private static double nonNegative(YamlNode n, String what) {
    double v = n.number();
    if (!(v >= 0)) {
      throw n.error(what + " cannot be negative, found '" + n.string() + "'");
    }
    return v;
  }

  private static double positive(YamlNode n, String what) {
    double v = n.number();
    if (!(v > 0)) {
      throw n.error(what + " must be positive, found '" + n.string() + "'");
    }
    return v;
  }

  private static int positiveInt(YamlNode n) {
    int v = n.integer();
    if (v < 1) {
      throw n.error("expected a whole number ≥ 1, found '" + n.string() + "'");
    }
    return v;
  }
}
