package zoneassess.jobs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import zoneassess.schema.permu.ClassBand;
import zoneassess.schema.permu.ClassRules;
import zoneassess.schema.permu.FormulaSet;
import zoneassess.schema.permu.Grouping;
import zoneassess.schema.permu.PerMuIndicator;
import zoneassess.schema.permu.PerMuScheme;
import zoneassess.schema.permu.RatioIndicator;
import zoneassess.schema.permu.ScopeRule;
import zoneassess.schema.permu.ScoreItem;

/**
 * The whole per-mu stage as DuckDB SQL, written from {@code docs/per-mu.md} (not from the Spark
 * code): scope and ratios, item scores with prior-year (or same-year) benchmarks, missing-data
 * rules, totals, competition ranks and classes, D streaks and surcharges, zone and area totals and
 * the zone indicator rows. The scheme's numbers (items, weights, bands, steps) are written into the
 * SQL as literals, so any shipped scheme runs.
 *
 * <p>Input views: {@code ent} (staged enterprises), {@code areas}, {@code zones}, {@code
 * zone_stats}. Output tables: {@code permu_enterprise}, {@code permu_enterprise_items}, {@code
 * permu_zone}, {@code permu_area}, {@code permu_zone_indicators}, columns as {@code PerMuMarts}.
 */
final class PerMuStageSql {
  private PerMuStageSql() {}

  static final List<String> OUTPUTS =
      List.of(
          "permu_enterprise_items",
          "permu_enterprise",
          "permu_zone",
          "permu_area",
          "permu_zone_indicators");

  /** The statements, in order. */
  static List<String> statements(PerMuScheme s) {
    List<String> out = new ArrayList<>();
    out.add(prepared(s));
    out.add(itemBase(s));
    out.add(
        """
        CREATE OR REPLACE TEMP TABLE pm_avg AS
        SELECT year, scale, item_code, bench_group,
               sum(num) / sum(den) AS pooled_avg, avg(value) AS mean_avg
        FROM pm_item_base WHERE value IS NOT NULL
        GROUP BY year, scale, item_code, bench_group""");
    out.add(
        """
        CREATE OR REPLACE TEMP TABLE pm_scored AS
        WITH b AS (
          SELECT i.*,
                 CASE WHEN i.pooled THEN p.pooled_avg ELSE p.mean_avg END AS prev_avg,
                 CASE WHEN i.pooled THEN c.pooled_avg ELSE c.mean_avg END AS cur_avg
          FROM pm_item_base i
          LEFT JOIN pm_avg c ON c.year = i.year AND c.scale = i.scale
               AND c.item_code = i.item_code AND c.bench_group = i.bench_group
          LEFT JOIN pm_avg p ON p.year + 1 = i.year AND p.scale = i.scale
               AND p.item_code = i.item_code AND p.bench_group = i.bench_group),
        bm AS (
          SELECT *,
                 CASE WHEN fixed_benchmark IS NOT NULL THEN fixed_benchmark
                      ELSE multiple * coalesce(prev_avg, cur_avg) END AS benchmark,
                 CASE WHEN fixed_benchmark IS NOT NULL THEN 'fixed'
                      WHEN prev_avg IS NOT NULL THEN 'prior_year'
                      WHEN cur_avg IS NOT NULL THEN 'same_year' END AS benchmark_basis
          FROM b),
        raw AS (
          SELECT *, CASE WHEN value IS NOT NULL AND benchmark > 0
                         THEN value / benchmark * weight END AS raw_score
          FROM bm)
        SELECT *, CASE WHEN cap IS NOT NULL THEN least(raw_score, cap) ELSE raw_score END
                  AS capped_score
        FROM raw""");
    out.add(
        """
        CREATE OR REPLACE TEMP TABLE permu_enterprise_items AS
        WITH g AS (
          SELECT year, scale, item_code, group_code, avg(capped_score) AS group_avg_score
          FROM pm_scored GROUP BY year, scale, item_code, group_code)
        SELECT s.credit_code, s.year, s.scale, s.group_code, s.item_code, s.item_name_zh,
               s.item_order, s.unit, s.value, s.benchmark, s.benchmark_basis, s.weight,
               CASE WHEN s.capped_score IS NOT NULL THEN s.capped_score
                    WHEN s.missing = 'average' THEN coalesce(g.group_avg_score, 0.0::DOUBLE)
                    WHEN s.missing = 'zero' THEN 0.0::DOUBLE END AS item_score,
               s.capped_score IS NULL AS imputed
        FROM pm_scored s
        LEFT JOIN g ON g.year = s.year AND g.scale = s.scale AND g.item_code = s.item_code
             AND g.group_code = s.group_code""");
    out.add(classified(s));
    out.add(enterprise(s));
    out.add(zones());
    out.add(areas());
    out.add(
        """
        CREATE OR REPLACE TEMP TABLE permu_zone_indicators AS
        SELECT * FROM (
          SELECT zone_code, CAST(year AS VARCHAR) AS period, 'permu_tax_per_mu' AS indicator_code,
                 tax_per_mu AS value FROM permu_zone
          UNION ALL SELECT zone_code, CAST(year AS VARCHAR), 'permu_value_added_per_mu',
                 value_added_per_mu FROM permu_zone
          UNION ALL SELECT zone_code, CAST(year AS VARCHAR), 'permu_share_a', share_a FROM permu_zone
          UNION ALL SELECT zone_code, CAST(year AS VARCHAR), 'permu_share_d', share_d FROM permu_zone)
        WHERE value IS NOT NULL""");
    return out;
  }

