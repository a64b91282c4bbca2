package zoneassess.jobs.costs;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.factor.FactorCatalogue;

/**
 * Named fixtures for the cost tests: a five-city province with four counties and three zones, and a
 * builder for staged {@code factor_costs} rows.
 *
 * <pre>
 * 320100 南京市   320200 无锡市   320300 徐州市 ─ 320321 丰县
 * 320800 淮安市 ─ 320826 涟水县 ─ Z-LS 涟水经济开发区
 *              ─ 320830 盱眙县 ─ Z-XY 盱眙经济开发区
 *              ─ (no county)    Z-HA 淮安经济技术开发区
 * 320900 盐城市 ─ 320981 东台市
 * </pre>
 */
final class FactorCostFixtures {
  static final FactorCatalogue CATALOGUE = FactorCatalogue.loadDefault();

  private final SparkSession spark;
  private final List<Row> prices = new ArrayList<>();

  FactorCostFixtures(SparkSession spark) {
    this.spark = spark;
  }

  FactorCatalogueTables tables() {
    return new FactorCatalogueTables(spark, CATALOGUE);
  }

  Dataset<Row> areas() {
    List<Row> rows =
        List.of(
            RowFactory.create("320100", "南京市", "city", null, "south"),
            RowFactory.create("320200", "无锡市", "city", null, "south"),
            RowFactory.create("320300", "徐州市", "city", null, "north"),
            RowFactory.create("320800", "淮安市", "city", null, "north"),
            RowFactory.create("320900", "盐城市", "city", null, "north"),
            RowFactory.create("320321", "丰县", "county", "320300", "north"),
            RowFactory.create("320826", "涟水县", "county", "320800", "north"),
            RowFactory.create("320830", "盱眙县", "county", "320800", "north"),
            RowFactory.create("320981", "东台市", "county", "320900", "north"));
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("area_code", DataTypes.StringType)
            .add("area_name", DataTypes.StringType)
            .add("area_level", DataTypes.StringType)
            .add("parent_code", DataTypes.StringType)
            .add("region", DataTypes.StringType));
  }

  Dataset<Row> zones() {
    List<Row> rows =
        List.of(
            RowFactory.create("Z-HA", "淮安经济技术开发区", "淮安市", "320800", null, null),
            RowFactory.create("Z-LS", "涟水经济开发区", "淮安市", "320800", "涟水县", "320826"),
            RowFactory.create("Z-XY", "盱眙经济开发区", "淮安市", "320800", "盱眙县", "320830"));
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("zone_code", DataTypes.StringType)
            .add("zone_name", DataTypes.StringType)
            .add("city", DataTypes.StringType)
            .add("city_code", DataTypes.StringType)
            .add("county", DataTypes.StringType)
            .add("county_code", DataTypes.StringType));
  }

  Dataset<Row> locations() {
    return PriceInheritance.locations(areas(), zones());
  }

  /** Adds one staged price row (level derived from the code: Z-… zone, ..00 city, else county). */
  FactorCostFixtures price(
      String code, String period, String factor, String sub, double value, String unit) {
    String level = code.startsWith("Z-") ? "zone" : code.endsWith("00") ? "city" : "county";
    prices.add(
        RowFactory.create(
            code,
            level,
            period,
            factor,
            sub,
            value,
            unit,
            "fixture",
            "factor_costs.csv",
            prices.size() + 2));
    return this;
  }

  /** The same price for each of {@code periods}. */
  FactorCostFixtures prices(
      String code, String factor, String sub, double value, String unit, String... periods) {
    for (String p : periods) {
      price(code, p, factor, sub, value, unit);
    }
    return this;
  }

  Dataset<Row> staged() {
    return spark.createDataFrame(
        prices,
        new StructType()
            .add("region_code", DataTypes.StringType)
            .add("region_level", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("factor_code", DataTypes.StringType)
            .add("subcategory", DataTypes.StringType)
            .add("value", DataTypes.DoubleType)
            .add("unit", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("_source_file", DataTypes.StringType)
            .add("_source_row", DataTypes.IntegerType));
  }

  /** conform → carry → inherit, checkpointed as the stage does. */
  Dataset<Row> located() {
    FactorCatalogueTables t = tables();
    Dataset<Row> reported = FactorPriceConformer.conform(staged(), t).reported().localCheckpoint();
    Dataset<Row> carried =
        PeriodCarryForward.carry(
                reported.unionByName(FactorPriceConformer.derived(reported, t)), t.factors())
            .localCheckpoint();
    return PriceInheritance.inherit(carried, locations()).localCheckpoint();
  }

  Dataset<Row> benchmark() {
    return FactorCostBenchmark.benchmark(located(), tables());
  }

  static String[] months(int year, int from, int to) {
    String[] out = new String[to - from + 1];
    for (int m = from; m <= to; m++) {
      out[m - from] = String.format(java.util.Locale.ROOT, "%d-%02d", year, m);
    }
    return out;
  }
}
