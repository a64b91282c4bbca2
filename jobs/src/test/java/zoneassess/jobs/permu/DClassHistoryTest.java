package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.permu.SurchargeRule;

class DClassHistoryTest extends SparkTestBase {
  private static final SurchargeRule SUZHOU =
      new SurchargeRule(List.of(0.10, 0.20, 0.30), "Suzhou");

  @Test
  void consecutiveYearsInDStepTheSurchargeAndAGapResetsIt() {
    List<Row> rows = new ArrayList<>();
    // STEPS: C, D, D, D, D (2019–2023), 100 万kWh a year.
    String[] steps = {"C", "D", "D", "D", "D"};
    for (int i = 0; i < steps.length; i++) {
      rows.add(RowFactory.create("STEPS", 2019 + i, steps[i], 100.0));
    }
    // GAP: D 2020, D 2021, absent 2022, D 2023 → 1, 2, then 1 again.
    rows.add(RowFactory.create("GAP", 2020, "D", 50.0));
    rows.add(RowFactory.create("GAP", 2021, "D", 50.0));
    rows.add(RowFactory.create("GAP", 2023, "D", 50.0));
    // BROKEN: D, T, D → 1, 0, 1; no electricity data in the last year.
    rows.add(RowFactory.create("BROKEN", 2021, "D", 10.0));
    rows.add(RowFactory.create("BROKEN", 2022, "T", 10.0));
    rows.add(RowFactory.create("BROKEN", 2023, "D", null));
    Dataset<Row> in =
        spark.createDataFrame(
            rows,
            StructType.fromDDL(
                "credit_code string, year int, per_mu_class string, electricity_10k_kwh double"));
    List<Row> out =
        DClassHistory.apply(in, "D", SUZHOU).orderBy("credit_code", "year").collectAsList();

    // BROKEN 2021, 2022, 2023
    assertRow(out.get(0), 1, 0.10, 1.0); // 0.10 元/kWh × 10 万kWh = 1 万元
    assertRow(out.get(1), 0, 0.0, 0.0);
    assertEquals(1, (int) out.get(2).<Integer>getAs("years_in_d"));
    assertNull(out.get(2).getAs("surcharge_estimate_10k")); // no electricity: not computable
    // GAP 2020, 2021, 2023
    assertRow(out.get(3), 1, 0.10, 5.0);
    assertRow(out.get(4), 2, 0.20, 10.0);
    assertRow(out.get(5), 1, 0.10, 5.0);
    // STEPS 2019–2023: 0, 0.10, 0.20, 0.30, and 0.30 from the third year on.
    assertRow(out.get(6), 0, 0.0, 0.0);
    assertRow(out.get(7), 1, 0.10, 10.0);
    assertRow(out.get(8), 2, 0.20, 20.0);
    assertRow(out.get(9), 3, 0.30, 30.0);
    assertRow(out.get(10), 4, 0.30, 30.0);
  }

  private static void assertRow(Row r, int years, double perKwh, double estimate) {
    String where = r.getAs("credit_code") + " " + r.getAs("year");
    assertEquals(years, (int) r.<Integer>getAs("years_in_d"), where);
    assertEquals(perKwh, r.<Double>getAs("surcharge_per_kwh"), 1e-12, where);
    assertEquals(estimate, r.<Double>getAs("surcharge_estimate_10k"), 1e-9, where);
  }
}
