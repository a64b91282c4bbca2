package zoneassess.schema.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * GB 32100-2015 check characters, worked by hand. Alphabet values: 0–9 are 0–9, A=10 B=11 C=12 D=13
 * E=14 F=15 G=16 H=17 J=18 K=19 L=20 M=21 N=22 P=23 Q=24 R=25 T=26 U=27 W=28 X=29 Y=30. Weights
 * 3^(i-1) mod 31: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. Check = 31 − (Σ mod 31), and 31
 * means 0.
 */
class CreditCodeTest {
  /**
   * 华为技术有限公司 914403001922038216. Σ = 9·1 + 1·3 + 4·9 + 4·27 + 0·19 + 3·26 + 0·16 + 0·17 + 1·20 +
   * 9·29 + 2·25 + 2·13 + 0·8 + 3·24 + 8·10 + 2·30 + 1·28 = 9+3+36+108+78+20+261+50+26+72 +80+60+28
   * = 831; 831 mod 31 = 831 − 806 = 25; 31 − 25 = 6 → '6'.
   */
  static final String HUAWEI = "914403001922038216";

  /**
   * 深圳市腾讯计算机系统有限公司 9144030071526726XG. Σ = 9+3+36+108+0+78+0+0 + 7·20 + 1·29 + 5·25 + 2·13 + 6·8 +
   * 7·24 + 2·10 + 6·30 + X(29)·28 = 234+140+29+125+26+48+168+20+180+812 = 1782; 1782 mod 31 = 1782
   * − 1767 = 15; 31 − 15 = 16 → 'G'.
   */
  static final String TENCENT = "9144030071526726XG";

  @Test
  void acceptsRealCodesWithTheirHandComputedCheckCharacter() {
    assertEquals('6', CreditCode.checkCharacter(HUAWEI.substring(0, 17)));
    assertEquals('G', CreditCode.checkCharacter(TENCENT.substring(0, 17)));
    assertTrue(CreditCode.isValid(HUAWEI));
    assertTrue(CreditCode.isValid(TENCENT));
  }

  @Test
  void rejectsAWrongCheckCharacterOrShape() {
    // Last character changed: 6 → 7, G → H.
    assertFalse(CreditCode.isValid("914403001922038217"));
    assertFalse(CreditCode.isValid("9144030071526726XH"));
    // Positions 15 and 16 swapped (8,2 → 2,8): Σ changes by (2−8)·10 + (8−2)·30 = 120 ≡ 27, so
    // Σ mod 31 = (25 + 27) mod 31 = 21 and the check would be 31 − 21 = 10 → 'A', not '6'.
    assertFalse(CreditCode.isValid("914403001922032816"));
    assertEquals('A', CreditCode.checkCharacter("91440300192203281"));
    // Wrong shape: 17 characters, a lower-case letter, the letter O (not in the alphabet).
    assertFalse(CreditCode.isValid("91440300192203821"));
    assertFalse(CreditCode.isValid("9144030071526726xG"));
    assertFalse(CreditCode.isValid("91440300O922038216"));
    assertFalse(CreditCode.isValid(null));
  }

  @Test
  void checkCharacterNeedsSeventeenCharactersOfTheAlphabet() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CreditCode.checkCharacter("9144"));
    assertTrue(e.getMessage().contains("need 17 characters"));
    e =
        assertThrows(
            IllegalArgumentException.class, () -> CreditCode.checkCharacter("91440300I92203821"));
    assertTrue(e.getMessage().contains("'I' at position 9"));
  }

  /** Σ ≡ 0 (mod 31) gives 31 − 0 = 31, written as '0'. */
  @Test
  void aSumDivisibleBy31GivesZero() {
    // Position 1 = '3' → 3·1 = 3, position 2 = 'Y' → 30·3 = 90, the rest zeros: Σ = 93 = 3·31.
    assertEquals('0', CreditCode.checkCharacter("3Y000000000000000"));
  }
}
