package zoneassess.jobs.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.io.MartWriter;
import zoneassess.jobs.io.ParquetRead;
import zoneassess.jobs.io.Publisher;
import zoneassess.jobs.pipeline.Stage;
import zoneassess.jobs.pipeline.StageContext;
import zoneassess.jobs.pipeline.StageParams;
import zoneassess.jobs.pipeline.StageResult;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.allocation.AllocationPolicyLoader;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.Datasets;
import zoneassess.schema.layout.RunLayout;
import zoneassess.schema.marts.AllocationMarts;
import zoneassess.schema.marts.PerMuMarts;

/**
 * The allocation stage (资源要素配置): reads the per-mu marts and the staged enterprises, zones, zone
 * statistics and major projects of a run, applies an allocation policy for one year and publishes
 * allocation_enterprise (partitioned by year), allocation_zone and land_recovery.
 *
 * <p>Parameters: {@code policy} (default {@value AllocationPolicyLoader#HUAIAN_2024}), {@code year}
 * (default: the newest year of permu_enterprise), {@code land_quota} and {@code energy_quota}
 * (override the file's quotas; blank keeps them). Needs the per-mu stage's marts.
 */
public final class AllocationStage implements Stage {
  public static final String NAME = "allocation";
  public static final String PARAM_POLICY = "policy";
  public static final String PARAM_YEAR = "year";
  public static final String PARAM_LAND_QUOTA = "land_quota";
  public static final String PARAM_ENERGY_QUOTA = "energy_quota";

  /** The stage's parameters, typed; an unknown key is an error. Quotas are "" when not given. */
  public record Params(String year, String policy, String landQuota, String energyQuota) {
    public static final List<String> NAMES =
        List.of(PARAM_YEAR, PARAM_POLICY, PARAM_LAND_QUOTA, PARAM_ENERGY_QUOTA);

