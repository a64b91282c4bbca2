package zoneassess.jobs.costs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.jobs.spark.OrderedSum;

/**
 * Brings staged {@code factor_costs} rows to the catalogue: converts each value to the factor's
 * catalogue unit, adds derived sub-categories (water total = base + resource fee + sewage), and
 * turns every row it cannot use (unknown factor or sub-category, a unit of another family) into a
 * problem row instead of dropping it.
 */
public final class FactorPriceConformer {
  /** Columns of an observation: one converted price of one location and period. */
  public static final String[] OBSERVATION_COLUMNS = {
    "location_code",
    "location_level",
    "factor_code",
    "subcategory",
    "period",
    "period_type",
    "value"
  };

  /** Columns of a problem or gap row (the cost_gaps mart). */
  public static final String[] ISSUE_COLUMNS = {
    "location_code",
    "location_level",
    "factor_code",
    "subcategory",
    "period",
    "kind",
    "note",
    "source_file",
    "source_row"
  };

  /**
   * @param reported converted reported prices (no derived sub-categories)
   * @param observations reported plus derived prices
   * @param issues rows that could not be used, with the reason
   */
  public record Conformed(Dataset<Row> reported, Dataset<Row> observations, Dataset<Row> issues) {}

  private FactorPriceConformer() {}

  public static Conformed conform(Dataset<Row> staged, FactorCatalogueTables catalogue) {
    Dataset<Row> rows =
        staged
            .withColumn("unit_key", lower(regexp_replace(trim(col("unit")), " ", "")))
            .withColumn("source_file", sourceColumn(staged, "_source_file", "string"))
            .withColumn("source_row", sourceColumn(staged, "_source_row", "int"));
    Dataset<Row> factors =
        catalogue.factors().select(col("factor_code").as("f_code"), col("unit").as("cat_unit"));
    Dataset<Row> subs =
        catalogue
            .subcategories()
            .filter(col("derived").equalTo(false))
            .select(col("factor_code").as("s_factor"), col("subcategory").as("s_sub"));
    Dataset<Row> units =
        catalogue
            .unitConversions()
            .select(
                col("factor_code").as("u_factor"), col("unit_key").as("u_key"), col("multiplier"));
    Dataset<Row> checked =
        rows.join(factors, col("factor_code").equalTo(col("f_code")), "left")
            .join(
                subs,
                col("factor_code")
                    .equalTo(col("s_factor"))
                    .and(col("subcategory").equalTo(col("s_sub"))),
                "left")
            .join(
                units,
                col("factor_code")
                    .equalTo(col("u_factor"))
                    .and(col("unit_key").equalTo(col("u_key"))),
                "left")
            .withColumn(
                "kind",
                when(col("f_code").isNull(), lit("unknown_factor"))
                    .when(col("s_sub").isNull(), lit("unknown_subcategory"))
                    .when(col("multiplier").isNull(), lit("unit_not_convertible")));
    Dataset<Row> issues =
        checked
            .filter(col("kind").isNotNull())
            .withColumn(
                "note",
                when(
                        col("kind").equalTo("unknown_factor"),
                        concat(
                            lit("factor '"), col("factor_code"), lit("' is not in the catalogue")))
                    .when(
                        col("kind").equalTo("unknown_subcategory"),
                        concat(
                            lit("sub-category '"),
                            col("subcategory"),
                            lit("' is not declared for factor '"),
                            col("factor_code"),
                            lit("'")))
                    .otherwise(
                        concat(
                            lit("unit '"),
                            col("unit"),
                            lit("' does not convert to the catalogue unit "),
                            col("cat_unit"),
                            lit(" (value "),
                            col("value").cast("string"),
                            lit(" not used)"))))
            .select(
                col("region_code").as("location_code"),
                col("region_level").as("location_level"),
                col("factor_code"),
                col("subcategory"),
                col("period"),
                col("kind"),
                col("note"),
                col("source_file"),
                col("source_row"));
    Dataset<Row> reported =
        checked
            .filter(col("kind").isNull())
            .select(
                col("region_code").as("location_code"),
                col("region_level").as("location_level"),
                col("factor_code"),
                col("subcategory"),
                col("period"),
                periodType(col("period")).as("period_type"),
                col("value").multiply(col("multiplier")).as("value"));
    return new Conformed(reported, reported.unionByName(derived(reported, catalogue)), issues);
  }

  /** Derived sub-categories: the sum of their parts where every part exists at the same key. */
  static Dataset<Row> derived(Dataset<Row> reported, FactorCatalogueTables catalogue) {
    Dataset<Row> parts =
        catalogue
            .derivedParts()
            .select(
                col("factor_code").as("d_factor"),
                col("subcategory").as("d_sub"),
                col("part"),
                col("parts"));
    return reported
        .join(
            parts,
            col("factor_code")
                .equalTo(col("d_factor"))
                .and(col("subcategory").equalTo(col("part"))))
        .groupBy(
            col("location_code"),
            col("location_level"),
            col("factor_code"),
            col("d_sub").as("subcategory"),
            col("period"),
            col("period_type"),
            col("parts"))
        .agg(OrderedSum.of("value").as("value"), count(lit(1)).as("present"))
        .filter(col("present").equalTo(col("parts")))
        .select(OBSERVATION_COLUMNS[0], rest(OBSERVATION_COLUMNS));
  }

  /** month for yyyy-MM, quarter for yyyyQn, year for yyyy. */
  public static Column periodType(Column period) {
    return when(period.rlike("^[0-9]{4}-[0-9]{2}$"), lit("month"))
        .when(period.rlike("^[0-9]{4}Q[1-4]$"), lit("quarter"))
        .when(period.rlike("^[0-9]{4}$"), lit("year"));
  }

  private static Column sourceColumn(Dataset<Row> staged, String name, String type) {
    return java.util.Arrays.asList(staged.columns()).contains(name)
        ? col(name).cast(type)
        : lit(null).cast(type);
  }

  static String[] rest(String[] columns) {
    return java.util.Arrays.copyOfRange(columns, 1, columns.length);
  }
}