  /** Places firms in their city, adds the nine ratios, the T reason and the class group. */
  private static String prepared(PerMuScheme s) {
    String ratios =
        java.util.Arrays.stream(PerMuIndicator.values())
            .map(i -> ratio(i.asRatio(), "e.") + " AS " + i.code())
            .collect(Collectors.joining(",\n  "));
    StringBuilder reason = new StringBuilder("CASE");
    for (ScopeRule r : s.scope()) {
      String test =
          switch (r.condition()) {
            case UTILITY -> "coalesce(e.utility, false)";
            case PRODUCTION_YEARS_BELOW ->
                "coalesce(e.year - e.production_start_year < " + dbl(r.value()) + ", false)";
            case LAND_BELOW -> "e.land_area_mu < " + dbl(r.value());
          };
      if (r.scale() != null) {
        test = "(" + test + ") AND e.scale = " + str(r.scale());
      }
      reason.append(" WHEN ").append(test).append(" THEN ").append(str(r.reason()));
    }
    String scales =
        s.formulas().keySet().stream().map(PerMuStageSql::str).sorted().toList().toString();
    reason
        .append(" WHEN e.scale IN (")
        .append(scales, 1, scales.length() - 1)
        .append(") THEN NULL ELSE 'scale_not_scored' END");
    ClassRules c = s.classes();
    String group = groupCode(c.grouping());
    if (c.byScale()) {
      group = "(" + group + ") || '/' || e.scale";
    }
    return """
        CREATE OR REPLACE TEMP TABLE pm_prepared AS
        WITH county_city AS (
          SELECT k.area_code AS k_code, k.area_name AS k_name, c.area_code AS city_code,
                 c.area_name AS city
          FROM areas k LEFT JOIN areas c ON k.parent_code = c.area_code
          WHERE k.area_level = 'county')
        SELECT e.* REPLACE (coalesce(e.county, cc.k_name) AS county), cc.city_code, cc.city,
          %s,
          %s AS t_reason,
          %s AS group_code
        FROM ent e LEFT JOIN county_city cc ON e.county_code = cc.k_code
        WHERE e.year <= (SELECT max(year) FROM ent)"""
        .formatted(ratios, reason, group.replace("county_code", "e.county_code"));
  }

  /** One row per evaluated firm, year and item of its formula set. */
  private static String itemBase(PerMuScheme s) {
    List<String> parts = new ArrayList<>();
    for (FormulaSet set : s.formulas().values()) {
      for (int i = 0; i < set.items().size(); i++) {
        ScoreItem it = set.items().get(i);
        RatioIndicator ind = it.indicator();
        String ok = ok(ind, "");
        parts.add(
            String.format(
                Locale.ROOT,
                "SELECT credit_code, year, scale, group_code, %s AS item_code, %s AS item_name_zh,"
                    + " %d AS item_order, %s AS unit,%n"
                    + "  CASE WHEN %s THEN CAST(%s AS DOUBLE) * %s END AS num,"
                    + " CASE WHEN %s THEN CAST(%s AS DOUBLE) END AS den, %s AS value,%n"
                    + "  %s AS weight, %s AS fixed_benchmark, %s AS multiple, %s AS pooled,"
                    + " %s AS bench_group, %s AS cap, %s AS missing%n"
                    + "FROM pm_prepared WHERE t_reason IS NULL AND scale = %s",
                str(ind.code()),
                str(ind.nameZh()),
                i + 1,
                ind.unit() == null ? "CAST(NULL AS VARCHAR)" : str(ind.unit()),
                ok,
                ind.numerator(),
                dbl(ind.factor()),
                ok,
                ind.denominator(),
                ratio(ind, ""),
                dbl(it.weight()),
                it.benchmark().isFixed() ? dbl(it.benchmark().fixed()) : "CAST(NULL AS DOUBLE)",
                dbl(it.benchmark().multiple()),
                it.benchmark().pooled(),
                groupCode(it.benchmark().group()),
                it.cap() == null ? "CAST(NULL AS DOUBLE)" : dbl(it.cap()),
                str(it.missing().code()),
                str(set.scale())));
      }
    }
    return "CREATE OR REPLACE TEMP TABLE pm_item_base AS\n" + String.join("\nUNION ALL\n", parts);
  }