    public static Params of(StageContext context) {
      StageParams p = StageParams.of(NAME, context.params(), NAMES);
      return new Params(
          p.text(PARAM_YEAR, "latest"),
          p.text(PARAM_POLICY, AllocationPolicyLoader.HUAIAN_2024),
          p.text(PARAM_LAND_QUOTA, ""),
          p.text(PARAM_ENERGY_QUOTA, ""));
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public StageResult execute(StageContext context) {
    SparkSession spark = context.spark();
    RunLayout run = context.run();
    Publisher publisher = context.publisher();
    AllocationPolicy policy = policy(context);
    String permuUri = run.mart(PerMuMarts.ENTERPRISE.name());
    if (!publisher.exists(permuUri)) {
      throw new IllegalArgumentException(
          "allocation: run " + run.runId() + " has no permu_enterprise mart (run per-mu first)");
    }
    Dataset<Row> permu = ParquetRead.of(spark, permuUri);
    int year = resolveYear(Params.of(context).year(), permu);

    Map<String, String> outputs = new LinkedHashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    MartWriter marts = new MartWriter(spark);
    String enterpriseUri = run.mart(AllocationMarts.ENTERPRISE.name());
    Dataset<Row> measures =
        EnterpriseMeasures.apply(
            permu, read(spark, publisher, run, Datasets.ENTERPRISES), policy, year);
    counts.put(
        AllocationMarts.ENTERPRISE.name(),
        marts.write(
            AllocationMarts.ENTERPRISE,
            measures.repartition(col("year")).sortWithinPartitions("year", "credit_code"),
            enterpriseUri,
            "year"));
    outputs.put(AllocationMarts.ENTERPRISE.name(), enterpriseUri);
    Dataset<Row> published = marts.read(AllocationMarts.ENTERPRISE, enterpriseUri);

    Dataset<Row> zones = read(spark, publisher, run, Datasets.ZONES);
    Dataset<Row> units =
        spark
            .read()
            .parquet(
                run.mart(
                    policy.quotas().unit().equals("zone")
                        ? PerMuMarts.ZONE.name()
                        : PerMuMarts.AREA.name()));
    String zoneUri = run.mart(AllocationMarts.ZONE.name());
    counts.put(
        AllocationMarts.ZONE.name(),
        marts.write(
            AllocationMarts.ZONE,
            ZoneQuotas.apply(
                    spark,
                    units,
                    read(spark, publisher, run, Datasets.MAJOR_PROJECTS),
                    zones,
                    published,
                    policy,
                    year)
                .coalesce(1)
                .sortWithinPartitions("policy_id", "year", "unit_code"),
            zoneUri));
    outputs.put(AllocationMarts.ZONE.name(), zoneUri);

    String recoveryUri = run.mart(AllocationMarts.LAND_RECOVERY.name());
    counts.put(
        AllocationMarts.LAND_RECOVERY.name(),
        marts.write(
            AllocationMarts.LAND_RECOVERY,
            LandRecovery.apply(
                    read(spark, publisher, run, Datasets.ZONE_STATS),
                    zones,
                    published,
                    policy,
                    year)
                .coalesce(1)
                .sortWithinPartitions("year", "zone_code", "candidate_type", "credit_code"),
            recoveryUri));
    outputs.put(AllocationMarts.LAND_RECOVERY.name(), recoveryUri);

    List<String> summary = new ArrayList<>();
    summary.add(
        String.format(
            Locale.ROOT,
            "allocation: policy %s (%s), year %d, land quota %.0f 亩, energy quota %.2f 万吨标煤",
            policy.id(),
            policy.version(),
            year,
            policy.quotas().landMu(),
            policy.quotas().energy10kTce()));
    Row totals =
        published
            .agg(
                sum("surcharge_total_10k"),
                sum(when(col("surcharge_total_10k").gt(0), 1).otherwise(0)),
                sum(when(col("guaranteed"), 1).otherwise(0)),
                count(lit(1)))
            .first();
    summary.add(
        String.format(
            Locale.ROOT,
            "allocation: surcharge revenue %.2f 万元 from %d firms; %d guaranteed firms of %d",
            totals.isNullAt(0) ? 0.0 : totals.getDouble(0),
            totals.isNullAt(1) ? 0L : totals.getLong(1),
            totals.isNullAt(2) ? 0L : totals.getLong(2),
            totals.getLong(3)));
    summary.forEach(context.console()::println);
    return new StageResult(NAME, outputs, counts, summary);
  }

  static AllocationPolicy policy(StageContext context) {
    AllocationPolicy p = AllocationPolicyLoader.load(Params.of(context).policy());
    return p.withQuotas(
        quota(Params.of(context).landQuota(), "land_quota"),
        quota(Params.of(context).energyQuota(), "energy_quota"));
  }

  private static Double quota(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      double v = Double.parseDouble(raw.strip());
      if (!(v >= 0)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "allocation: " + name + " must be a non-negative number, found '" + raw + "'");
    }
  }

  static int resolveYear(String param, Dataset<Row> permu) {
    Row newest = permu.agg(max("year")).first();
    if (newest.isNullAt(0)) {
      throw new IllegalArgumentException("allocation: permu_enterprise is empty");
    }
    if (param == null || param.equals("latest")) {
      return newest.getInt(0);
    }
    int year;
    try {
      year = Integer.parseInt(param.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "allocation: year must be a year or 'latest', found '" + param + "'");
    }
    if (permu.filter(col("year").equalTo(year)).isEmpty()) {
      throw new IllegalArgumentException(
          "allocation: permu_enterprise has no year "
              + year
              + " (newest: "
              + newest.getInt(0)
              + ")");
    }
    return year;
  }

  private static Dataset<Row> read(
      SparkSession spark, Publisher publisher, RunLayout run, DatasetContract contract) {
    String uri = run.staging(contract.name());
    if (publisher.exists(uri)) {
      return ParquetRead.of(spark, uri);
    }
    return spark.createDataFrame(List.of(), ContractSchemas.of(contract));
  }
}
