package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.call_function;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.catalogue.IndicatorCatalogue;
import zoneassess.schema.catalogue.RawIndicator;
import zoneassess.schema.factor.Factor;
import zoneassess.schema.factor.FactorCatalogue;
import zoneassess.schema.units.Unit;
import zoneassess.schema.units.Units;

/**
 * Unit handling at ingestion, as column expressions over small literal maps built from {@link
 * Units} and {@link IndicatorCatalogue}.
 *
 * <ul>
 *   <li>{@code zone_stats}: the indicator (code or Chinese name) must be in the catalogue; the unit
 *       must be known and of the indicator's family; value and unit are converted to the
 *       catalogue's unit ({@code original_value}, {@code original_unit} keep what was sent); a
 *       blank {@code basis} becomes {@code final} for a year and {@code ytd} for a quarter or
 *       month.
 *   <li>{@code factor_costs}: the unit must be known and, for a factor of the default factor
 *       catalogue, of the family of the catalogue's unit; it is written as its canonical symbol.
 *       The conversion to the factor catalogue's unit belongs to the costs job.
 * </ul>
 */
final class UnitConformance {
  static final String ORIGINAL_VALUE = "original_value";
  static final String ORIGINAL_UNIT = "original_unit";

  /** Helper columns the checks read; the validator drops them (prefix {@code _u_}). */
  static final String CODE = "_u_code";

  static final String SYMBOL = "_u_symbol";
  static final String TARGET = "_u_target";

  private UnitConformance() {}

  /** Extra staging columns a dataset gets from unit conformance, after the declared ones. */
  static List<String> extraColumns(String dataset) {
    return dataset.equals("zone_stats") ? List.of(ORIGINAL_VALUE, ORIGINAL_UNIT) : List.of();
  }

  /** Conforms {@code w} and returns it with the failure checks it adds (unit category). */
  static Conformed apply(String dataset, Dataset<Row> w) {
    return switch (dataset) {
      case "zone_stats" -> zoneStats(w);
      case "factor_costs" -> factorCosts(w);
      default -> new Conformed(w, List.of());
    };
  }

  record Conformed(Dataset<Row> rows, List<Column> failures) {}

  private static Conformed factorCosts(Dataset<Row> w) {
    Column rawUnit = ColumnChecks.rawCol("unit");
    Column symbol = lookup(unitSymbols(), normaliseUnit(rawUnit));
    Map<String, String> unitByFactor = new LinkedHashMap<>();
    for (Factor f : FactorCatalogue.loadDefault().factors()) {
      unitByFactor.put(f.code(), f.unit());
    }
    Column target = lookup(unitByFactor, col("factor_code"));
    Dataset<Row> t = w.withColumn(SYMBOL, symbol).withColumn(TARGET, target);
    Column s = col(SYMBOL);
    Column tg = col(TARGET);
    Column unknown =
        Failure.when(
            rawUnit.isNotNull().and(s.isNull()),
            "unknown_unit",
            "unit",
            ColumnChecks.format("未知单位 / unknown unit '%s'", rawUnit),
            rawUnit);
    // A factor outside the catalogue is the costs job's to report; its unit is only checked
    // to be known.
    Column otherFamily =
        Failure.when(
            s.isNotNull().and(tg.isNotNull()).and(Failure.isTrue(sameFamily(s, tg)).equalTo(false)),
            "unit_family",
            "unit",
            concat(
                lit("单位无法换算 / unit '"),
                rawUnit,
                lit("' cannot be converted to '"),
                tg,
                lit("' ("),
                col("factor_code"),
                lit(")")),
            rawUnit);
    return new Conformed(t.withColumn("unit", coalesce(s, rawUnit)), List.of(unknown, otherFamily));
  }

  private static Column sameFamily(Column symbol, Column targetSymbol) {
    Map<String, String> familyBySymbol = new LinkedHashMap<>();
    for (Unit u : Units.all().values()) {
      familyBySymbol.put(u.symbol(), u.family());
    }
    return lookup(familyBySymbol, symbol).equalTo(lookup(familyBySymbol, targetSymbol));
  }

