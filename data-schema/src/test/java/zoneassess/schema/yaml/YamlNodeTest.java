package zoneassess.schema.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlNodeTest {
  private static final String DOC =
      """
      id: demo
      weights:
        a: 0.5
        b: 0.5
      items:
        - code: x
          wieght: 2
      """;

  @Test
  void typoInKeyIsReportedWithLineAndSuggestion() {
    YamlNode item = YamlDoc.parse("demo.yaml", DOC).root().require("items").list().get(0);
    SpecException e =
        assertThrows(SpecException.class, () -> item.allowOnly(List.of("code", "weight")));
    // "wieght" is on line 7, column 5 of DOC.
    assertEquals(7, e.line());
    assertEquals(5, e.column());
    assertTrue(e.getMessage().startsWith("demo.yaml:7:5: unknown key 'wieght'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'weight'?"), e.getMessage());
  }

  @Test
  void wrongShapeNamesThePath() {
    YamlNode root = YamlDoc.parse("demo.yaml", DOC).root();
    SpecException e = assertThrows(SpecException.class, () -> root.require("weights").number());
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("expected a single value at 'weights'"), e.getMessage());
  }

  @Test
  void duplicateKeysAndSyntaxErrorsAreLocated() {
    SpecException dup =
        assertThrows(
            SpecException.class,
            () -> YamlDoc.parse("d.yaml", "a: 1\nb: 2\na: 3\n").root().entries());
    assertEquals(3, dup.line());
    SpecException syntax =
        assertThrows(SpecException.class, () -> YamlDoc.parse("s.yaml", "a: [1, 2\nb: 3\n"));
    assertTrue(syntax.getMessage().startsWith("s.yaml:"), syntax.getMessage());
    assertTrue(syntax.getMessage().contains("not valid YAML"), syntax.getMessage());
  }

  @Test
  void numbersAcceptPercentAndUnderscores() {
    YamlNode r = YamlDoc.parse("n.yaml", "p: 30%\nq: 1_000\nr: abc\n").root();
    assertEquals(30.0, r.require("p").number());
    assertEquals(1000, r.require("q").integer());
    SpecException e = assertThrows(SpecException.class, () -> r.require("r").number());
    assertTrue(
        e.getMessage().contains("n.yaml:3:4: expected a number at 'r', found 'abc'"),
        e.getMessage());
  }
}
