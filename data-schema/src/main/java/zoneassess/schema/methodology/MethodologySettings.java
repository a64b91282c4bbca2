package zoneassess.schema.methodology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import zoneassess.schema.ranking.RankPrecision;
import zoneassess.schema.yaml.YamlNode;

/**
 * Reads the settings of a methodology node or file, one YAML value at a time: normalisation (one
 * {@link Normalisation} record per method, each with its own keys and checks), transform,
 * aggregation, outliers, missing data, ranking and row conditions.
 */
final class MethodologySettings {
  static final Pattern CODE = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
  private static final Pattern CONDITION =
      Pattern.compile("\\s*([\\p{L}_][\\p{L}\\p{N}_]*)\\s*(==|=|!=|<>|<=|>=|<|>)\\s*(.+?)\\s*");

  private MethodologySettings() {}

  /** A normalisation: a method name, or a mapping with {@code method} and that method's keys. */
  static Normalisation normalisation(YamlNode n) {
    String m = (n.isScalar() ? n : n.require("method")).oneOf(Normalisation.Method.yamlNames());
    Normalisation.Method method = Normalisation.Method.valueOf(m.toUpperCase(Locale.ROOT));
    List<String> allowed =
        switch (method) {
          case NONE, RANK -> List.of("method");
          case MINMAX -> List.of("method", "low", "high");
          case GOALPOSTS -> List.of("method", "min", "max", "cap", "scale");
          case ZSCORE -> List.of("method", "scale", "centre");
          case PERCENTILE_RANK -> List.of("method", "scale");
          case RANK_POINTS -> List.of("method", "first", "step", "floor");
          case DISTANCE_TO_TARGET -> List.of("method", "target", "cap", "scale");
          case BENCHMARK -> List.of("method", "benchmark", "cap", "scale");
        };
    if (n.isMap()) {
      n.allowOnly(allowed);
    }
    Keys k = new Keys(n, m);
    return switch (method) {
      case NONE -> new Normalisation.None();
      case RANK -> new Normalisation.Rank();
      case MINMAX -> minmax(n, k.num("low", 0), k.num("high", 100));
      case GOALPOSTS -> goalposts(n, k.req("min"), k.req("max"), k.bool("cap"), k.num("scale", 1));
      case ZSCORE -> new Normalisation.ZScore(k.num("scale", 1), k.num("centre", 0));
      case PERCENTILE_RANK -> new Normalisation.PercentileRank(k.num("scale", 100));
      case RANK_POINTS ->
          new Normalisation.RankPoints(k.num("first", 100), k.num("step", 5), k.num("floor", 0));
      case DISTANCE_TO_TARGET ->
          new Normalisation.DistanceToTarget(k.req("target"), k.bool("cap"), k.num("scale", 1));
      case BENCHMARK ->
          benchmark(n, k.req("benchmark"), k.num("cap", Double.NaN), k.num("scale", 1));
    };
  }

  /** The numeric and boolean keys of a normalisation mapping (none when written as a word). */
  private record Keys(YamlNode n, String method) {
    double num(String key, double fallback) {
      return n.isMap() ? n.getNumber(key, fallback) : fallback;
    }

    boolean bool(String key) {
      return !n.isMap() || n.getBool(key, true);
    }

    double req(String key) {
      if (!n.isMap() || !n.has(key)) {
        throw n.error("normalisation '" + method + "' needs '" + key + "'");
      }
      return n.require(key).number();
    }
  }

  private static Normalisation minmax(YamlNode n, double low, double high) {
    if (!(high > low)) {
      throw n.error("minmax needs high > low, found low " + fmt(low) + ", high " + fmt(high));
    }
    return new Normalisation.MinMax(low, high);
  }

  private static Normalisation goalposts(
      YamlNode n, double min, double max, boolean cap, double scale) {
    if (!(max > min)) {
      throw n.error("goalposts need max > min, found min " + fmt(min) + ", max " + fmt(max));
    }
    return new Normalisation.Goalposts(min, max, cap, scale);
  }

