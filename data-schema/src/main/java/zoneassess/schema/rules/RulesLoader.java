package zoneassess.schema.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.ranking.RankPrecision;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads an assessment rules file. Every key is checked against the keys this loader knows, so a
 * typo ({@code dedcutions}) stops with {@code file:line:column: unknown key …; did you mean …}
 * instead of being ignored. The file format is documented in {@code docs/assessment-rules.md}.
 */
public final class RulesLoader {
  private static final List<String> TOP =
      List.of(
          "id",
          "name_zh",
          "version",
          "notes",
          "ranking",
          "events",
          "caps",
          "progress",
          "tiers",
          "consequences",
          "marks",
          "routine"); // read by schema.routine.RoutineRulesLoader
  private static final List<String> LEVELS = List.of("national", "provincial");
  private static final List<String> PROJECT_INDICATORS =
      List.of(
          "projects_started_1e8",
          "projects_started_1e9",
          "projects_started_5e9",
          "projects_started_1e10");

  private RulesLoader() {}

  /** Loads {@code location} ({@code classpath:rules/x.yaml} or a file path). */
  public static AssessmentRules load(String location) {
    return parse(YamlDoc.load(location));
  }

  public static AssessmentRules parse(YamlDoc doc) {
    YamlNode root = doc.root().allowOnly(TOP);
    String id = root.require("id").string();
    RankingRule ranking = ranking(root.get("ranking"));
    List<EventRule> events = events(root.require("events"));
    Double deductionsCap = null;
    Double bonusesCap = null;
    if (root.get("caps").isPresent()) {
      YamlNode caps = root.require("caps").allowOnly(List.of("deductions", "bonuses"));
      deductionsCap = nonNegative(caps.get("deductions").orElse(null));
      bonusesCap = nonNegative(caps.get("bonuses").orElse(null));
    }
    return new AssessmentRules(
        id,
        root.getString("name_zh", id),
        root.getString("version", ""),
        doc.name(),
        ranking,
        events,
        deductionsCap,
        bonusesCap,
        progress(root.get("progress")),
        tiers(root.require("tiers")),
        consequences(root.get("consequences")),
        marks(root.get("marks")));
  }

