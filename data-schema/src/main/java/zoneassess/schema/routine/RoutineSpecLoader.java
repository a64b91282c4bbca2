package zoneassess.schema.routine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads the {@code routine:} section of a methodology file:
 *
 * <pre>
 * routine:
 *   ytd: [gdp, tax_revenue, …]            # year-to-date flows
 *   carried: [developed_land, …]          # stocks carried from the latest annual or reported value
 * </pre>
 *
 * Without the section, every catalogue flow is year-to-date and every other catalogue column and
 * per-mu aggregate is carried. Every error names file, line and column.
 */
public final class RoutineSpecLoader {
  /** Per-mu zone aggregates, annual only: carried in routine periods. */
  public static final List<String> PER_MU_COLUMNS =
      List.of("permu_tax_per_mu", "permu_value_added_per_mu", "permu_share_a", "permu_share_d");

  private RoutineSpecLoader() {}

  /** The routine section of the methodology at {@code location}, or the defaults. */
  public static RoutineSpec fromMethodology(String location) {
    return parse(YamlDoc.load(location));
  }

  public static RoutineSpec parse(YamlDoc doc) {
    Optional<YamlNode> section = doc.root().get("routine");
    if (section.isEmpty()) {
      return defaults();
    }
    YamlNode r = section.get().allowOnly(List.of("ytd", "carried"));
    List<String> known = new ArrayList<>();
    IndicatorCatalogue.all().forEach(i -> known.add(i.code()));
    known.addAll(PER_MU_COLUMNS);
    List<String> ytd = codes(r.get("ytd"), known);
    List<String> carried = codes(r.get("carried"), known);
    for (YamlNode n : r.get("carried").map(YamlNode::list).orElse(List.of())) {
      if (ytd.contains(n.string())) {
        throw n.error("'" + n.string() + "' is listed both as ytd and as carried");
      }
    }
    return new RoutineSpec(ytd, carried, doc.name());
  }

  public static RoutineSpec defaults() {
    List<String> ytd = new ArrayList<>();
    List<String> carried = new ArrayList<>();
    for (RawIndicator i : IndicatorCatalogue.all()) {
      (i.flow() ? ytd : carried).add(i.code());
    }
    carried.addAll(PER_MU_COLUMNS);
    return new RoutineSpec(ytd, carried, "defaults");
  }

  private static List<String> codes(Optional<YamlNode> node, List<String> known) {
    List<String> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (YamlNode n : node.map(YamlNode::list).orElse(List.of())) {
      String c = n.oneOf(known);
      if (!seen.add(c)) {
        throw n.error("'" + c + "' appears twice");
      }
      out.add(c);
    }
    return out;
  }
}
