package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.CreditCode;

/**
 * The Spark SQL check-digit expression agrees with the Java one (hand-worked in CreditCodeTest).
 */
class CreditCodeSparkTest extends SparkTestBase {
  @Test
  void sparkAndJavaAgree() {
    List<String> codes =
        List.of(
            "914403001922038216", // 华为, check '6'
            "9144030071526726XG", // 腾讯, check 'G'
            "914403001922038217", // wrong check character
            "9144030071526726XH", // wrong check character
            "914403001922032816", // digits 15/16 swapped, check should be 'A'
            "91440300192203281A", // … and with 'A' it is valid
            "3Y0000000000000000"); // Σ = 93 ≡ 0 → check '0'
    List<Row> rows =
        spark
            .createDataset(codes, Encoders.STRING())
            .toDF("code")
            .select(
                col("code"),
                expr(CreditCode.sparkCheckExpression("code")).as("ok"),
                expr(CreditCode.sparkCheckCharacterExpression("code")).as("expected"))
            .collectAsList();
    for (Row r : rows) {
      String code = r.getString(0);
      assertEquals(CreditCode.isValid(code), r.getBoolean(1), code);
      assertEquals(
          String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))), r.getString(2), code);
    }
    // Hand-worked expectations: valid, valid, invalid, invalid, invalid, valid, valid.
    assertEquals(
        List.of(true, true, false, false, false, true, true),
        rows.stream().map(r -> r.getBoolean(1)).toList());
  }
}
