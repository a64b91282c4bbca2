package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.permu.ClassRules;
import zoneassess.schema.permu.PerMuSchemeLoader;

/** Class bounds of the Huai'an scheme: A ≤ 20 %, B ≤ 60 %, C ≤ 95 % (all inclusive), D the rest. */
class PerMuClassesTest extends SparkTestBase {

  @Test
  void classSizesTiesAndSmallGroups() {
    List<Row> prepared = new ArrayList<>();
    List<Row> totals = new ArrayList<>();
    // TIES: 20 firms scored 100, 99, …, 81 by position, except that positions 5, 13 and 20 tie
    // with the position before them.
    for (int pos = 1; pos <= 20; pos++) {
      int s = 101 - pos;
      if (pos == 5 || pos == 13 || pos == 20) {
        s = 101 - (pos - 1);
      }
      add(prepared, totals, "TIES", pos, s, null);
    }
    // PLAIN: 20 firms with distinct scores 100 … 81.
    for (int pos = 1; pos <= 20; pos++) {
      add(prepared, totals, "PLAIN", pos, 101 - pos, null);
    }
    // SEVEN: 7 firms with distinct scores, plus one utility (T) that must not count in n.
    for (int pos = 1; pos <= 7; pos++) {
      add(prepared, totals, "SEVEN", pos, 80 - pos, null);
    }
    add(prepared, totals, "SEVEN", 8, 0, "utility");

    Dataset<Row> p =
        spark.createDataFrame(
            prepared,
            StructType.fromDDL("credit_code string, year int, group_code string, t_reason string"));
    Dataset<Row> t =
        spark.createDataFrame(
            totals, StructType.fromDDL("credit_code string, year int, total_score double"));
    Map<String, Row> out = new HashMap<>();
    for (Row r :
        PerMuClasses.classify(p, t, PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024).classes())
            .collectAsList()) {
      out.put(r.getAs("credit_code"), r);
    }

    // n = 20: A ends at 0.20 × 20 = 4, B at 12, C at 19, D = position 20.
    // TIES: position 5 shares rank 4 → A (5 A's); position 13 shares rank 12 → B; position 20
    // shares rank 19 → C, so no D at all.
    assertEquals("AAAAABBBBBBBBCCCCCCC", classes(out, "TIES"));
    assertEquals(4, (int) out.get("TIES-05").<Integer>getAs("rank_in_group"));
    assertEquals(19, (int) out.get("TIES-20").<Integer>getAs("rank_in_group"));
    // PLAIN: 4 A, 8 B, 7 C, 1 D.
    assertEquals("AAAABBBBBBBBCCCCCCCD", classes(out, "PLAIN"));
    // SEVEN: n = 7 (the T firm is not counted): A ends at round_half_up(1.4) = 1,
    // B at round_half_up(4.2) = 4, C at round_half_up(6.65) = 7 → 1 A, 3 B, 3 C, no D.
    assertEquals("ABBBCCC", classes(out, "SEVEN").substring(0, 7));
    assertEquals(7, (int) out.get("SEVEN-01").<Integer>getAs("group_size"));
    Row utility = out.get("SEVEN-08");
    assertEquals("T", utility.getAs("per_mu_class"));
    assertNull(utility.getAs("rank_in_group"));
    assertNull(utility.getAs("group_size"));
  }

  @Test
  void equalScoresFromDifferentPathsShareRankAndClass() {
    List<Row> prepared = new ArrayList<>();
    List<Row> totals = new ArrayList<>();
    // n = 5, Huai'an bands: A ends at round_half_up(0.2 × 5) = 1, B at 3, C at 5 (4.75 → 5).
    // EQ-01 scores 2.95, EQ-02 0.24 + 2.49 + 0.22 (2.9500000000000006 as a double): equal, so
    // both rank 1 and both are A; the others rank 3, 4, 5 → B, C, C.
    add(prepared, totals, "EQ", 1, 2.95, null);
    add(prepared, totals, "EQ", 2, 0.24 + 2.49 + 0.22, null);
    add(prepared, totals, "EQ", 3, 2.5, null);
    add(prepared, totals, "EQ", 4, 2.0, null);
    add(prepared, totals, "EQ", 5, 1.0, null);
    Dataset<Row> p =
        spark.createDataFrame(
            prepared,
            StructType.fromDDL("credit_code string, year int, group_code string, t_reason string"));
    Dataset<Row> t =
        spark.createDataFrame(
            totals, StructType.fromDDL("credit_code string, year int, total_score double"));
    Map<String, Row> out = new HashMap<>();
    ClassRules huaian = PerMuSchemeLoader.load(PerMuSchemeLoader.HUAIAN_2024).classes();
    for (Row r : PerMuClasses.classify(p, t, huaian).collectAsList()) {
      out.put(r.getAs("credit_code"), r);
    }
    assertEquals(1, (int) out.get("EQ-01").<Integer>getAs("rank_in_group"));
    assertEquals(1, (int) out.get("EQ-02").<Integer>getAs("rank_in_group"));
    assertEquals(3, (int) out.get("EQ-03").<Integer>getAs("rank_in_group"));
    assertEquals("AABCC", classes(out, "EQ"));

    // A scheme declaring 1 significant digit: 2.95 → 3, 2.5 → 3 (half up), 2.0 → 2, 1.0 → 1, so
    // three firms share rank 1 (A), the others rank 4 and 5 (C).
    ClassRules oneDigit =
        new ClassRules(huaian.grouping(), huaian.byScale(), huaian.rounding(), huaian.bands(), 1);
    Map<String, Row> coarse = new HashMap<>();
    for (Row r : PerMuClasses.classify(p, t, oneDigit).collectAsList()) {
      coarse.put(r.getAs("credit_code"), r);
    }
    assertEquals("AAACC", classes(coarse, "EQ"));
  }

  private static void add(
      List<Row> prepared, List<Row> totals, String group, int pos, double score, String t) {
    String code = String.format(java.util.Locale.ROOT, "%s-%02d", group, pos);
    prepared.add(RowFactory.create(code, 2024, group, t));
    if (t == null) {
      totals.add(RowFactory.create(code, 2024, score));
    }
  }

  private static String classes(Map<String, Row> out, String group) {
    StringBuilder sb = new StringBuilder();
    for (int pos = 1;
        out.containsKey(String.format(java.util.Locale.ROOT, "%s-%02d", group, pos));
        pos++) {
      sb.append(
          (String)
              out.get(String.format(java.util.Locale.ROOT, "%s-%02d", group, pos))
                  .getAs("per_mu_class"));
    }
    return sb.toString();
  }
}
