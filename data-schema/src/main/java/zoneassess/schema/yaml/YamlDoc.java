package zoneassess.schema.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.Node;
import zoneassess.schema.digest.Sha256;

/**
 * A parsed specification file: its name, its text (so its SHA-256 can go into a run manifest) and
 * its root node. Shipped files are read from the classpath as {@code
 * classpath:methodologies/x.yaml}; user files from a path.
 *
 * @param name the name used in error messages (file path or classpath: name)
 * @param text the file's text
 * @param root the document's root node
 */
public record YamlDoc(String name, String text, YamlNode root) {

  /** Parses {@code text}; a YAML syntax error becomes a located {@link SpecException}. */
  public static YamlDoc parse(String name, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // reported with a location by YamlNode.entries()
    options.setMaxAliasesForCollections(50);
    Node node;
    try {
      node = new Yaml(options).compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new SpecException(
          name,
          mark == null ? 0 : mark.getLine() + 1,
          mark == null ? 0 : mark.getColumn() + 1,
          "not valid YAML: " + e.getProblem());
    }
    if (node == null) {
      throw new SpecException(name, 1, 1, "the file is empty");
    }
    return new YamlDoc(name, text, new YamlNode(name, node, ""));
  }

  /**
   * Loads {@code location}: {@code classpath:some/file.yaml} for a file shipped in a jar, anything
   * else as a path on disk.
   */
  public static YamlDoc load(String location) {
    if (location.startsWith("classpath:")) {
      String res = location.substring("classpath:".length());
      try (InputStream in = YamlDoc.class.getClassLoader().getResourceAsStream(res)) {
        if (in == null) {
          throw new SpecException(location, 0, 0, "no such file on the classpath");
        }
        return parse(location, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Path p = Path.of(location);
    if (!Files.isRegularFile(p)) {
      throw new SpecException(location, 0, 0, "file not found");
    }
    try {
      return parse(location, Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + location, e);
    }
  }

  /** SHA-256 of the text (UTF-8), for manifests. */
  public String sha256() {
    return Sha256.hex(text);
  }
}
