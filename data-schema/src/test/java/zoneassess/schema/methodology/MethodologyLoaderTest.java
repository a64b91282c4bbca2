package zoneassess.schema.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import zoneassess.schema.yaml.SpecException;
import zoneassess.schema.yaml.YamlDoc;

class MethodologyLoaderTest {

  /** A small valid methodology; tests replace one line to break it. */
  private static final String VALID =
      String.join(
          "\n",
          "id: tiny", // 1
          "weights_sum_to: 1", // 2
          "inputs: [gdp, land]", // 3
          "aggregates:", // 4
          "  - code: index", // 5
          "    aggregation: geometric", // 6
          "  - code: dim_a", // 7
          "    parent: index", // 8
          "    weight: 0.6", // 9
          "  - code: dim_b", // 10
          "    parent: index", // 11
          "    weight: 0.4", // 12
          "indicators:", // 13
          "  - code: density", // 14
          "    parent: dim_a", // 15
          "    formula: gdp / land", // 16
          "    weight: 1", // 17
          "  - code: gdp_level", // 18
          "    parent: dim_b", // 19
          "    column: gdp", // 20
          "    normalisation: {method: zscore}", // 21
          "    weight: 1", // 22
          "");

  private static Methodology parse(String text) {
    return MethodologyLoader.parse(YamlDoc.parse("m.yaml", text));
  }

  private static SpecException failing(String text) {
    return assertThrows(SpecException.class, () -> parse(text));
  }

  @Test
  void readsTheTreeBottomUp() {
    Methodology m = parse(VALID);
    assertEquals("index", m.root().code());
    assertEquals(
        List.of("density", "gdp_level"), m.leaves().stream().map(IndicatorNode::code).toList());
    assertEquals(
        List.of("dim_a", "dim_b", "index"),
        m.aggregates().stream().map(IndicatorNode::code).toList());
    assertEquals(Aggregation.Method.GEOMETRIC, m.root().aggregation().method());
    assertEquals(
        Normalisation.Method.MINMAX, m.find("density").orElseThrow().normalisation().method());
    assertEquals(
        Normalisation.Method.ZSCORE, m.find("gdp_level").orElseThrow().normalisation().method());
    assertEquals(0.6, m.find("dim_a").orElseThrow().weight());
    assertEquals("index", m.parentOf("dim_b").orElseThrow().code());
    assertNull(m.find("density").orElseThrow().column());
    assertEquals("gdp", m.find("gdp_level").orElseThrow().column());
  }

  @Test
  void shippedMethodologiesLoad() {
    for (String name :
        List.of(
            "jiangsu-2021", "national-2021", "conformance/hdi-2022", "conformance/asem-coinr")) {
      LoadedMethodology lm = MethodologyLoader.load("classpath:methodologies/" + name + ".yaml");
      assertEquals(64, lm.sha256().length());
      assertTrue(lm.methodology().leaves().size() >= 4, name);
    }
    Methodology asem =
        MethodologyLoader.load("classpath:methodologies/conformance/asem-coinr.yaml").methodology();
    assertEquals(49, asem.leaves().size());
    assertEquals(11, asem.aggregates().size());
    Methodology js =
        MethodologyLoader.load("classpath:methodologies/jiangsu-2021.yaml").methodology();
    assertEquals("classpath:rules/jiangsu-2021-rules.yaml", js.rules());
    assertEquals("region", js.root().weightsBy());
    assertEquals(35.0, js.find("economy").orElseThrow().weightFor("north"));
    Methodology nat =
        MethodologyLoader.load("classpath:methodologies/national-2021.yaml").methodology();
    assertEquals(
        List.of(30.0, 30.0, 15.0, 15.0, 10.0),
        nat.root().children().stream().map(IndicatorNode::weight).toList());
  }

