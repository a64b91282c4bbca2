package zoneassess.schema.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Markdown link in README.md and docs/ resolves: a relative link names an existing file, and
 * an anchor ({@code #section}, in the same file or another Markdown file) names a heading there,
 * spelled as GitHub spells heading anchors. Web links are not fetched.
 */
class MarkdownLinksTest {
  private static final Pattern LINK = Pattern.compile("(?<!!)\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

  private final Path project = Path.of(System.getProperty("zoneassess.project.dir", ".."));

  @Test
  void everyRelativeLinkAndAnchorResolves() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(project.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(project.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      List<String> lines = prose(file, true);
      for (int i = 0; i < lines.size(); i++) {
        for (Pattern p : List.of(LINK, IMAGE)) {
          Matcher m = p.matcher(lines.get(i));
          while (m.find()) {
            String target = m.group(1);
            if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
              continue; // http:, https:, mailto:
            }
            checked++;
            String problem = problem(file, target);
            if (problem != null) {
              broken.add(project.relativize(file) + ":" + (i + 1) + ": " + target + " " + problem);
            }
          }
        }
      }
    }
    assertTrue(checked > 10, "only " + checked + " links found: is the walker reading the docs?");
    assertEquals(List.of(), broken, String.join("\n", broken));
  }

  @Test
  void anchorsAreSpelledLikeGitHub() {
    assertEquals(
        Set.of("factor-cost-marts--要素成本", "run-a-stage-again", "run-a-stage-again-1", "zone_code"),
        anchors(
            List.of(
                "## Factor-cost marts / 要素成本",
                "### Run a stage again",
                "## Run a stage again",
                "# `zone_code`")));
  }

  private String problem(Path from, String target) throws IOException {
    int hash = target.indexOf('#');
    String pathPart = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved =
        pathPart.isEmpty()
            ? from
            : from.getParent()
                .resolve(java.net.URLDecoder.decode(pathPart, StandardCharsets.UTF_8));
    if (!Files.exists(resolved)) {
      return "→ no such file " + project.relativize(resolved.normalize());
    }
    if (anchor == null || !resolved.toString().endsWith(".md")) {
      return null;
    }
    String wanted = java.net.URLDecoder.decode(anchor, StandardCharsets.UTF_8);
    return anchors(prose(resolved, false)).contains(wanted)
        ? null
        : "→ no heading with that anchor";
  }

  /** The lines outside fenced code blocks, with inline code emptied when asked. */
  private static List<String> prose(Path file, boolean emptyInlineCode) throws IOException {
    List<String> out = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        out.add("");
        continue;
      }
      out.add(fenced ? "" : emptyInlineCode ? line.replaceAll("`[^`]*`", "``") : line);
    }
    return out;
  }

  /** GitHub's heading anchors: lower case, punctuation dropped, spaces to '-', repeats numbered. */
  static Set<String> anchors(List<String> lines) {
    Set<String> out = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : lines) {
      Matcher m = HEADING.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String slug =
          m.group(1)
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{N}\\p{M} _-]", "")
              .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum) - 1;
      out.add(n == 0 ? slug : slug + "-" + n);
    }
    return out;
  }
}
