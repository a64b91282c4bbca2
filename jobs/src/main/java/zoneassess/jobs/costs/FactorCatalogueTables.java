package zoneassess.jobs.costs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.factor.Factor;
import zoneassess.schema.factor.FactorCatalogue;
import zoneassess.schema.factor.Subcategory;
import zoneassess.schema.units.Unit;
import zoneassess.schema.units.Units;

/**
 * The factor catalogue as small Spark tables, so transforms join against it instead of branching in
 * code. Catalogue-sized (a few hundred rows).
 */
public final class FactorCatalogueTables {
  /** Factors whose cost makes up the wage bill that social-insurance rates apply to. */
  public static final List<String> WAGE_FACTORS = List.of("average_wage", "minimum_wage");

  private final SparkSession spark;
  private final FactorCatalogue catalogue;

  public FactorCatalogueTables(SparkSession spark, FactorCatalogue catalogue) {
    this.spark = spark;
    this.catalogue = catalogue;
  }

  public FactorCatalogue catalogue() {
    return catalogue;
  }

  /** factor_code, factor_name_zh, unit, carry_rule, cost_to_yuan, wage_factor. */
  public Dataset<Row> factors() {
    List<Row> rows = new ArrayList<>();
    for (Factor f : catalogue.factors()) {
      rows.add(
          RowFactory.create(
              f.code(),
              f.nameZh(),
              f.unit(),
              f.carry().code(),
              f.costToYuan(),
              WAGE_FACTORS.contains(f.code())));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("factor_code", DataTypes.StringType, false)
            .add("factor_name_zh", DataTypes.StringType, false)
            .add("unit", DataTypes.StringType, false)
            .add("carry_rule", DataTypes.StringType, false)
            .add("cost_to_yuan", DataTypes.DoubleType, false)
            .add("wage_factor", DataTypes.BooleanType, false));
  }

  /** factor_code, subcategory, subcategory_name_zh, derived. */
  public Dataset<Row> subcategories() {
    List<Row> rows = new ArrayList<>();
    for (Factor f : catalogue.factors()) {
      for (Subcategory s : f.subcategories()) {
        rows.add(RowFactory.create(f.code(), s.code(), s.nameZh(), s.derived()));
      }
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("factor_code", DataTypes.StringType, false)
            .add("subcategory", DataTypes.StringType, false)
            .add("subcategory_name_zh", DataTypes.StringType, false)
            .add("derived", DataTypes.BooleanType, false));
  }

  /** factor_code, subcategory (derived), part, parts (how many parts the sum needs). */
  public Dataset<Row> derivedParts() {
    List<Row> rows = new ArrayList<>();
    for (Factor f : catalogue.factors()) {
      for (Subcategory s : f.subcategories()) {
        for (String p : s.sumOf()) {
          rows.add(RowFactory.create(f.code(), s.code(), p, s.sumOf().size()));
        }
      }
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("factor_code", DataTypes.StringType, false)
            .add("subcategory", DataTypes.StringType, false)
            .add("part", DataTypes.StringType, false)
            .add("parts", DataTypes.IntegerType, false));
  }

  /**
   * factor_code, unit_key, multiplier: every spelling of every unit of the factor's unit family,
   * normalised like {@link #unitKey}, with the factor converting it to the catalogue unit.
   */
  public Dataset<Row> unitConversions() {
    List<Row> rows = new ArrayList<>();
    for (Factor f : catalogue.factors()) {
      Unit target = Units.of(f.unit());
      for (Unit u : Units.all().values()) {
        if (!u.family().equals(target.family())) {
          continue;
        }
        double m = Units.factor(u.symbol(), target.symbol()).orElseThrow();
        List<String> spellings = new ArrayList<>(u.spellings());
        spellings.add(0, u.symbol());
        spellings.stream()
            .map(FactorCatalogueTables::unitKey)
            .distinct()
            .forEach(k -> rows.add(RowFactory.create(f.code(), k, m)));
      }
    }
    return spark
        .createDataFrame(
            rows,
            new StructType()
                .add("factor_code", DataTypes.StringType, false)
                .add("unit_key", DataTypes.StringType, false)
                .add("multiplier", DataTypes.DoubleType, false))
        .dropDuplicates("factor_code", "unit_key");
  }

  /** factor_code, location_level: the levels at which the factor is benchmarked. */
  public Dataset<Row> compareLevels() {
    List<Row> rows = new ArrayList<>();
    for (Factor f : catalogue.factors()) {
      f.compareLevels().forEach(l -> rows.add(RowFactory.create(f.code(), l)));
    }
    return spark.createDataFrame(
        rows,
        new StructType()
            .add("factor_code", DataTypes.StringType, false)
            .add("location_level", DataTypes.StringType, false));
  }

  /** The normalisation {@link Units#parse} applies to a unit spelling (Spark does the same). */
  static String unitKey(String spelling) {
    return spelling.strip().replace(" ", "").toLowerCase(Locale.ROOT);
  }
}