  @Test
  void unknownIndicatorInFormulaNamesFileLineAndName() {
    SpecException e = failing(VALID.replace("formula: gdp / land", "formula: gdp / lnad"));
    assertEquals("m.yaml", e.file());
    assertEquals(16, e.line());
    assertTrue(
        e.getMessage()
            .contains("refers to 'lnad', which is neither a declared input nor an indicator"),
        e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'land'?"), e.getMessage());
  }

  @Test
  void weightsThatDoNotSumAreReportedAtTheParent() {
    SpecException e = failing(VALID.replace("weight: 0.4", "weight: 0.3"));
    assertEquals(5, e.line());
    assertTrue(e.getMessage().startsWith("m.yaml:5:"), e.getMessage());
    assertTrue(
        e.getMessage()
            .contains(
                "the weights of the children of 'index' sum to 0.9, not 1 (weights_sum_to at line 2)"),
        e.getMessage());
  }

  @Test
  void cycleInTheTreeIsReported() {
    // dim_a → dim_b → dim_a never reaches the index
    String text =
        VALID
            .replace("    parent: index\n    weight: 0.6", "    parent: dim_b\n    weight: 0.6")
            .replace("    parent: index\n    weight: 0.4", "    parent: dim_a\n    weight: 0.4");
    SpecException e = failing(text);
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    assertTrue(
        e.getMessage().contains("dim_a → dim_b → dim_a")
            || e.getMessage().contains("dim_b → dim_a → dim_b"),
        e.getMessage());
    assertTrue(e.line() == 8 || e.line() == 11, "line " + e.line());
  }

  @Test
  void typoInKeyGetsLineAndSuggestion() {
    SpecException e = failing(VALID.replace("    weight: 0.6", "    wieght: 0.6"));
    assertEquals(9, e.line());
    assertTrue(e.getMessage().contains("unknown key 'wieght'"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean 'weight'?"), e.getMessage());
  }

  @Test
  void unknownNormalisationMethodIsReported() {
    SpecException e = failing(VALID.replace("{method: zscore}", "{method: zscores}"));
    assertEquals(21, e.line());
    assertTrue(
        e.getMessage().contains("'zscores' is not allowed")
            && e.getMessage().contains("did you mean 'zscore'?"),
        e.getMessage());
  }

  @Test
  void badNormalisationParametersAreReported() {
    SpecException e =
        failing(VALID.replace("{method: zscore}", "{method: minmax, low: 10, high: 0}"));
    assertEquals(21, e.line());
    assertTrue(e.getMessage().contains("minmax needs high > low"), e.getMessage());
    SpecException g = failing(VALID.replace("{method: zscore}", "{method: goalposts, min: 1}"));
    assertTrue(g.getMessage().contains("normalisation 'goalposts' needs 'max'"), g.getMessage());
  }

  @Test
  void duplicateCodeNamesTheFirstUse() {
    SpecException e = failing(VALID.replace("code: gdp_level", "code: density"));
    assertEquals(18, e.line());
    assertTrue(
        e.getMessage().contains("code 'density' is already used at line 14"), e.getMessage());
  }

  @Test
  void unknownParentAndUnknownDenominatorAreReported() {
    SpecException p = failing(VALID.replace("    parent: dim_a", "    parent: dim_c"));
    assertEquals(15, p.line());
    assertTrue(
        p.getMessage().contains("parent 'dim_c' of 'density' is not an aggregate"), p.getMessage());
    SpecException d =
        failing(VALID.replace("    column: gdp", "    column: gdp\n    denominator: population"));
    assertTrue(
        d.getMessage()
            .contains(
                "denominator 'population' of 'gdp_level' is neither a declared input nor an indicator"),
        d.getMessage());
  }

  @Test
  void formulaSyntaxErrorsCarryTheLine() {
    SpecException e = failing(VALID.replace("formula: gdp / land", "formula: gdp / (land"));
    assertEquals(16, e.line());
    assertTrue(e.getMessage().contains("missing ')'"), e.getMessage());
    SpecException f = failing(VALID.replace("formula: gdp / land", "formula: exec(gdp)"));
    assertTrue(f.getMessage().contains("unknown function 'exec'"), f.getMessage());
  }

  @Test
  void groupWeightsNeedWeightsByAndMatchingSets() {
    String grouped =
        VALID
            .replace("weights_sum_to: 1\n", "")
            .replace(
                "    aggregation: geometric", "    aggregation: geometric\n    weights_by: region")
            .replace("weight: 0.6", "weight: {south: 0.6, north: 0.5}")
            .replace("weight: 0.4", "weight: {south: 0.4, north: 0.5}");
    Methodology m = parse(grouped);
    assertEquals(0.5, m.find("dim_b").orElseThrow().weightFor("north"));
    SpecException e = failing(grouped.replace("{south: 0.4, north: 0.5}", "{south: 0.4}"));
    assertTrue(
        e.getMessage().contains("the weight sets of 'dim_b' [south] differ from those of 'dim_a'"),
        e.getMessage());
    SpecException sum =
        failing(
            "weights_sum_to: 1\n"
                + grouped.replace("{south: 0.4, north: 0.5}", "{south: 0.4, north: 0.6}"));
    assertTrue(sum.getMessage().contains("for region = north sum to 1.1"), sum.getMessage());
  }

  @Test
  void excludeRowsAndRankingAreRead() {
    Methodology m =
        parse(
            VALID
                + "exclude_rows: [\"is_aggregate = 1\", \"level != 'national'\"]\n"
                + "ranking: {decimals: 3, ties: {break_by: [dim_a]}, groups: [{name: all}, {name: city, by: [city]}]}\n");
    assertEquals(
        new RowFilter("is_aggregate", "=", "1", true, "is_aggregate = 1"), m.excludeRows().get(0));
    assertEquals(
        new RowFilter("level", "!=", "national", false, "level != 'national'"),
        m.excludeRows().get(1));
    assertEquals(3, m.ranking().decimals());
    assertEquals(12, m.ranking().significantDigits(), "the default rank precision");
    assertEquals(
        8,
        parse(VALID + "ranking: {decimals: 3, significant_digits: 8}\n")
            .ranking()
            .significantDigits());
    assertEquals(List.of("dim_a"), m.ranking().breakBy());
    assertEquals("rank_city", m.ranking().groups().get(1).rankColumn());
    SpecException e = failing(VALID + "ranking: {ties: {break_by: [dim_x]}}\n");
    assertTrue(
        e.getMessage().contains("tie-break 'dim_x' is not a node of the tree"), e.getMessage());
    SpecException c = failing(VALID + "exclude_rows: [\"is_aggregate ~ 1\"]\n");
    assertTrue(c.getMessage().contains("cannot read condition 'is_aggregate ~ 1'"), c.getMessage());
  }

  @Test
  void rulesMustNotBeEmptyAndGroupMeanNeedsGroups() {
    SpecException r = failing(VALID + "rules: \" \"\n");
    assertTrue(r.getMessage().contains("'rules' must not be empty"), r.getMessage());
    SpecException g = failing(VALID + "missing: {impute: group_mean}\n");
    assertTrue(g.getMessage().contains("group_mean needs 'group_by'"), g.getMessage());
  }
}