  private static RankingRule ranking(java.util.Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return new RankingRule(2, List.of());
    }
    YamlNode n = node.get().allowOnly(List.of("decimals", "ties", "tie_break", RankPrecision.KEY));
    int decimals = n.getInt("decimals", 2);
    if (decimals < 0 || decimals > 6) {
      throw n.require("decimals").error("decimals must lie in 0..6, found " + decimals);
    }
    String ties = n.get("ties").map(t -> t.oneOf(List.of("shared", "break"))).orElse("shared");
    List<TieBreak> breaks = new ArrayList<>();
    if (n.get("tie_break").isPresent()) {
      for (YamlNode b : n.require("tie_break").list()) {
        b.allowOnly(List.of("column", "dimension"));
        if (b.has("column") == b.has("dimension")) {
          throw b.error("a tie-breaker names exactly one of 'column' or 'dimension'");
        }
        breaks.add(
            b.has("column")
                ? TieBreak.column(b.require("column").oneOf(List.of("index_score")))
                : TieBreak.dimension(b.require("dimension").string()));
      }
    }
    if (ties.equals("shared") && !breaks.isEmpty()) {
      throw n.require("tie_break")
          .error("'ties: shared' cannot have a tie_break list; use 'ties: break'");
    }
    if (ties.equals("break") && breaks.isEmpty()) {
      throw n.require("ties").error("'ties: break' needs a tie_break list");
    }
    return new RankingRule(decimals, breaks, RankPrecision.read(n));
  }

  private static List<EventRule> events(YamlNode node) {
    Set<String> types = Datasets.ZONE_EVENTS.column("event_type").orElseThrow().acceptedValues();
    node.allowOnly(types);
    List<EventRule> out = new ArrayList<>();
    for (Map.Entry<String, YamlNode> e : node.entries().entrySet()) {
      YamlNode r = e.getValue().allowOnly(List.of("kind", "name_zh", "points", "cap"));
      EventKind kind =
          EventKind.valueOf(
              r.require("kind")
                  .oneOf(List.of("veto", "deduction", "bonus"))
                  .toUpperCase(java.util.Locale.ROOT));
      double points = 0;
      if (kind == EventKind.VETO) {
        if (r.has("points") || r.has("cap")) {
          throw r.error("a veto has no points or cap (event '" + e.getKey() + "')");
        }
      } else {
        points = nonNegative(r.require("points"));
      }
      out.add(
          new EventRule(
              e.getKey(),
              kind,
              r.getString("name_zh", e.getKey()),
              points,
              nonNegative(r.get("cap").orElse(null))));
    }
    return out;
  }

  private static ProgressRule progress(java.util.Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return ProgressRule.NONE;
    }
    YamlNode n = node.get().allowOnly(List.of("points_per_share", "cap"));
    return new ProgressRule(
        nonNegative(n.require("points_per_share")), nonNegative(n.get("cap").orElse(null)));
  }

  private static TierRules tiers(YamlNode node) {
    YamlNode n = node.allowOnly(List.of("basis", "bands", "ineligible"));
    String basis = n.require("basis").oneOf(List.of(TierRules.BY_RANK, TierRules.BY_SCORE));
    List<TierRules.Band> bands = new ArrayList<>();
    Integer expectedFrom = 1;
    Double lastMin = null;
    List<YamlNode> items = n.require("bands").list();
    if (items.isEmpty()) {
      throw n.require("bands").error("at least one tier band is needed");
    }
    for (int i = 0; i < items.size(); i++) {
      YamlNode b = items.get(i);
      boolean last = i == items.size() - 1;
      if (basis.equals(TierRules.BY_RANK)) {
        b.allowOnly(List.of("name", "from", "to", "salary_coefficient"));
        int from = b.require("from").integer();
        if (expectedFrom == null || from != expectedFrom) {
          throw b.require("from")
              .error(
                  "tier bands must be contiguous from rank 1: expected 'from: "
                      + expectedFrom
                      + "', found "
                      + from);
        }
        Integer to = b.get("to").map(YamlNode::integer).orElse(null);
        if (to == null && !last) {
          throw b.error("only the last tier band may leave 'to' open");
        }
        if (to != null && to < from) {
          throw b.require("to").error("'to' (" + to + ") is below 'from' (" + from + ")");
        }
        expectedFrom = to == null ? null : to + 1;
        bands.add(new TierRules.Band(b.require("name").string(), from, to, null, coefficient(b)));
      } else {
        b.allowOnly(List.of("name", "min_score", "salary_coefficient"));
        Double min = last && !b.has("min_score") ? null : b.require("min_score").number();
        if (min != null && lastMin != null && min >= lastMin) {
          throw b.require("min_score")
              .error(
                  "score bands go from best to worst: min_score "
                      + min
                      + " is not below "
                      + lastMin);
        }
        if (min == null && !last) {
          throw b.error("only the last tier band may leave 'min_score' open");
        }
        lastMin = min;
        bands.add(new TierRules.Band(b.require("name").string(), null, null, min, coefficient(b)));
      }
    }
    if (basis.equals(TierRules.BY_RANK) && expectedFrom != null) {
      throw items.get(items.size() - 1).error("the last tier band must be open-ended (no 'to')");
    }
    if (basis.equals(TierRules.BY_SCORE) && lastMin != null) {
      throw items
          .get(items.size() - 1)
          .error("the last tier band must be open-ended (no 'min_score')");
    }
    YamlNode inel = n.require("ineligible").allowOnly(List.of("name", "salary_coefficient"));
    TierRules.Band ineligible =
        new TierRules.Band(inel.require("name").string(), null, null, null, coefficient(inel));
    return new TierRules(basis, bands, ineligible);
  }

  private static double coefficient(YamlNode band) {
    YamlNode c = band.require("salary_coefficient");
    double v = c.number();
    if (!(v >= 0 && v <= 5)) {
      throw c.error("salary_coefficient must lie in 0..5, found " + c.string());
    }
    return v;
  }

  private static ConsequenceRules consequences(java.util.Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return new ConsequenceRules(null, null, null);
    }
    YamlNode n = node.get().allowOnly(List.of("delisting", "national_exit", "project_drought"));
    ConsequenceRules.ProjectDrought drought = null;
    if (n.has("project_drought")) {
      YamlNode d =
          n.require("project_drought")
              .allowOnly(
                  List.of(
                      "indicator",
                      "years",
                      "demotion_tiers",
                      "indicator_by_level",
                      "slow_growth",
                      "at_lowest_tier"));
      Map<String, String> byLevel = new java.util.TreeMap<>();
      if (d.has("indicator_by_level")) {
        YamlNode levels = d.require("indicator_by_level").allowOnly(LEVELS);
        for (Map.Entry<String, YamlNode> e : levels.entries().entrySet()) {
          byLevel.put(e.getKey(), e.getValue().oneOf(PROJECT_INDICATORS));
        }
      }
      ConsequenceRules.SlowGrowth slow = null;
      if (d.has("slow_growth")) {
        YamlNode g = d.require("slow_growth").allowOnly(List.of("indicator", "below"));
        g.require("below").oneOf(List.of("province_median"));
        slow =
            new ConsequenceRules.SlowGrowth(
                g.require("indicator")
                    .oneOf(
                        zoneassess.schema.catalogue.IndicatorCatalogue.all().stream()
                            .map(zoneassess.schema.catalogue.RawIndicator::code)
                            .toList()));
      }
      drought =
          new ConsequenceRules.ProjectDrought(
              d.get("indicator")
                  .map(i -> i.oneOf(PROJECT_INDICATORS))
                  .orElse("projects_started_1e8"),
              positive(d.require("years")),
              d.getInt("demotion_tiers", 1),
              byLevel,
              slow,
              d.get("at_lowest_tier")
                  .map(a -> a.oneOf(List.of("mark", "skip")))
                  .orElse("skip")
                  .equals("mark"));
    }
    return new ConsequenceRules(
        bottom(n.get("delisting"), "provincial"),
        bottom(n.get("national_exit"), "national"),
        drought);
  }

  private static ConsequenceRules.BottomPlaces bottom(
      java.util.Optional<YamlNode> node, String defaultLevel) {
    if (node.isEmpty()) {
      return null;
    }
    YamlNode n =
        node.get()
            .allowOnly(List.of("level", "bottom", "years", "min_hits", "veto_counts_as_bottom"));
    int years = positive(n.require("years"));
    int hits = n.has("min_hits") ? positive(n.require("min_hits")) : years;
    if (hits > years) {
      throw n.require("min_hits").error("min_hits (" + hits + ") exceeds years (" + years + ")");
    }
    return new ConsequenceRules.BottomPlaces(
        n.get("level").map(l -> l.oneOf(LEVELS)).orElse(defaultLevel),
        positive(n.require("bottom")),
        years,
        hits,
        n.getBool("veto_counts_as_bottom", true));
  }

  private static MarkRule marks(java.util.Optional<YamlNode> node) {
    if (node.isEmpty()) {
      return MarkRule.DEFAULT;
    }
    YamlNode n = node.get().allowOnly(List.of("red_bottom", "blue_top", "blue_delta_rank"));
    MarkRule d = MarkRule.DEFAULT;
    return new MarkRule(
        n.getInt("red_bottom", d.redBottom()),
        n.getInt("blue_top", d.blueTop()),
        n.getInt("blue_delta_rank", d.blueDeltaRank()));
  }

  private static Double nonNegative(YamlNode n) {
    if (n == null) {
      return null;
    }
    double v = n.number();
    if (!(v >= 0)) {
      throw n.error("expected a number ≥ 0 at '" + n.path() + "', found '" + n.string() + "'");
    }
    return v;
  }

  private static int positive(YamlNode n) {
    int v = n.integer();
    if (v < 1) {
      throw n.error(
          "expected a whole number ≥ 1 at '" + n.path() + "', found '" + n.string() + "'");
    }
    return v;
  }
}