  private static Normalisation benchmark(
      YamlNode n, double benchmark, double capRatio, double scale) {
    if (!(benchmark > 0)) {
      throw n.error("benchmark must be > 0, found " + fmt(benchmark));
    }
    if (n.isMap() && n.has("cap") && !(capRatio > 0)) {
      throw n.error("benchmark cap must be > 0, found " + fmt(capRatio));
    }
    return new Normalisation.Benchmark(benchmark, capRatio, scale);
  }

  static Transform transform(YamlNode n) {
    return Transform.valueOf(
        n.oneOf(List.of("none", "log", "log10", "log1p")).toUpperCase(Locale.ROOT));
  }

  static Aggregation aggregation(YamlNode n) {
    List<String> methods = List.of("arithmetic", "geometric", "harmonic", "weighted_sum");
    String m;
    Aggregation.MissingChildren missing = Aggregation.MissingChildren.REWEIGHT;
    if (n.isScalar()) {
      m = n.oneOf(methods);
    } else {
      n.allowOnly(List.of("method", "missing"));
      m = n.require("method").oneOf(methods);
      missing =
          n.get("missing")
              .map(
                  x ->
                      Aggregation.MissingChildren.valueOf(
                          x.oneOf(List.of("reweight", "missing")).toUpperCase(Locale.ROOT)))
              .orElse(missing);
    }
    return new Aggregation(Aggregation.Method.valueOf(m.toUpperCase(Locale.ROOT)), missing);
  }

  static OutlierTreatment outliers(YamlNode n) {
    if (n.isScalar()) {
      String m = n.oneOf(List.of("none", "winsorise"));
      return m.equals("none")
          ? OutlierTreatment.none()
          : new OutlierTreatment(true, 2, 3.5, 0, 0.1, true);
    }
    n.allowOnly(List.of("method", "skewness", "kurtosis", "max_rounds", "max_share", "fallback"));
    String m = n.require("method").oneOf(List.of("none", "winsorise"));
    if (m.equals("none")) {
      return OutlierTreatment.none();
    }
    int rounds = n.getInt("max_rounds", 0);
    double share = n.getNumber("max_share", 0.1);
    if (rounds < 0) {
      throw n.require("max_rounds").error("max_rounds must be ≥ 0");
    }
    if (!(share > 0 && share < 1)) {
      throw n.require("max_share").error("max_share must be between 0 and 1 (exclusive)");
    }
    boolean log =
        n.get("fallback").map(x -> x.oneOf(List.of("log", "none")).equals("log")).orElse(true);
    return new OutlierTreatment(
        true, n.getNumber("skewness", 2), n.getNumber("kurtosis", 3.5), rounds, share, log);
  }

  static MissingData missing(YamlNode n) {
    n.allowOnly(List.of("impute", "group_by"));
    String m = n.require("impute").oneOf(List.of("none", "mean", "median", "group_mean"));
    List<String> by =
        n.get("group_by")
            .map(x -> x.listOrSingle().stream().map(YamlNode::string).toList())
            .orElse(List.of());
    if (m.equals("group_mean") && by.isEmpty()) {
      throw n.error("impute: group_mean needs 'group_by' (one or more columns, e.g. [region])");
    }
    if (!m.equals("group_mean") && !by.isEmpty()) {
      throw n.require("group_by").error("'group_by' only applies to impute: group_mean");
    }
    return new MissingData(MissingData.Imputation.valueOf(m.toUpperCase(Locale.ROOT)), by);
  }

