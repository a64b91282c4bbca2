package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.jobs.spark.SparkSessions;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;

/**
 * Not a test: a manual scale check. Writes a synthetic staging of {@code firms × 5}
 * enterprise-years (13 cities × 8 counties, 115 zones) and runs the per-mu stage on it, so it can
 * be run with a small heap:
 *
 * <pre>
 * java -Xmx1500m &lt;spark flags&gt; -cp &lt;test classpath&gt; zoneassess.jobs.permu.PerMuScaleCheck /tmp/permu-scale 1150000
 * </pre>
 */
public final class PerMuScaleCheck {
  private PerMuScaleCheck() {}

  public static void main(String[] args) throws Exception {
    String root = Publisher.toUri(args[0]);
    long firms = Long.parseLong(args[1]);
    SparkSession spark = SparkSessions.create("local[2]", "permu-scale-check");
    RunLayout run = RunLayout.published(root, "scale");
    Publisher publisher = new Publisher(spark);
    if (!publisher.exists(run.staging("enterprises"))) {
      List<Row> areas = new ArrayList<>();
      for (int c = 1; c <= 13; c++) {
        String city = String.format(java.util.Locale.ROOT, "32%02d00", c);
        areas.add(RowFactory.create(city, "市" + c, "city", "320000", "north"));
        for (int k = 1; k <= 8; k++) {
          areas.add(
              RowFactory.create(
                  city.substring(0, 4) + String.format(java.util.Locale.ROOT, "%02d", k),
                  "县" + c + "-" + k,
                  "county",
                  city,
                  "north"));
        }
      }
      spark
          .createDataFrame(areas, ContractSchemas.of(Datasets.AREAS))
          .write()
          .parquet(run.staging("areas"));
      spark
          .range(1, firms + 1, 1, 8)
          .withColumn("credit_code", concat(lit("91"), lpad(col("id").cast("string"), 16, "0")))
          .withColumn("enterprise_name", concat(lit("企业"), col("id").cast("string")))
          .withColumn(
              "county_code",
              expr(
                  "concat('32', lpad(cast(1 + id % 13 as string), 2, '0'), lpad(cast(1 + (id div 13) % 8 as string), 2, '0'))"))
          .withColumn(
              "zone_code",
              expr(
                  "case when id % 10 = 0 then null else concat('Z', cast(id % 115 as string)) end"))
          .withColumn("county", lit(null).cast("string"))
          .withColumn("year", explode(sequence(lit(2021), lit(2025))))
          .withColumn("industry_code", lit("C13"))
          .withColumn("scale", expr("case when id % 3 = 0 then 'below' else 'above' end"))
          .withColumn("land_area_mu", expr("1 + abs(hash(id)) % 200"))
          .withColumn("tax_paid_10k", expr("land_area_mu * (abs(hash(id, year)) % 1000) / 100.0"))
          .withColumn("revenue_10k", expr("tax_paid_10k * (5 + abs(hash(id, year, 1)) % 20)"))
          .withColumn(
              "value_added_10k",
              expr(
                  "case when abs(hash(id, year, 2)) % 9 = 0 then null else revenue_10k * 0.25 end"))
          .withColumn(
              "energy_tce",
              expr(
                  "case when scale = 'below' then null else 1 + abs(hash(id, year, 3)) % 5000 end"))
          .withColumn("electricity_10k_kwh", expr("1 + abs(hash(id, year, 4)) % 3000"))
          .withColumn(
              "emissions_eq_t",
              expr(
                  "case when abs(hash(id, 5)) % 5 = 0 then null else 1 + abs(hash(id, year, 5)) % 100 end"))
          .withColumn("rnd_expense_10k", expr("revenue_10k * 0.02"))
          .withColumn("employees", expr("cast(10 + abs(hash(id, 6)) % 500 as int)"))
          .withColumn("production_start_year", expr("cast(1995 + abs(hash(id, 7)) % 27 as int)"))
          .withColumn("utility", expr("id % 97 = 0"))
          .selectExpr(
              Datasets.ENTERPRISES.columnNames().stream()
                  .map(
                      c ->
                          c.equals("land_area_mu")
                                  || c.endsWith("_10k")
                                  || c.endsWith("_tce")
                                  || c.endsWith("_kwh")
                                  || c.endsWith("_t")
                              ? "cast(" + c + " as double) as " + c
                              : c)
                  .toArray(String[]::new))
          .write()
          .partitionBy("year")
          .parquet(run.staging("enterprises"));
    }
    long t0 = System.nanoTime();
    new PerMuStage().execute(new StageContext(spark, run, Map.of("year", "latest"), System.out));
    System.out.printf(
        java.util.Locale.ROOT,
        "stage took %.1f s, max heap %d MB%n",
        (System.nanoTime() - t0) / 1e9,
        Runtime.getRuntime().maxMemory() >> 20);
    spark.stop();
  }
}
