package zoneassess.jobs.permu;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;

/** Named fixtures for the per-mu tests: enterprises, areas, zones and zone statistics. */
final class PerMuFixtures {
  static final String HUAIAN = "320800";
  static final String HUAIAN_DISTRICT = "320803";
  static final String HUAIYIN_DISTRICT = "320804";
  static final String SUZHOU = "320500";
  static final String WUZHONG_DISTRICT = "320506";

  private PerMuFixtures() {}

  /** One enterprise-year; fluent setters, everything optional is blank until set. */
  static final class Firm {
    String creditCode;
    String name;
    String zone;
    String countyCode = HUAIAN_DISTRICT;
    String county;
    int year = 2024;
    String scale = "above";
    double land = 10;
    Double tax = 0.0;
    Double revenue;
    Double valueAdded;
    Double energy;
    Double electricity;
    Double emissions;
    Double rnd;
    Integer employees;
    Integer start;
    Boolean utility;
    Double water;
    Double gas;
    Double sewage;
    String specialised;
    Boolean highTech;

    Firm(String creditCode) {
      this.creditCode = creditCode;
      this.name = "企业" + creditCode;
    }

    Firm year(int y) {
      year = y;
      return this;
    }

    Firm county(String c) {
      countyCode = c;
      return this;
    }

    Firm zone(String z) {
      zone = z;
      return this;
    }

    Firm below() {
      scale = "below";
      return this;
    }

    Firm land(double v) {
      land = v;
      return this;
    }

    Firm tax(Double v) {
      tax = v;
      return this;
    }

    Firm revenue(Double v) {
      revenue = v;
      return this;
    }

    Firm valueAdded(Double v) {
      valueAdded = v;
      return this;
    }

    Firm energy(Double v) {
      energy = v;
      return this;
    }

    Firm electricity(Double v) {
      electricity = v;
      return this;
    }

    Firm emissions(Double v) {
      emissions = v;
      return this;
    }

    Firm rnd(Double v) {
      rnd = v;
      return this;
    }

    Firm employees(Integer v) {
      employees = v;
      return this;
    }

    Firm start(Integer v) {
      start = v;
      return this;
    }

    Firm utility(boolean v) {
      utility = v;
      return this;
    }

    /** Consumption of water, gas and sewage (万立方米) for the differentiated prices. */
    Firm consumption(Double water, Double gas, Double sewage) {
      this.water = water;
      this.gas = gas;
      this.sewage = sewage;
      return this;
    }

    /** 专精特新 level (national / provincial) and 高新技术企业 status. */
    Firm status(String specialised, Boolean highTech) {
      this.specialised = specialised;
      this.highTech = highTech;
      return this;
    }

    /** A copy for another year. */
    Firm in(int y) {
      Firm f = new Firm(creditCode);
      f.name = name;
      f.zone = zone;
      f.countyCode = countyCode;
      f.county = county;
      f.year = y;
      f.scale = scale;
      f.land = land;
      f.tax = tax;
      f.revenue = revenue;
      f.valueAdded = valueAdded;
      f.energy = energy;
      f.electricity = electricity;
      f.emissions = emissions;
      f.rnd = rnd;
      f.employees = employees;
      f.start = start;
      f.utility = utility;
      f.water = water;
      f.gas = gas;
      f.sewage = sewage;
      f.specialised = specialised;
      f.highTech = highTech;
      return f;
    }

    Row row() {
      return RowFactory.create(
          creditCode,
          name,
          zone,
          countyCode,
          county,
          year,
          "C13",
          scale,
          land,
          tax,
          revenue,
          valueAdded,
          energy,
          electricity,
          emissions,
          rnd,
          employees,
          start,
          utility,
          water,
          gas,
          sewage,
          specialised,
          highTech,
          "enterprises.csv",
          1L);
    }
  }

  static Firm firm(String code) {
    return new Firm(code);
  }

  static Dataset<Row> enterprises(SparkSession spark, List<Firm> firms) {
    List<Row> rows = new ArrayList<>();
    for (Firm f : firms) {
      rows.add(f.row());
    }
    StructType schema =
        schema(Datasets.ENTERPRISES)
            .add("_source_file", DataTypes.StringType)
            .add("_source_row", DataTypes.LongType);
    return spark.createDataFrame(rows, schema);
  }

  static Dataset<Row> areas(SparkSession spark) {
    List<Row> rows =
        List.of(
            RowFactory.create(HUAIAN, "淮安市", "city", "320000", "north"),
            RowFactory.create(HUAIAN_DISTRICT, "淮安区", "county", HUAIAN, "north"),
            RowFactory.create(HUAIYIN_DISTRICT, "淮阴区", "county", HUAIAN, "north"),
            RowFactory.create(SUZHOU, "苏州市", "city", "320000", "south"),
            RowFactory.create(WUZHONG_DISTRICT, "吴中区", "county", SUZHOU, "south"));
    return spark.createDataFrame(rows, schema(Datasets.AREAS));
  }

  static Dataset<Row> zones(SparkSession spark) {
    List<Row> rows =
        List.of(
            zone("HA-ETDZ", "淮安经济技术开发区", "淮安市", HUAIAN, "淮安区", HUAIAN_DISTRICT, "national"),
            zone("HA-HTZ", "淮安高新技术产业开发区", "淮安市", HUAIAN, "淮阴区", HUAIYIN_DISTRICT, "national"),
            zone("SZ-WZ", "吴中经济技术开发区", "苏州市", SUZHOU, "吴中区", WUZHONG_DISTRICT, "national"));
    return spark.createDataFrame(rows, schema(Datasets.ZONES));
  }

  private static Row zone(
      String code,
      String name,
      String city,
      String cityCode,
      String county,
      String countyCode,
      String level) {
    return RowFactory.create(
        code,
        name,
        city,
        cityCode,
        county,
        countyCode,
        "north",
        level,
        "economic_technological",
        10.0,
        2000);
  }

  /** Long zone statistics rows: zone_code, period, indicator_code, value. */
  static Dataset<Row> zoneStats(SparkSession spark, List<Object[]> rows) {
    List<Row> out = new ArrayList<>();
    for (Object[] r : rows) {
      String unit = r[2].equals("gdp") ? "亿元" : "平方公里";
      out.add(RowFactory.create(r[0], r[1], r[2], r[3], unit, "statistics", "final"));
    }
    return spark.createDataFrame(out, schema(Datasets.ZONE_STATS));
  }

  static StructType schema(DatasetContract contract) {
    return ContractSchemas.of(contract);
  }
}
