package zoneassess.schema.routine;

import java.util.List;
import java.util.Optional;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.yaml.YamlDoc;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads the {@code routine:} section of a rules file (docs/routine.md):
 *
 * <pre>
 * routine:
 *   scoreboard:
 *     pace: {indicator: gdp, target_growth: 0}
 *     falling_below: 0
 *     red: {bottom: 5, behind_pace_and_falling: 3}
 *     yellow: {drop_places: 10, falling_indicators: 4, behind_pace: true}
 *     blue: {top: 5, rise_places: 10}
 *   annual_weighting: {routine: 30, annual: 70, min_periods: 4}
 * </pre>
 *
 * Every key is optional; errors name file, line and column.
 */
public final class RoutineRulesLoader {
  private RoutineRulesLoader() {}

  public static RoutineRules fromRules(String location) {
    return parse(YamlDoc.load(location));
  }

  public static RoutineRules parse(YamlDoc doc) {
    Optional<YamlNode> section = doc.root().get("routine");
    if (section.isEmpty()) {
      return new RoutineRules(RoutineRules.defaultScoreboard(), null, "defaults");
    }
    YamlNode r = section.get().allowOnly(List.of("scoreboard", "annual_weighting"));
    RoutineRules.Scoreboard d = RoutineRules.defaultScoreboard();
    RoutineRules.Scoreboard sb = d;
    if (r.has("scoreboard")) {
      YamlNode s =
          r.require("scoreboard")
              .allowOnly(List.of("pace", "falling_below", "red", "yellow", "blue"));
      YamlNode pace = s.get("pace").orElse(null);
      String paceIndicator = d.paceIndicator();
      double target = d.targetGrowth();
      if (pace != null) {
        pace.allowOnly(List.of("indicator", "target_growth"));
        List<String> flows =
            IndicatorCatalogue.all().stream()
                .filter(RawIndicator::flow)
                .map(RawIndicator::code)
                .toList();
        paceIndicator = pace.get("indicator").map(n -> n.oneOf(flows)).orElse(paceIndicator);
        target = pace.getNumber("target_growth", target);
      }
      YamlNode red = sub(s, "red", List.of("bottom", "behind_pace_and_falling"));
      YamlNode yellow =
          sub(s, "yellow", List.of("drop_places", "falling_indicators", "behind_pace"));
      YamlNode blue = sub(s, "blue", List.of("top", "rise_places"));
      sb =
          new RoutineRules.Scoreboard(
              paceIndicator,
              target,
              s.getNumber("falling_below", d.fallingBelow()),
              nonNegative(red, "bottom", d.redBottom()),
              nonNegative(red, "behind_pace_and_falling", d.redFalling()),
              nonNegative(yellow, "drop_places", d.yellowDrop()),
              nonNegative(yellow, "falling_indicators", d.yellowFalling()),
              yellow == null ? d.yellowBehindPace() : yellow.getBool("behind_pace", true),
              nonNegative(blue, "top", d.blueTop()),
              nonNegative(blue, "rise_places", d.blueRise()));
    }
    RoutineRules.AnnualWeighting w = null;
    if (r.has("annual_weighting")) {
      YamlNode a =
          r.require("annual_weighting").allowOnly(List.of("routine", "annual", "min_periods"));
      double routine = a.require("routine").number();
      double annual = a.require("annual").number();
      if (routine < 0 || annual < 0 || Math.abs(routine + annual - 100) > 1e-9) {
        throw a.error(
            "annual_weighting: routine ("
                + routine
                + ") and annual ("
                + annual
                + ") must be non-negative and add up to 100");
      }
      int min = a.getInt("min_periods", 4);
      if (min < 1) {
        throw a.require("min_periods").error("min_periods must be at least 1");
      }
      w = new RoutineRules.AnnualWeighting(routine, annual, min);
    }
    return new RoutineRules(sb, w, doc.name());
  }

  private static YamlNode sub(YamlNode s, String key, List<String> allowed) {
    return s.get(key).map(n -> n.allowOnly(allowed)).orElse(null);
  }

  private static int nonNegative(YamlNode n, String key, int fallback) {
    if (n == null || !n.has(key)) {
      return fallback;
    }
    int v = n.require(key).integer();
    if (v < 0) {
      throw n.require(key).error(key + " must not be negative");
    }
    return v;
  }
}
