package zoneassess.jobs.allocation;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import zoneassess.jobs.spark.ContractSchemas;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.allocation.QuotaRule;
import zoneassess.schema.marts.AllocationMarts;

/**
 * The allocation_zone mart: collects the quota units of the policy's city (zones from permu_zone or
 * counties from permu_area, one year), their guaranteed firms and the 重特大 projects still waiting
 * for factors, and splits the quotas with {@link QuotaSplit}. Units are a city-sized table, so the
 * split runs on the driver.
 */
public final class ZoneQuotas {
  private static final Map<String, String> BASIS_ZH =
      Map.of(
          "tax_per_mu", "亩均税收",
          "value_added_per_mu", "亩均增加值",
          "revenue_per_mu", "亩均销售收入",
          "output_per_km2_100m", "单位面积产出",
          "share_a", "A类企业占比");

  private ZoneQuotas() {}

  /**
   * @param perMuUnits permu_zone (unit zone) or permu_area (unit county)
   * @param projects staged major_projects
   * @param zones staged zones (zone_code, county_code)
   * @param allocationEnterprise the allocation_enterprise rows of the year
   */
  public static Dataset<Row> apply(
      SparkSession spark,
      Dataset<Row> perMuUnits,
      Dataset<Row> projects,
      Dataset<Row> zones,
      Dataset<Row> allocationEnterprise,
      AllocationPolicy policy,
      int year) {
    QuotaRule rule = policy.quotas();
    boolean byZone = rule.unit().equals("zone");
    Dataset<Row> units = perMuUnits.filter(col("year").equalTo(year));
    if (!byZone) {
      units = units.filter(col("area_level").equalTo("county"));
    }
    if (policy.city() != null) {
      units = units.filter(col("city").equalTo(policy.city()));
    }
    String codeCol = byZone ? "zone_code" : "area_code";
    String nameCol = byZone ? "zone_name" : "area_name";
    String firmUnit = byZone ? "zone_code" : "county_code";
    Map<String, Integer> firms = new HashMap<>();
    for (Row r :
        allocationEnterprise
            .filter(col("year").equalTo(year).and(col("guaranteed")))
            .filter(col(firmUnit).isNotNull())
            .groupBy(col(firmUnit))
            .agg(count(lit(1)))
            .collectAsList()) {
      firms.put(r.getString(0), (int) r.getLong(1));
    }
    List<QuotaSplit.Unit> unitList = new ArrayList<>();
    for (Row r :
        units
            .select(col(codeCol), col(nameCol), col("city"), col(rule.basis()).cast("double"))
            .orderBy(col(codeCol))
            .collectAsList()) {
      unitList.add(
          new QuotaSplit.Unit(
              r.getString(0),
              r.getString(1),
              r.getString(2),
              r.isNullAt(3) ? null : r.getDouble(3),
              firms.getOrDefault(r.getString(0), 0)));
    }
    Column unitOfProject = byZone ? col("p.zone_code") : col("z.county_code");
    List<QuotaSplit.Project> projectList = new ArrayList<>();
    for (Row r :
        projects
            .as("p")
            .join(zones.as("z"), col("p.zone_code").equalTo(col("z.zone_code")), "left")
            .filter(
                col("p.investment_100m_cny")
                    .geq(policy.projects().minInvestment100m())
                    .and(col("p.status").isin(policy.projects().statuses().toArray())))
            .select(col("p.project_id"), unitOfProject, col("p.investment_100m_cny"))
            .orderBy(col("p.project_id"))
            .collectAsList()) {
      if (!r.isNullAt(1)) {
        projectList.add(new QuotaSplit.Project(r.getString(0), r.getString(1), r.getDouble(2)));
      }
    }
    List<QuotaSplit.Quota> quotas =
        QuotaSplit.split(unitList, projectList, rule, policy.projects());
    String basisZh = BASIS_ZH.getOrDefault(rule.basis(), rule.basis());
    List<Row> rows = new ArrayList<>();
    for (QuotaSplit.Quota q : quotas) {
      QuotaSplit.Unit u = q.unit();
      rows.add(
          RowFactory.create(
              policy.id(),
              year,
              rule.unit(),
              u.code(),
              u.name(),
              u.city(),
              rule.basis(),
              u.basisValue(),
              Double.isNaN(q.rawShare()) ? null : q.rawShare(),
              q.share(),
              q.shareRule().code(),
              q.projectIds().size(),
              q.projectIds().isEmpty() ? null : String.join(";", q.projectIds()),
              u.guaranteedFirms(),
              q.guaranteedLandMu(),
              q.shareLandMu(),
              q.landQuotaMu(),
              q.guaranteedEnergy10kTce(),
              q.shareEnergy10kTce(),
              q.energyQuota10kTce(),
              QuotaSplit.ruleZh(q, rule, basisZh)));
    }
    return spark.createDataFrame(rows, ContractSchemas.of(AllocationMarts.ZONE));
  }
}