  static Ranking ranking(YamlNode n, IndicatorNode root) {
    n.allowOnly(List.of("order", "decimals", "ties", "groups", RankPrecision.KEY));
    boolean desc =
        n.get("order")
            .map(x -> x.oneOf(List.of("descending", "ascending")).equals("descending"))
            .orElse(true);
    int decimals = n.getInt("decimals", -1);
    if (decimals < -1 || decimals > 15) {
      throw n.require("decimals").error("decimals must be between 0 and 15");
    }
    List<String> breakBy = List.of();
    Optional<YamlNode> ties = n.get("ties");
    if (ties.isPresent()) {
      YamlNode t = ties.get();
      if (t.isScalar()) {
        t.oneOf(List.of("shared"));
      } else {
        t.allowOnly(List.of("break_by"));
        YamlNode bb = t.require("break_by");
        breakBy = bb.listOrSingle().stream().map(YamlNode::string).toList();
        Set<String> nodes = new LinkedHashSet<>();
        collectCodes(root, nodes);
        for (String b : breakBy) {
          if (!nodes.contains(b)) {
            throw bb.error(
                "tie-break '"
                    + b
                    + "' is not a node of the tree"
                    + hint(b, new ArrayList<>(nodes)));
          }
        }
      }
    }
    List<Ranking.RankingGroup> groups = new ArrayList<>();
    Optional<YamlNode> g = n.get("groups");
    if (g.isPresent()) {
      Set<String> names = new LinkedHashSet<>();
      for (YamlNode gi : g.get().list()) {
        gi.allowOnly(List.of("name", "by"));
        String name = gi.require("name").string();
        if (!CODE.matcher(name).matches()) {
          throw gi.require("name")
              .error("ranking group name '" + name + "' must be letters, digits and '_'");
        }
        if (!names.add(name)) {
          throw gi.require("name").error("ranking group '" + name + "' appears twice");
        }
        List<String> by =
            gi.get("by")
                .map(x -> x.listOrSingle().stream().map(YamlNode::string).toList())
                .orElse(List.of());
        groups.add(new Ranking.RankingGroup(name, by));
      }
    } else {
      groups.add(new Ranking.RankingGroup("all", List.of()));
    }
    return new Ranking(desc, decimals, breakBy, groups, RankPrecision.read(n));
  }

  static void collectCodes(IndicatorNode n, Set<String> out) {
    out.add(n.code());
    n.children().forEach(c -> collectCodes(c, out));
  }

  static RowFilter condition(YamlNode n) {
    String text = n.string();
    Matcher m = CONDITION.matcher(text);
    if (!m.matches()) {
      throw n.error(
          "cannot read condition '"
              + text
              + "': write 'column op value' with op one of = != < <= > >=, e.g. is_aggregate = 1");
    }
    String op =
        switch (m.group(2)) {
          case "==" -> "=";
          case "<>" -> "!=";
          default -> m.group(2);
        };
    String v = m.group(3);
    boolean quoted =
        v.length() >= 2
            && (v.startsWith("'") && v.endsWith("'") || v.startsWith("\"") && v.endsWith("\""));
    if (quoted) {
      return new RowFilter(m.group(1), op, v.substring(1, v.length() - 1), false, text);
    }
    try {
      Double.parseDouble(v);
      return new RowFilter(m.group(1), op, v, true, text);
    } catch (NumberFormatException e) {
      if (!CODE.matcher(v).matches()) {
        throw n.error(
            "cannot read value '"
                + v
                + "' in condition '"
                + text
                + "': quote text values, e.g. level = 'national'");
      }
      return new RowFilter(m.group(1), op, v, false, text);
    }
  }

  static String nonEmpty(YamlNode n, String key) {
    String s = n.string().strip();
    if (s.isEmpty()) {
      throw n.error("'" + key + "' must not be empty");
    }
    return s;
  }

  /** "; did you mean 'x'?" for the known word within edit distance 2, else "". */
  static String hint(String word, List<String> known) {
    return YamlNode.closest(word, known).map(best -> "; did you mean '" + best + "'?").orElse("");
  }

  static String fmt(double x) {
    if (x == Math.rint(x) && Math.abs(x) < 1e15) {
      return String.valueOf((long) x);
    }
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(12))
        .stripTrailingZeros()
        .toPlainString();
  }
}