  /** Totals (reweighted when items were dropped), competition ranks and classes. */
  private static String classified(PerMuScheme s) {
    ClassRules c = s.classes();
    StringBuilder cls = new StringBuilder("CASE WHEN t_reason IS NOT NULL THEN 'T'");
    List<ClassBand> bands = c.bands();
    for (int i = 0; i < bands.size() - 1; i++) {
      ClassBand b = bands.get(i);
      String exact = "(group_size::BIGINT * " + b.toBasisPoints() + ")";
      String rounded =
          switch (c.rounding()) {
            case HALF_UP -> "((" + exact + " + 5000) // 10000)";
            case FLOOR -> "(" + exact + " // 10000)";
            case CEIL -> "((" + exact + " + 9999) // 10000)";
          };
      String bound =
          b.inclusive()
              ? rounded
              : "(CASE WHEN "
                  + exact
                  + " % 10000 = 0 THEN "
                  + exact
                  + " // 10000 - 1 ELSE "
                  + rounded
                  + " END)";
      cls.append(" WHEN rank_in_group <= ").append(bound).append(" THEN ").append(str(b.label()));
    }
    cls.append(" ELSE ").append(str(bands.get(bands.size() - 1).label())).append(" END");
    // Rank precision: the total at the scheme's significant digits (docs/methodology.md#ranking).
    String key =
        String.format(
            Locale.ROOT,
            "CASE WHEN abs(total_score) <= %s THEN CAST(printf('%%.%de', total_score) AS DOUBLE)"
                + " + 0.0 ELSE total_score END",
            dbl(Double.MAX_VALUE),
            c.significantDigits() - 1);
    return """
        CREATE OR REPLACE TEMP TABLE pm_classified AS
        WITH totals AS (
          SELECT credit_code, year,
                 CASE WHEN wp IS NULL OR wp <= 0 THEN NULL WHEN wp = wa THEN s
                      ELSE s * wa / wp END AS total_score
          FROM (SELECT credit_code, year, sum(item_score) AS s,
                       sum(CASE WHEN item_score IS NOT NULL THEN weight END) AS wp,
                       sum(weight) AS wa
                FROM permu_enterprise_items GROUP BY credit_code, year)),
        ranked AS (
          SELECT p.*, t.total_score,
            CASE WHEN p.t_reason IS NULL THEN count(*) OVER (
              PARTITION BY p.year, p.group_code, p.t_reason IS NULL) END AS group_size,
            CASE WHEN p.t_reason IS NULL THEN rank() OVER (
              PARTITION BY p.year, p.group_code, p.t_reason IS NULL
              ORDER BY %s DESC NULLS LAST) END AS rank_in_group
          FROM pm_prepared p LEFT JOIN totals t USING (credit_code, year))
        SELECT *, %s AS per_mu_class FROM ranked"""
        .formatted(key.replace("total_score", "t.total_score"), cls);
  }

