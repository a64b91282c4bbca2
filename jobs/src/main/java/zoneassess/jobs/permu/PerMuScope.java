package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.permu.ClassRules;
import zoneassess.schema.permu.Grouping;
import zoneassess.schema.permu.PerMuIndicator;
import zoneassess.schema.permu.PerMuScheme;
import zoneassess.schema.permu.RatioIndicator;
import zoneassess.schema.permu.ScopeRule;

/**
 * First step of the evaluation: places each enterprise-year in its city, computes the standard
 * per-mu ratios, decides whether it is evaluated (or class T, with the reason) and which group it
 * is ranked in.
 */
public final class PerMuScope {
  /** Reason given to firms of a scale the scheme has no formula for. */
  public static final String SCALE_NOT_SCORED = "scale_not_scored";

  private PerMuScope() {}

  /**
   * @param enterprises staged enterprises (columns of {@code Datasets.ENTERPRISES})
   * @param areas staged areas (area_code, area_name, area_level, parent_code)
   * @return the enterprises with {@code city_code, city}, the standard ratios, {@code t_reason}
   *     (null when evaluated) and {@code group_code}
   */
  public static Dataset<Row> prepare(
      Dataset<Row> enterprises, Dataset<Row> areas, PerMuScheme scheme) {
    Dataset<Row> countyCity =
        areas
            .filter(col("area_level").equalTo("county"))
            .as("k")
            .join(areas.as("c"), col("k.parent_code").equalTo(col("c.area_code")), "left")
            .select(
                col("k.area_code").as("_county_code"),
                col("k.area_name").as("_county_name"),
                col("c.area_code").as("city_code"),
                col("c.area_name").as("city"));
    Dataset<Row> placed =
        enterprises
            .join(broadcast(countyCity), col("county_code").equalTo(col("_county_code")), "left")
            .withColumn("county", coalesce(col("county"), col("_county_name")))
            .drop("_county_code", "_county_name");
    for (PerMuIndicator ind : PerMuIndicator.values()) {
      placed = placed.withColumn(ind.code(), ratio(ind.asRatio()));
    }
    return placed
        .withColumn("t_reason", tReason(scheme))
        .withColumn("group_code", groupCode(scheme.classes()));
  }

  /**
   * {@code numerator ÷ denominator × factor}, null unless both are present and the denominator is
   * positive.
   */
  static Column ratio(RatioIndicator ind) {
    Column num = col(ind.numerator()).cast("double");
    Column den = col(ind.denominator()).cast("double");
    return when(num.isNotNull().and(den.gt(0)), num.divide(den).multiply(ind.factor()))
        .otherwise(lit(null).cast("double"));
  }

  /** The first matching scope rule's reason, in file order; null when the firm is evaluated. */
  static Column tReason(PerMuScheme scheme) {
    Column reason = null;
    for (ScopeRule rule : scheme.scope()) {
      Column test =
          switch (rule.condition()) {
            case UTILITY -> coalesce(col("utility"), lit(false));
            case PRODUCTION_YEARS_BELOW ->
                coalesce(
                    col("year").minus(col("production_start_year")).lt(rule.value()), lit(false));
            case LAND_BELOW -> col("land_area_mu").lt(rule.value());
          };
      if (rule.scale() != null) {
        test = test.and(col("scale").equalTo(rule.scale()));
      }
      reason =
          reason == null ? when(test, lit(rule.reason())) : reason.when(test, lit(rule.reason()));
    }
    Column scored = col("scale").isin(scheme.formulas().keySet().toArray());
    Column notScored = when(scored, lit(null).cast("string")).otherwise(lit(SCALE_NOT_SCORED));
    return reason == null ? notScored : reason.otherwise(notScored);
  }

  /** The code of the group a firm is compared in. */
  static Column groupCode(Grouping grouping) {
    Column county = concat(lit("county:"), col("county_code"));
    return switch (grouping) {
      case COUNTY -> col("county_code");
      // Firms outside any zone (or with an unknown city) are grouped by county instead.
      case ZONE -> coalesce(col("zone_code"), county);
      case CITY -> coalesce(col("city_code"), county);
      case PROVINCE -> lit("province");
    };
  }

  static Column groupCode(ClassRules classes) {
    Column code = groupCode(classes.grouping());
    return classes.byScale() ? concat(code, lit("/"), col("scale")) : code;
  }
}
