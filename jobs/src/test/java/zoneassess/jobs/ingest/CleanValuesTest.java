package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.ColumnType;

/**
 * Cell cleaning as every input goes through it: both ends trimmed of ASCII whitespace, no-break
 * (U+00A0) and ideographic (U+3000) spaces and the BOM; inner spaces kept; blank becomes null;
 * thousands separators (ASCII and full-width commas) removed before a number is typed.
 */
class CleanValuesTest extends SparkTestBase {
  @Test
  void trimsEveryKindOfBlankAtBothEndsOnly() {
    List<String> in =
        Arrays.asList(
            "  淮安经济技术开发区 ",
            "\u3000淮安\u3000高新区\u3000",
            "\u00A0\t12.5\r\n",
            "\uFEFFHA-ETDZ",
            " \u3000\u00A0\t ",
            "",
            null,
            "a b");
    List<String> expected =
        Arrays.asList("淮安经济技术开发区", "淮安\u3000高新区", "12.5", "HA-ETDZ", null, null, null, "a b");
    List<String> got = new ArrayList<>();
    for (Row r :
        spark
            .createDataset(in, Encoders.STRING())
            .toDF("v")
            .select(ColumnChecks.clean(col("v")))
            .collectAsList()) {
      got.add(r.getString(0));
    }
    assertEquals(expected, got);
  }

  @Test
  void thousandsSeparatorsAreRemovedBeforeTyping() {
    ColumnSpec spec = ColumnSpec.builder("revenue_10k", ColumnType.LONG).build();
    List<String> in = Arrays.asList("1,234", "1，234，567", "12", "1,2x", null);
    List<Object> got = new ArrayList<>();
    for (Row r :
        spark
            .createDataset(in, Encoders.STRING())
            .toDF("v")
            .select(ColumnChecks.typed(spec, ColumnChecks.clean(col("v"))))
            .collectAsList()) {
      got.add(r.isNullAt(0) ? null : r.getLong(0));
    }
    assertEquals(Arrays.asList(1234L, 1234567L, 12L, null, null), got);
  }
}