  private static Conformed zoneStats(Dataset<Row> w) {
    Column rawIndicator = ColumnChecks.rawCol("indicator_code");
    Column rawUnit = ColumnChecks.rawCol("unit");
    Map<String, String> codeByName = new LinkedHashMap<>();
    Map<String, String> unitByCode = new LinkedHashMap<>();
    for (RawIndicator r : IndicatorCatalogue.all()) {
      codeByName.put(r.code(), r.code());
      codeByName.putIfAbsent(r.nameZh(), r.code());
      unitByCode.put(r.code(), r.unit());
    }
    Map<String, String> familyBySymbol = new LinkedHashMap<>();
    Map<String, Double> factorBySymbol = new LinkedHashMap<>();
    for (Unit u : Units.all().values()) {
      familyBySymbol.put(u.symbol(), u.family());
      factorBySymbol.put(u.symbol(), u.factorToBase());
    }
    Column code =
        coalesce(lookup(codeByName, rawIndicator), lookup(codeByName, lower(rawIndicator)));
    Column symbol = lookup(unitSymbols(), normaliseUnit(rawUnit));
    Column target = lookup(unitByCode, code);

    Dataset<Row> t = w.withColumn(CODE, code).withColumn(SYMBOL, symbol).withColumn(TARGET, target);
    Column c = col(CODE);
    Column s = col(SYMBOL);
    Column tg = col(TARGET);
    Column same = lookup(familyBySymbol, s).equalTo(lookup(familyBySymbol, tg));
    List<Column> failures = new ArrayList<>();
    failures.add(
        Failure.when(
            rawIndicator.isNotNull().and(c.isNull()),
            "unknown_indicator",
            "indicator_code",
            ColumnChecks.format("未知指标 / unknown indicator '%s'", rawIndicator),
            rawIndicator));
    failures.add(
        Failure.when(
            c.isNotNull().and(rawUnit.isNotNull()).and(s.isNull()),
            "unknown_unit",
            "unit",
            concat(lit("未知单位 / unknown unit '"), rawUnit, lit("' for "), c),
            rawUnit));
    failures.add(
        Failure.when(
            s.isNotNull().and(tg.isNotNull()).and(Failure.isTrue(same).equalTo(false)),
            "unit_family",
            "unit",
            concat(
                lit("单位无法换算 / unit '"),
                rawUnit,
                lit("' cannot be converted to '"),
                tg,
                lit("' ("),
                c,
                lit(")")),
            rawUnit));
    failures.add(
        Failure.when(
            Failure.isTrue(same)
                .and(col("value").isNotNull())
                .and(abs(col("value")).equalTo(Double.POSITIVE_INFINITY)),
            "overflow",
            "value",
            concat(
                lit("换算后数值溢出 / "),
                col(ORIGINAL_VALUE).cast("string"),
                lit(" "),
                rawUnit,
                lit(" overflows when converted to "),
                tg),
            col(ORIGINAL_VALUE)));
    Column period = col("period");
    Dataset<Row> out =
        t.withColumn(ORIGINAL_VALUE, col("value"))
            .withColumn(ORIGINAL_UNIT, rawUnit)
            .withColumn("indicator_code", coalesce(c, col("indicator_code")))
            // value × from-factor ÷ to-factor keeps exact results for exact inputs (万元 → 亿元);
            // a value already in the catalogue unit is left alone (1e308 × 1e8 would overflow).
            .withColumn(
                "value",
                when(
                        Failure.isTrue(same).and(s.notEqual(tg)),
                        col("value")
                            .multiply(lookupNum(factorBySymbol, s))
                            .divide(lookupNum(factorBySymbol, tg)))
                    .otherwise(col("value")))
            .withColumn("unit", when(Failure.isTrue(same), tg).otherwise(rawUnit))
            .withColumn(
                "basis",
                coalesce(
                    col("basis"),
                    when(period.rlike("^[0-9]{4}$"), lit("final"))
                        .when(period.isNotNull(), lit("ytd"))));
    return new Conformed(out, failures);
  }

  /** Normal form of a unit spelling, as {@code Units.parse} uses: no spaces, lower case. */
  static Column normaliseUnit(Column raw) {
    return lower(regexp_replace(raw, "[\\s\\u00A0\\u3000]", ""));
  }

  /** Normalised spelling → canonical symbol, for every unit and spelling {@link Units} knows. */
  static Map<String, String> unitSymbols() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Unit u : Units.all().values()) {
      out.putIfAbsent(norm(u.symbol()), u.symbol());
      for (String s : u.spellings()) {
        out.putIfAbsent(norm(s), u.symbol());
      }
    }
    return out;
  }

  private static String norm(String s) {
    return s.strip().replace(" ", "").toLowerCase(Locale.ROOT);
  }

  static Column lookup(Map<String, String> m, Column key) {
    List<Column> kv = new ArrayList<>();
    m.forEach(
        (k, v) -> {
          kv.add(lit(k));
          kv.add(lit(v));
        });
    return call_function("try_element_at", map(kv.toArray(Column[]::new)), key);
  }

  private static Column lookupNum(Map<String, Double> m, Column key) {
    List<Column> kv = new ArrayList<>();
    m.forEach(
        (k, v) -> {
          kv.add(lit(k));
          kv.add(lit(v));
        });
    return call_function("try_element_at", map(kv.toArray(Column[]::new)), key);
  }
}