  /** D streaks, surcharges and the mart's columns. */
  private static String enterprise(PerMuScheme s) {
    String lowest = str(s.classes().bands().get(s.classes().bands().size() - 1).label());
    List<Double> steps = s.surcharge().perKwhByYearInD();
    StringBuilder surcharge = new StringBuilder("CASE WHEN years_in_d <= 0 THEN 0.0::DOUBLE");
    for (int i = 0; i < steps.size() - 1; i++) {
      surcharge
          .append(" WHEN years_in_d = ")
          .append(i + 1)
          .append(" THEN ")
          .append(dbl(steps.get(i)));
    }
    surcharge
        .append(" ELSE ")
        .append(steps.isEmpty() ? "0.0::DOUBLE" : dbl(steps.get(steps.size() - 1)))
        .append(" END");
    String ratios =
        java.util.Arrays.stream(PerMuIndicator.values())
            .map(PerMuIndicator::code)
            .collect(Collectors.joining(", "));
    return """
        CREATE OR REPLACE TEMP TABLE permu_enterprise AS
        WITH marked AS (
          SELECT *,
            CASE WHEN per_mu_class = %1$s
                  AND lag(per_mu_class) OVER (PARTITION BY credit_code ORDER BY year) = %1$s
                  AND lag(year) OVER (PARTITION BY credit_code ORDER BY year) = year - 1
                 THEN NULL ELSE year END AS start_year
          FROM pm_classified),
        counted AS (
          SELECT *, CASE WHEN per_mu_class = %1$s THEN year - max(start_year) OVER (
                   PARTITION BY credit_code ORDER BY year
                   ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) + 1 ELSE 0 END AS years_in_d
          FROM marked),
        charged AS (SELECT *, %2$s AS surcharge_per_kwh FROM counted)
        SELECT credit_code, enterprise_name, zone_code, county_code, county, city, city_code,
               CAST(year AS INTEGER) AS year, scale, %3$s AS scheme_id, land_area_mu,
               tax_paid_10k, revenue_10k, value_added_10k, electricity_10k_kwh, %4$s,
               total_score, group_code, CAST(group_size AS INTEGER) AS group_size,
               CAST(rank_in_group AS INTEGER) AS rank_in_group, per_mu_class, t_reason,
               CAST(years_in_d AS INTEGER) AS years_in_d, surcharge_per_kwh,
               CASE WHEN surcharge_per_kwh = 0 THEN 0.0::DOUBLE
                    ELSE surcharge_per_kwh * electricity_10k_kwh END AS surcharge_estimate_10k
        FROM charged"""
        .formatted(lowest, surcharge, str(s.id()), ratios);
  }

  /** The measures of permu_zone and permu_area over {@code grouped} rows, by key and year. */
  private static String measures(String key, String from) {
    return """
        SELECT %1$s, year, count(*) AS enterprises,
          sum(CASE WHEN per_mu_class <> 'T' THEN 1 ELSE 0 END)::BIGINT AS evaluated,
          sum(land_area_mu) AS land_mu,
          sum(tax_paid_10k) AS s_tax, sum(CASE WHEN tax_paid_10k IS NOT NULL THEN land_area_mu END) AS l_tax,
          sum(revenue_10k) AS s_rev, sum(CASE WHEN revenue_10k IS NOT NULL THEN land_area_mu END) AS l_rev,
          sum(value_added_10k) AS s_va,
          sum(CASE WHEN value_added_10k IS NOT NULL THEN land_area_mu END) AS l_va,
          count(*) FILTER (WHERE per_mu_class = 'A') AS count_a,
          count(*) FILTER (WHERE per_mu_class = 'B') AS count_b,
          count(*) FILTER (WHERE per_mu_class = 'C') AS count_c,
          count(*) FILTER (WHERE per_mu_class = 'D') AS count_d,
          count(*) FILTER (WHERE per_mu_class = 'T') AS count_t,
          coalesce(sum(CASE WHEN per_mu_class = 'D' THEN land_area_mu END), 0.0) AS d_land_mu,
          coalesce(sum(surcharge_estimate_10k), 0.0) AS surcharge_revenue_10k
        FROM %2$s GROUP BY %1$s, year"""
        .formatted(key, from);
  }

  /** Ratios, shares and the previous year's 亩均税收 from {@link #measures}. */
  private static String finished(String key, String measured) {
    return """
        WITH m AS (
          SELECT *,
            CASE WHEN l_tax > 0 THEN s_tax / l_tax END AS tax_per_mu,
            CASE WHEN l_va > 0 THEN s_va / l_va END AS value_added_per_mu,
            CASE WHEN l_rev > 0 THEN s_rev / l_rev END AS revenue_per_mu,
            CASE WHEN l_va > 0 THEN s_va / 10000.0 / (l_va / 1500.0) END AS output_per_km2_100m,
            CASE WHEN evaluated > 0 THEN count_a / evaluated END AS share_a,
            CASE WHEN evaluated > 0 THEN count_b / evaluated END AS share_b,
            CASE WHEN evaluated > 0 THEN count_c / evaluated END AS share_c,
            CASE WHEN evaluated > 0 THEN count_d / evaluated END AS share_d
          FROM (%2$s))
        SELECT m.*, p.tax_per_mu AS tax_per_mu_prev,
          CASE WHEN p.tax_per_mu > 0 THEN (m.tax_per_mu - p.tax_per_mu) / p.tax_per_mu * 100.0 END
            AS tax_per_mu_change_pct
        FROM m LEFT JOIN m p ON p.%1$s = m.%1$s AND p.year + 1 = m.year"""
        .formatted(key, measured);
  }

