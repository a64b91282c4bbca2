package zoneassess.jobs.permu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.permu.PerMuFixtures.Firm;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.testing.SparkTestBase;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.PerMuMarts;
import zoneassess.schema.permu.PerMuSchemeLoader;

/**
 * Runs the stage on a seeded random province written as staging Parquet, then recomputes the zone
 * aggregates with plain SQL in DuckDB over the staging files (and the published classes) and
 * compares them with permu_zone.
 */
class PerMuStageCrossCheckTest extends SparkTestBase {
  private static final String[] ZONES = {"HA-ETDZ", "HA-HTZ", "SZ-WZ", null};
  private static final String[] COUNTIES = {
    PerMuFixtures.HUAIAN_DISTRICT,
    PerMuFixtures.HUAIYIN_DISTRICT,
    PerMuFixtures.WUZHONG_DISTRICT,
    PerMuFixtures.HUAIAN_DISTRICT
  };

  @TempDir Path tmp;

  /** 70 firms over 2022–2024, some absent in a year; utilities, new firms, gaps in the data. */
  private static List<Firm> randomProvince() {
    Random rnd = new Random(20240601L);
    List<Firm> out = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      int z = rnd.nextInt(ZONES.length);
      boolean below = rnd.nextInt(4) == 0;
      Firm base =
          PerMuFixtures.firm(String.format(java.util.Locale.ROOT, "R%03d", i))
              .zone(ZONES[z])
              .county(COUNTIES[z])
              .land(below ? 1 + rnd.nextInt(8) : 5 + rnd.nextInt(200))
              .start(2005 + rnd.nextInt(20))
              .utility(rnd.nextInt(25) == 0);
      if (below) {
        base.below();
      }
      for (int year = 2022; year <= 2024; year++) {
        if (rnd.nextInt(10) == 0 || base.start > year) {
          continue;
        }
        double land = base.land;
        Firm f =
            base.in(year)
                .tax(Math.round(land * rnd.nextDouble() * 30 * 100) / 100.0)
                .revenue(Math.round(land * rnd.nextDouble() * 300) * 1.0)
                .valueAdded(
                    rnd.nextInt(8) == 0 ? null : Math.round(land * rnd.nextDouble() * 80) * 1.0)
                .energy(below ? null : 1.0 + rnd.nextInt(500))
                .electricity(10.0 + rnd.nextInt(1000))
                .emissions(rnd.nextInt(5) == 0 ? null : 1.0 + rnd.nextInt(50));
        out.add(f);
      }
    }
    return out;
  }

  @Test
  void stagePublishesMartsThatPlainSqlAgreesWith() throws Exception {
    String root = Publisher.toUri(tmp.resolve("out").toString());
    RunLayout run = RunLayout.published(root, "r1");
    List<Firm> firms = randomProvince();
    PerMuFixtures.enterprises(spark, firms)
        .write()
        .partitionBy("year")
        .parquet(run.staging("enterprises"));
    PerMuFixtures.areas(spark).write().parquet(run.staging("areas"));
    PerMuFixtures.zones(spark).write().parquet(run.staging("zones"));
    PerMuFixtures.zoneStats(
            spark,
            List.of(
                new Object[] {"HA-ETDZ", "2024", "gdp", 300.0},
                new Object[] {"HA-ETDZ", "2024", "developed_land", 20.0},
                new Object[] {"HA-HTZ", "2024", "gdp", 120.0}))
        .write()
        .partitionBy("period")
        .parquet(run.staging("zone_stats"));

    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StageResult result =
        new PerMuStage()
            .execute(
                new StageContext(
                    spark,
                    run,
                    Map.of(
                        PerMuStage.PARAM_YEAR,
                        "latest",
                        PerMuStage.PARAM_SCHEME,
                        PerMuSchemeLoader.HUAIAN_2024),
                    new PrintStream(console, true, StandardCharsets.UTF_8)));
    String printed = console.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("per-mu 2024 淮安市: A "), printed);
    assertTrue(printed.contains("per-mu 2024 苏州市: A "), printed);
    assertEquals(firms.size(), result.counts().get("permu_enterprise"));

    // Published marts carry the contract's columns (Spark puts the partition column last).
    for (var mart : PerMuMarts.ALL) {
      Set<String> actual =
          new HashSet<>(List.of(spark.read().parquet(run.mart(mart.name())).columns()));
      assertEquals(new HashSet<>(PerMuMarts.columns(mart)), actual, mart.name());
    }
    // Every enterprise-year of a year is in its own folder, readable alone.
    assertEquals(
        firms.stream().filter(f -> f.year == 2023).count(),
        spark.read().parquet(run.mart("permu_enterprise") + "/year=2023").count());

    Map<String, List<Object>> expected =
        duck(
            plainSql(
                path(run.staging("enterprises")),
                path(run.mart("permu_enterprise")),
                path(run.staging("zone_stats"))));
    Map<String, List<Object>> actual =
        duck(
            "SELECT zone_code || '/' || year AS k, enterprises, evaluated, land_mu, tax_per_mu,"
                + " value_added_per_mu, revenue_per_mu, output_per_km2_100m, output_per_km2_zone_stats,"
                + " count_a, count_b, count_c, count_d, count_t, share_a, share_d, d_land_mu,"
                + " surcharge_revenue_10k, tax_per_mu_prev, tax_per_mu_change_pct"
                + " FROM read_parquet('"
                + path(run.mart("permu_zone"))
                + "/*.parquet')");
    assertEquals(expected.keySet(), actual.keySet());
    for (String k : expected.keySet()) {
      List<Object> e = expected.get(k);
      List<Object> a = actual.get(k);
      for (int i = 0; i < e.size(); i++) {
        assertClose(e.get(i), a.get(i), k + " column " + (i + 2));
      }
    }
    // The zone-statistics output rate exists only where both gdp and developed land do.
    Row etdz =
        spark
            .read()
            .parquet(run.mart("permu_zone"))
            .filter("zone_code = 'HA-ETDZ' and year = 2024")
            .first();
    assertEquals(15.0, etdz.<Double>getAs("output_per_km2_zone_stats"), 1e-12); // 300 / 20
  }

  /** Zone aggregates recomputed from the staging Parquet, with each firm's class from the mart. */
  private static String plainSql(String staging, String enterpriseMart, String zoneStats) {
    return """
        WITH s AS (
          SELECT * FROM read_parquet('%1$s/**/*.parquet', hive_partitioning = true)
        ), e AS (
          SELECT credit_code, year, per_mu_class, surcharge_estimate_10k
          FROM read_parquet('%2$s/**/*.parquet', hive_partitioning = true)
        ), z AS (
          SELECT s.zone_code, CAST(s.year AS INTEGER) AS year,
            COUNT(*) AS enterprises,
            SUM(CASE WHEN e.per_mu_class <> 'T' THEN 1 ELSE 0 END) AS evaluated,
            SUM(s.land_area_mu) AS land_mu,
            SUM(s.tax_paid_10k) / SUM(s.land_area_mu) AS tax_per_mu,
            SUM(s.value_added_10k) / SUM(CASE WHEN s.value_added_10k IS NOT NULL THEN s.land_area_mu END) AS value_added_per_mu,
            SUM(s.revenue_10k) / SUM(CASE WHEN s.revenue_10k IS NOT NULL THEN s.land_area_mu END) AS revenue_per_mu,
            (SUM(s.value_added_10k) / 10000.0)
              / (SUM(CASE WHEN s.value_added_10k IS NOT NULL THEN s.land_area_mu END) / 1500.0) AS output_per_km2_100m,
            SUM(CASE WHEN e.per_mu_class = 'A' THEN 1 ELSE 0 END) AS count_a,
            SUM(CASE WHEN e.per_mu_class = 'B' THEN 1 ELSE 0 END) AS count_b,
            SUM(CASE WHEN e.per_mu_class = 'C' THEN 1 ELSE 0 END) AS count_c,
            SUM(CASE WHEN e.per_mu_class = 'D' THEN 1 ELSE 0 END) AS count_d,
            SUM(CASE WHEN e.per_mu_class = 'T' THEN 1 ELSE 0 END) AS count_t,
            COALESCE(SUM(CASE WHEN e.per_mu_class = 'D' THEN s.land_area_mu END), 0) AS d_land_mu,
            COALESCE(SUM(e.surcharge_estimate_10k), 0) AS surcharge_revenue_10k
          FROM s JOIN e ON s.credit_code = e.credit_code AND CAST(s.year AS INTEGER) = e.year
          WHERE s.zone_code IS NOT NULL
          GROUP BY 1, 2
        ), st AS (
          SELECT zone_code, CAST(period AS INTEGER) AS year,
            MAX(CASE WHEN indicator_code = 'gdp' THEN value END)
              / MAX(CASE WHEN indicator_code = 'developed_land' THEN value END) AS rate
          FROM read_parquet('%3$s/**/*.parquet', hive_partitioning = true)
          GROUP BY 1, 2
        )
        SELECT z.zone_code || '/' || z.year AS k, z.enterprises, z.evaluated, z.land_mu, z.tax_per_mu,
          z.value_added_per_mu, z.revenue_per_mu, z.output_per_km2_100m, st.rate,
          z.count_a, z.count_b, z.count_c, z.count_d, z.count_t,
          z.count_a / NULLIF(z.evaluated, 0), z.count_d / NULLIF(z.evaluated, 0),
          z.d_land_mu, z.surcharge_revenue_10k, p.tax_per_mu,
          (z.tax_per_mu - p.tax_per_mu) / p.tax_per_mu * 100
        FROM z
        LEFT JOIN z AS p ON p.zone_code = z.zone_code AND p.year = z.year - 1
        LEFT JOIN st ON st.zone_code = z.zone_code AND st.year = z.year
        """
        .formatted(staging, enterpriseMart, zoneStats);
  }

  private static Map<String, List<Object>> duck(String sql) throws Exception {
    Map<String, List<Object>> out = new TreeMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 2; i <= md.getColumnCount(); i++) {
          row.add(rs.getObject(i));
        }
        out.put(rs.getString(1), row);
      }
    }
    return out;
  }

  private static void assertClose(Object expected, Object actual, String where) {
    if (expected == null || actual == null) {
      assertEquals(expected, actual, where);
      return;
    }
    double e = ((Number) expected).doubleValue();
    double a = ((Number) actual).doubleValue();
    assertEquals(e, a, 1e-9 * Math.max(1, Math.abs(e)), where);
  }

  private static String path(String uri) {
    return Path.of(java.net.URI.create(uri)).toString();
  }
}
