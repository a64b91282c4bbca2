package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.Normalisation;
import zoneassess.schema.methodology.OutlierTreatment;

/**
 * The per-indicator settings of a methodology as a small table (one row per leaf), joined onto the
 * long indicator table so that one set of window expressions serves every indicator.
 */
final class IndicatorSettings {
  static final String INDICATOR = "indicator";

  private IndicatorSettings() {}

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            field(INDICATOR, DataTypes.StringType),
            field("s_sign", DataTypes.DoubleType),
            field("s_winsorise", DataTypes.BooleanType),
            field("s_t_skew", DataTypes.DoubleType),
            field("s_t_kurt", DataTypes.DoubleType),
            field("s_max_rounds", DataTypes.IntegerType),
            field("s_max_share", DataTypes.DoubleType),
            field("s_log_fallback", DataTypes.BooleanType),
            field("s_transform", DataTypes.StringType),
            field("s_method", DataTypes.StringType),
            field("s_low", DataTypes.DoubleType),
            field("s_high", DataTypes.DoubleType),
            field("s_min", DataTypes.DoubleType),
            field("s_max", DataTypes.DoubleType),
            field("s_cap", DataTypes.BooleanType),
            field("s_target", DataTypes.DoubleType),
            field("s_benchmark", DataTypes.DoubleType),
            field("s_cap_ratio", DataTypes.DoubleType),
            field("s_scale", DataTypes.DoubleType),
            field("s_centre", DataTypes.DoubleType),
            field("s_first", DataTypes.DoubleType),
            field("s_step", DataTypes.DoubleType),
            field("s_floor", DataTypes.DoubleType)
          });

  private static StructField field(String name, org.apache.spark.sql.types.DataType t) {
    return DataTypes.createStructField(name, t, true);
  }

  static Dataset<Row> of(SparkSession spark, Methodology m) {
    List<Row> rows = new ArrayList<>();
    for (IndicatorNode leaf : m.leaves()) {
      OutlierTreatment o = leaf.outliers();
      Normalisation n = leaf.normalisation();
      Flat f = Flat.of(n);
      rows.add(
          RowFactory.create(
              leaf.code(),
              (double) leaf.direction().sign(),
              o.winsorise(),
              o.skewness(),
              o.kurtosis(),
              o.maxRounds(),
              o.maxShare(),
              o.logFallback(),
              leaf.transform().name(),
              n.method().name(),
              nullIfNaN(f.low()),
              nullIfNaN(f.high()),
              nullIfNaN(f.min()),
              nullIfNaN(f.max()),
              f.cap(),
              nullIfNaN(f.target()),
              nullIfNaN(f.benchmark()),
              nullIfNaN(f.capRatio()),
              nullIfNaN(f.scale()),
              nullIfNaN(f.centre()),
              nullIfNaN(f.first()),
              nullIfNaN(f.step()),
              nullIfNaN(f.floor())));
    }
    return broadcast(spark.createDataFrame(rows, SCHEMA));
  }

  /** The parameters of every method side by side, NaN where a method has none. */
  private record Flat(
      double low,
      double high,
      double min,
      double max,
      boolean cap,
      double target,
      double benchmark,
      double capRatio,
      double scale,
      double centre,
      double first,
      double step,
      double floor) {
    private static final double NAN = Double.NaN;

    static Flat of(Normalisation n) {
      if (n instanceof Normalisation.MinMax m) {
        return new Flat(m.low(), m.high(), NAN, NAN, false, NAN, NAN, NAN, 1, 0, NAN, NAN, NAN);
      } else if (n instanceof Normalisation.Goalposts g) {
        return new Flat(
            NAN, NAN, g.min(), g.max(), g.cap(), NAN, NAN, NAN, g.scale(), 0, NAN, NAN, NAN);
      } else if (n instanceof Normalisation.ZScore z) {
        return new Flat(
            NAN, NAN, NAN, NAN, false, NAN, NAN, NAN, z.scale(), z.centre(), NAN, NAN, NAN);
      } else if (n instanceof Normalisation.PercentileRank p) {
        return new Flat(NAN, NAN, NAN, NAN, false, NAN, NAN, NAN, p.scale(), 0, NAN, NAN, NAN);
      } else if (n instanceof Normalisation.RankPoints r) {
        return new Flat(
            NAN, NAN, NAN, NAN, false, NAN, NAN, NAN, 1, 0, r.first(), r.step(), r.floor());
      } else if (n instanceof Normalisation.DistanceToTarget d) {
        return new Flat(
            NAN, NAN, NAN, NAN, d.cap(), d.target(), NAN, NAN, d.scale(), 0, NAN, NAN, NAN);
      } else if (n instanceof Normalisation.Benchmark b) {
        return new Flat(
            NAN,
            NAN,
            NAN,
            NAN,
            b.capped(),
            NAN,
            b.benchmark(),
            b.capRatio(),
            b.scale(),
            0,
            NAN,
            NAN,
            NAN);
      }
      // none and rank take no parameters
      return new Flat(NAN, NAN, NAN, NAN, false, NAN, NAN, NAN, 1, 0, NAN, NAN, NAN);
    }
  }

  private static Double nullIfNaN(double d) {
    return Double.isNaN(d) ? null : d;
  }
}
