package zoneassess.schema.dataset;

/**
 * The 18-character unified social credit code (统一社会信用代码) of GB 32100-2015: registration authority
 * (1), organisation type (1), administrative division (6), organisation code (9) and a check
 * character computed over the first 17 positions, modulo 31, from the 31-character alphabet below
 * (no I, O, S, V, Z).
 */
public final class CreditCode {
  /** The code alphabet; a character's index is its numeric value. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** Position weights 3^(i) mod 31 for positions 1..17. */
  static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  /** Regular expression for the shape (not the check digit). */
  public static final String SHAPE = "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$";

  private CreditCode() {}

  /** The check character for the first 17 characters, or -1 when one is outside the alphabet. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = ALPHABET.indexOf(first17.charAt(i));
      if (v < 0) {
        throw new IllegalArgumentException(
            "character '" + first17.charAt(i) + "' at position " + (i + 1) + " is not allowed");
      }
      sum += v * WEIGHTS[i];
    }
    int c = 31 - sum % 31;
    return ALPHABET.charAt(c == 31 ? 0 : c);
  }

  /** True when {@code code} has the right shape and its 18th character is the check character. */
  public static boolean isValid(String code) {
    if (code == null || !code.matches(SHAPE)) {
      return false;
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /**
   * Spark SQL expression (built-in functions only) that is true when the column holds a code whose
   * check character is right. Kept beside the Java version so both follow the same standard.
   */
  public static String sparkCheckExpression(String column) {
    return "(" + sparkCheckCharacterExpression(column) + " = substr(" + column + ", 18, 1))";
  }

  /**
   * Spark SQL expression (built-in functions only) giving the check character the first 17
   * characters of the column call for; meaningful only when the column has the right {@link
   * #SHAPE}.
   */
  public static String sparkCheckCharacterExpression(String column) {
    // Seventeen explicit terms rather than aggregate() over a sequence: Spark runs higher-order
    // functions without code generation, and this runs on every enterprise row.
    StringBuilder sum = new StringBuilder("(");
    for (int i = 0; i < WEIGHTS.length; i++) {
      sum.append(i == 0 ? "" : " + ")
          .append("(instr('")
          .append(ALPHABET)
          .append("', substr(")
          .append(column)
          .append(", ")
          .append(i + 1)
          .append(", 1)) - 1) * ")
          .append(WEIGHTS[i]);
    }
    sum.append(")");
    return "substr('" + ALPHABET + "', ((31 - pmod(" + sum + ", 31)) % 31) + 1, 1)";
  }
}
