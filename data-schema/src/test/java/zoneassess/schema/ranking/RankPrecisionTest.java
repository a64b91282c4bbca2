package zoneassess.schema.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankPrecisionTest {
  private static final int D = RankPrecision.DEFAULT_SIGNIFICANT_DIGITS;

  @Test
  void equalPricesFromDifferentPathsCompareEqual() {
    // 0.24 + 2.49 + 0.22 is 2.95 exactly in decimal; in doubles it ends 2.9500000000000006.
    double summed = 0.24 + 2.49 + 0.22;
    assertNotEquals(2.95, summed);
    assertEquals(2.95, RankPrecision.comparable(summed, D));
    assertEquals(2.95, RankPrecision.comparable(2.95, D));
    // 0.1 + 0.2 = 0.30000000000000004
    assertEquals(0.3, RankPrecision.comparable(0.1 + 0.2, D));
  }

  @Test
  void significantDigitsNotDecimals() {
    // 12 significant digits of 123456.78901234 → 123456.789012 (six decimals)
    assertEquals(123456.789012, RankPrecision.comparable(123456.78901234, D));
    // 3 digits, half up on the decimal digits: 2.345 → 2.35, 12345 → 12300, 0.00012345 → 0.000123
    assertEquals(2.35, RankPrecision.comparable(2.345, 3));
    assertEquals(12300.0, RankPrecision.comparable(12345.0, 3));
    assertEquals(0.000123, RankPrecision.comparable(0.00012345, 3));
    // values differing in the 12th digit stay apart at the default
    assertNotEquals(
        RankPrecision.comparable(1.00000000001, D), RankPrecision.comparable(1.00000000002, D));
  }

  @Test
  void zeroNegativesNullAndNonFinite() {
    assertEquals(0.0, RankPrecision.comparable(0.0, D));
    // −0 becomes +0 (Double.equals tells them apart)
    assertEquals(Double.valueOf(0.0), RankPrecision.comparable(-0.0, D));
    assertEquals(-2.35, RankPrecision.comparable(-2.345, 3));
    assertEquals(-2.95, RankPrecision.comparable(-(0.24 + 2.49 + 0.22), D));
    assertNull(RankPrecision.comparable(null, D));
    assertEquals(Double.NaN, RankPrecision.comparable(Double.NaN, D));
    assertEquals(Double.NEGATIVE_INFINITY, RankPrecision.comparable(Double.NEGATIVE_INFINITY, D));
  }

  @Test
  void precisionOutsideOneToFifteenIsRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RankPrecision.check(16));
    assertEquals("significant digits must lie in 1..15: 16", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RankPrecision.check(0));
  }
}
