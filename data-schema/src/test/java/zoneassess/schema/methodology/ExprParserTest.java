package zoneassess.schema.methodology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprParserTest {

  @Test
  void precedenceAndChineseOperators() {
    // a + b × c ÷ 2 parses as a + ((b × c) ÷ 2)
    Expr e = ExprParser.parse("a + b × c ÷ 2");
    assertEquals(
        new Expr.Binary(
            '+',
            new Expr.Ref("a"),
            new Expr.Binary(
                '/', new Expr.Binary('*', new Expr.Ref("b"), new Expr.Ref("c")), new Expr.Num(2))),
        e);
    assertEquals(Set.of("a", "b", "c"), e.references());
  }

  @Test
  void growthFormsAndFunctions() {
    Expr.Call prev = (Expr.Call) ExprParser.parse("growth(gdp, previous)");
    assertEquals(null, prev.growthBase());
    Expr.Call base = (Expr.Call) ExprParser.parse("growth(gdp / land, base=2018)");
    assertEquals("2018", base.growthBase());
    assertTrue(base.usesOtherPeriods());
    assertEquals(
        List.of("x", "y", "z"), List.copyOf(ExprParser.parse("sum(x, y, -z)").references()));
    assertEquals(Set.of("中文指标"), ExprParser.parse("log(中文指标)").references());
    assertEquals(Set.of("odd name"), ExprParser.parse("`odd name` * 1e-4").references());
  }

  @Test
  void errorsNameThePosition() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ExprParser.parse("a + * b"));
    assertTrue(e.getMessage().contains("at character 5"), e.getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ExprParser.parse("growth(a, last)"))
            .getMessage()
            .contains("'previous' or 'base=<period>'"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ExprParser.parse("log(a, b)"))
            .getMessage()
            .contains("log takes 1 argument(s), found 2"));
  }
}
