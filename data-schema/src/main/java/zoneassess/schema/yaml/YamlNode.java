package zoneassess.schema.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A node of a YAML document that remembers where it came from. Every accessor that finds the wrong
 * shape throws a {@link SpecException} pointing at the node's line and column, so loaders read like
 * a schema and their errors are precise without extra effort.
 */
public final class YamlNode {
  private final String file;
  private final Node node;
  private final String path;

  YamlNode(String file, Node node, String path) {
    this.file = file;
    this.node = node;
    this.path = path;
  }

  /** Dotted path from the document root, e.g. {@code tree.children[2].weight}. */
  public String path() {
    return path;
  }

  public String file() {
    return file;
  }

  public int line() {
    return node.getStartMark().getLine() + 1;
  }

  public int column() {
    return node.getStartMark().getColumn() + 1;
  }

  /** An error located at this node. */
  public SpecException error(String problem) {
    return new SpecException(file, line(), column(), problem);
  }

  public boolean isMap() {
    return node instanceof MappingNode;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  public boolean isScalar() {
    return node instanceof ScalarNode;
  }

  public boolean isNull() {
    return node instanceof ScalarNode s && isNullScalar(s);
  }

  private static boolean isNullScalar(ScalarNode s) {
    String v = s.getValue();
    return s.getTag().getValue().endsWith(":null")
        || v.isEmpty()
        || v.equals("~")
        || v.equals("null");
  }

  /** The entries of a mapping in document order. Duplicate keys are an error. */
  public Map<String, YamlNode> entries() {
    if (!(node instanceof MappingNode m)) {
      throw error("expected a mapping (key: value) at '" + path + "', found " + kind());
    }
    Map<String, YamlNode> out = new LinkedHashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        throw new YamlNode(file, t.getKeyNode(), path).error("keys must be plain text");
      }
      String key = k.getValue();
      YamlNode child = new YamlNode(file, t.getValueNode(), join(key));
      if (out.put(key, child) != null) {
        throw new YamlNode(file, k, path)
            .error("key '" + key + "' appears twice in '" + path + "'");
      }
    }
    return out;
  }

  /**
   * Checks that a mapping uses only {@code allowed} keys; an unknown key is reported with the
   * closest allowed spelling ("did you mean …?"), which catches typos such as {@code wieght}.
   */
  public YamlNode allowOnly(Collection<String> allowed) {
    for (Map.Entry<String, YamlNode> e : entries().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String hint =
            closest(e.getKey(), allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
        Set<String> sorted = new TreeSet<>(allowed);
        throw keyNode(e.getKey())
            .error(
                "unknown key '"
                    + e.getKey()
                    + "' in '"
                    + path
                    + "'"
                    + hint
                    + " (allowed: "
                    + String.join(", ", sorted)
                    + ")");
      }
    }
    return this;
  }

  private YamlNode keyNode(String key) {
    MappingNode m = (MappingNode) node;
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return new YamlNode(file, k, join(key));
      }
    }
    return this;
  }

  public Optional<YamlNode> get(String key) {
    YamlNode v = entries().get(key);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
  }

  public boolean has(String key) {
    return get(key).isPresent();
  }

  public YamlNode require(String key) {
    return get(key)
        .orElseThrow(() -> error("missing required key '" + key + "' in '" + path + "'"));
  }

  public List<YamlNode> list() {
    if (!(node instanceof SequenceNode s)) {
      throw error("expected a list at '" + path + "', found " + kind());
    }
    List<YamlNode> out = new ArrayList<>();
    int i = 0;
    for (Node n : s.getValue()) {
      out.add(new YamlNode(file, n, path + "[" + i++ + "]"));
    }
    return out;
  }

  /** A list, or a single value read as a one-element list. */
  public List<YamlNode> listOrSingle() {
    return isList() ? list() : List.of(this);
  }

  public String string() {
    if (!(node instanceof ScalarNode s)) {
      throw error("expected a single value at '" + path + "', found " + kind());
    }
    return s.getValue();
  }

  public double number() {
    String s = string().strip().replace("_", "");
    try {
      return Double.parseDouble(s.endsWith("%") ? s.substring(0, s.length() - 1) : s);
    } catch (NumberFormatException e) {
      throw error("expected a number at '" + path + "', found '" + string() + "'");
    }
  }

  public int integer() {
    double d = number();
    if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
      throw error("expected a whole number at '" + path + "', found '" + string() + "'");
    }
    return (int) d;
  }

  public boolean bool() {
    String s = string().strip().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error("expected true or false at '" + path + "', found '" + string() + "'");
    };
  }

  /** A string that must be one of {@code allowed}. */
  public String oneOf(Collection<String> allowed) {
    String v = string();
    if (!allowed.contains(v)) {
      String hint = closest(v, allowed).map(s -> "; did you mean '" + s + "'?").orElse("");
      throw error(
          "'"
              + v
              + "' is not allowed at '"
              + path
              + "'"
              + hint
              + " (allowed: "
              + String.join(", ", allowed)
              + ")");
    }
    return v;
  }

  public String getString(String key, String fallback) {
    return get(key).map(YamlNode::string).orElse(fallback);
  }

  public double getNumber(String key, double fallback) {
    return get(key).map(YamlNode::number).orElse(fallback);
  }

  public int getInt(String key, int fallback) {
    return get(key).map(YamlNode::integer).orElse(fallback);
  }

  public boolean getBool(String key, boolean fallback) {
    return get(key).map(YamlNode::bool).orElse(fallback);
  }

  private String kind() {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    return "'" + ((ScalarNode) node).getValue() + "'";
  }

  private String join(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /**
   * The allowed word within edit distance 2 of {@code word} (case-insensitive Levenshtein), if any:
   * the one spelling-suggestion helper of the project.
   */
  public static Optional<String> closest(String word, Collection<String> allowed) {
    String best = null;
    int bestD = 3;
    for (String a : allowed) {
      int d = distance(word.toLowerCase(Locale.ROOT), a.toLowerCase(Locale.ROOT));
      if (d < bestD) {
        bestD = d;
        best = a;
      }
    }
    return Optional.ofNullable(best);
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