  private static final String MEASURE_COLUMNS =
      "enterprises, evaluated, land_mu, tax_per_mu, value_added_per_mu, revenue_per_mu,"
          + " output_per_km2_100m";
  private static final String CLASS_COLUMNS =
      "count_a, count_b, count_c, count_d, count_t, share_a, share_b, share_c, share_d, d_land_mu,"
          + " surcharge_revenue_10k, tax_per_mu_prev, tax_per_mu_change_pct";

  private static String zones() {
    return """
        CREATE OR REPLACE TEMP TABLE permu_zone AS
        WITH f AS (%s),
        stats AS (
          SELECT zone_code, CAST(period AS INTEGER) AS year,
                 max(CASE WHEN indicator_code = 'gdp' THEN value END) AS gdp,
                 max(CASE WHEN indicator_code = 'developed_land' THEN value END) AS land_km2
          FROM zone_stats
          WHERE indicator_code IN ('gdp', 'developed_land') AND regexp_matches(period, '^[0-9]{4}$')
          GROUP BY zone_code, CAST(period AS INTEGER))
        SELECT f.zone_code, z.zone_name, z.city, z.county, CAST(f.year AS INTEGER) AS year, %s,
               CASE WHEN st.land_km2 > 0 THEN st.gdp / st.land_km2 END AS output_per_km2_zone_stats,
               %s
        FROM f LEFT JOIN zones z ON z.zone_code = f.zone_code
        LEFT JOIN stats st ON st.zone_code = f.zone_code AND st.year = f.year"""
        .formatted(
            finished(
                "zone_code", measures("zone_code", "permu_enterprise WHERE zone_code IS NOT NULL")),
            prefixed("f.", MEASURE_COLUMNS),
            prefixed("f.", CLASS_COLUMNS));
  }

  private static String areas() {
    return """
        CREATE OR REPLACE TEMP TABLE permu_area AS
        WITH f AS (
          SELECT *, 'county' AS area_level FROM (%s)
          UNION ALL
          SELECT *, 'city' AS area_level FROM (%s)),
        names AS (
          SELECT a.area_code, a.area_name,
                 CASE WHEN a.area_level = 'city' THEN a.area_name ELSE p.area_name END AS city
          FROM areas a LEFT JOIN areas p ON a.parent_code = p.area_code)
        SELECT f.area_code, n.area_name, f.area_level, n.city, CAST(f.year AS INTEGER) AS year,
               %s, %s
        FROM f LEFT JOIN names n ON n.area_code = f.area_code"""
        .formatted(
            finished(
                "area_code",
                measures(
                    "area_code", "(SELECT *, county_code AS area_code FROM permu_enterprise)")),
            finished(
                "area_code",
                measures(
                    "area_code",
                    "(SELECT *, city_code AS area_code FROM permu_enterprise"
                        + " WHERE city_code IS NOT NULL)")),
            prefixed("f.", MEASURE_COLUMNS),
            prefixed("f.", CLASS_COLUMNS));
  }

  private static String prefixed(String prefix, String columns) {
    return java.util.Arrays.stream(columns.split(",\\s*"))
        .map(c -> prefix + c.strip())
        .collect(Collectors.joining(", "));
  }

  private static String groupCode(Grouping g) {
    return switch (g) {
      case COUNTY -> "county_code";
      case ZONE -> "coalesce(zone_code, 'county:' || county_code)";
      case CITY -> "coalesce(city_code, 'county:' || county_code)";
      case PROVINCE -> "'province'";
    };
  }

  /** numerator ÷ denominator × factor when the numerator is there and the denominator positive. */
  private static String ratio(RatioIndicator ind, String p) {
    return "CASE WHEN "
        + ok(ind, p)
        + " THEN CAST("
        + p
        + ind.numerator()
        + " AS DOUBLE) / CAST("
        + p
        + ind.denominator()
        + " AS DOUBLE) * "
        + dbl(ind.factor())
        + " END";
  }

  private static String ok(RatioIndicator ind, String p) {
    return p + ind.numerator() + " IS NOT NULL AND " + p + ind.denominator() + " > 0";
  }

  /** A double literal (DuckDB reads 1.5 as a DECIMAL). */
  private static String dbl(double v) {
    return "CAST('" + Double.toString(v) + "' AS DOUBLE)";
  }

  private static String str(String v) {
    return "'" + v.replace("'", "''") + "'";
  }
}
