package zoneassess.jobs.allocation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import zoneassess.schema.allocation.AllocationPolicy;
import zoneassess.schema.allocation.ClassPolicy;
import zoneassess.schema.allocation.Exemption;
import zoneassess.schema.factor.PriceFactor;
import zoneassess.schema.marts.AllocationMarts;

/**
 * What a policy does for each enterprise-year: the class's measures (priority for land and energy,
 * credit list, auction bar, 城镇土地使用税 relief), the differentiated-price surcharge per factor from the
 * firm's consumption, the first matching exemption (its surcharge factor and 应保尽保 guarantee), the
 * firm's place in line for land and energy within its county, and the reason in words. All
 * expressions are built from the policy; nothing is joined but the firm's attributes.
 *
 * <p>Surcharge steps count consecutive years in D ({@code years_in_d}); a firm of another class
 * pays its class's first step. A guaranteed firm is in line for land and energy whatever its class
 * and is not barred from auctions.
 */
public final class EnterpriseMeasures {
  /** 城镇土地使用税 relief in 万元 = 亩 × 元/m² × reduction ÷ 15 (1 亩 = 10 000 ÷ 15 m²). */
  static final double MU_PER_10K_M2 = 15.0;

  /** Firm attributes read from the staged enterprises (absent columns count as blank). */
  static final List<String> ATTRIBUTES =
      List.of(
          "water_10k_m3",
          "gas_10k_m3",
          "sewage_10k_m3",
          "specialised_level",
          "high_tech",
          "production_start_year");

  private EnterpriseMeasures() {}

  /**
   * @param permuEnterprise the permu_enterprise mart
   * @param enterprises staged enterprises (credit_code, year and {@link #ATTRIBUTES})
   * @param year the year to allocate for
   */
  public static Dataset<Row> apply(
      Dataset<Row> permuEnterprise, Dataset<Row> enterprises, AllocationPolicy policy, int year) {
    List<Column> attrs = new ArrayList<>(List.of(col("credit_code"), col("year")));
    List<String> present = List.of(enterprises.columns());
    for (String a : ATTRIBUTES) {
      String type =
          switch (a) {
            case "specialised_level" -> "string";
            case "high_tech" -> "boolean";
            case "production_start_year" -> "int";
            default -> "double";
          };
      attrs.add((present.contains(a) ? col(a) : lit(null)).cast(type).as("_" + a));
    }
    Dataset<Row> firms =
        permuEnterprise
            .filter(col("year").equalTo(year))
            .join(
                enterprises.filter(col("year").equalTo(year)).select(attrs.toArray(new Column[0])),
                new String[] {"credit_code", "year"},
                "left");

    Column cls = col("per_mu_class");
    Column streak = greatest(coalesce(col("years_in_d"), lit(0)), lit(1));
    Dataset<Row> out =
        firms
            .withColumn("policy_id", lit(policy.id()))
            .withColumn("water_10k_m3", col("_water_10k_m3"))
            .withColumn("gas_10k_m3", col("_gas_10k_m3"))
            .withColumn("sewage_10k_m3", col("_sewage_10k_m3"))
            .withColumn("exemption", exemption(policy, Exemption::code))
            .withColumn("exemption_name_zh", exemption(policy, Exemption::nameZh))
            .withColumn(
                "_factor",
                coalesce(exemption(policy, e -> e.surchargeFactor()).cast("double"), lit(1.0)))
            .withColumn(
                "guaranteed", coalesce(exemption(policy, Exemption::guaranteed), lit(false)))
            .withColumn("policy_name_zh", coalesce(byClass(policy, cls, ClassPolicy::nameZh), cls))
            .withColumn(
                "land_priority",
                coalesce(byClass(policy, cls, ClassPolicy::landPriority), lit(false))
                    .or(col("guaranteed")))
            .withColumn(
                "energy_priority",
                coalesce(byClass(policy, cls, ClassPolicy::energyPriority), lit(false))
                    .or(col("guaranteed")))
            .withColumn(
                "credit_list", coalesce(byClass(policy, cls, ClassPolicy::creditList), lit(false)))
            .withColumn(
                "land_auction_barred",
                coalesce(byClass(policy, cls, ClassPolicy::landAuctionBarred), lit(false))
                    .and(col("guaranteed").unary_$bang()));
    Column total = lit(0.0);
    for (PriceFactor f : PriceFactor.values()) {
      Column rate = priceStep(policy, cls, f, streak).multiply(col("_factor"));
      out =
          out.withColumn(f.code() + "_surcharge_rate", rate)
              .withColumn(
                  f.code() + "_surcharge_10k",
                  col(f.code() + "_surcharge_rate").multiply(col(f.consumptionColumn())));
      total = total.plus(coalesce(col(f.code() + "_surcharge_10k"), lit(0.0)));
    }
    out =
        out.withColumn("surcharge_total_10k", total)
            .withColumn(
                "land_use_tax_reduction",
                coalesce(byClass(policy, cls, ClassPolicy::landUseTaxReduction), lit(0.0))
                    .cast("double"))
            .withColumn(
                "land_use_tax_relief_10k",
                coalesce(col("land_area_mu"), lit(0.0))
                    .multiply(lit(policy.landUseTaxYuanPerM2()))
                    .multiply(col("land_use_tax_reduction"))
                    .divide(lit(MU_PER_10K_M2)))
            .withColumn("priority_rank", priorityRank(policy))
            .withColumn("reason_zh", reason(policy));
    return out.select(
        AllocationMarts.ENTERPRISE.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** The first matching exemption's attribute, null when none matches. */
  private static Column exemption(
      AllocationPolicy policy, java.util.function.Function<Exemption, Object> attribute) {
    Column out = null;
    for (Exemption e : policy.exemptions()) {
      Column match = matches(e);
      Column v = lit(attribute.apply(e));
      out = out == null ? when(match, v) : out.when(match, v);
    }
    return out == null ? lit(null) : out;
  }

  private static Column matches(Exemption e) {
    return switch (e.condition()) {
      case SPECIALISED -> coalesce(col("_specialised_level").equalTo(e.value()), lit(false));
      case HIGH_TECH -> coalesce(col("_high_tech"), lit(false));
      case PRODUCTION_YEARS_BELOW ->
          coalesce(
              col("year").minus(col("_production_start_year")).lt(Integer.parseInt(e.value())),
              lit(false));
    };
  }

  private static Column byClass(
      AllocationPolicy policy, Column cls, java.util.function.Function<ClassPolicy, Object> f) {
    Column out = null;
    for (Map.Entry<String, ClassPolicy> e : policy.classes().entrySet()) {
      Column v = lit(f.apply(e.getValue()));
      out = out == null ? when(cls.equalTo(e.getKey()), v) : out.when(cls.equalTo(e.getKey()), v);
    }
    return out == null ? lit(null) : out;
  }

  /** The class's step for the streak: first step in the first year, last step from then on. */
  private static Column priceStep(
      AllocationPolicy policy, Column cls, PriceFactor factor, Column streak) {
    Column out = null;
    for (Map.Entry<String, ClassPolicy> e : policy.classes().entrySet()) {
      List<Double> steps = e.getValue().prices().getOrDefault(factor, List.of());
      if (steps.isEmpty()) {
        continue;
      }
      Column step = lit(steps.get(steps.size() - 1));
      for (int i = steps.size() - 2; i >= 0; i--) {
        step = when(streak.equalTo(i + 1), lit(steps.get(i))).otherwise(step);
      }
      out =
          out == null
              ? when(cls.equalTo(e.getKey()), step)
              : out.when(cls.equalTo(e.getKey()), step);
    }
    return out == null ? lit(0.0) : out.otherwise(lit(0.0));
  }

  /**
   * Place in line within (county, year): guaranteed firms first, then the classes of {@code
   * priority_order} in that order, each by total score (best first), then by credit code.
   */
  private static Column priorityRank(AllocationPolicy policy) {
    Column classIndex = null;
    List<String> order = policy.priorityOrder();
    for (int i = 0; i < order.size(); i++) {
      Column in = col("per_mu_class").equalTo(order.get(i));
      classIndex = classIndex == null ? when(in, lit(i)) : classIndex.when(in, lit(i));
    }
    Column group =
        when(col("guaranteed"), lit(-1))
            .otherwise(classIndex == null ? lit(null).cast("int") : classIndex);
    Column inLine = group.isNotNull().and(col("land_auction_barred").unary_$bang());
    var w =
        Window.partitionBy(col("year"), col("county_code"), inLine)
            .orderBy(group.asc(), col("total_score").desc_nulls_last(), col("credit_code").asc());
    return when(inLine, row_number().over(w));
  }

  private static Column reason(AllocationPolicy policy) {
    List<Column> parts = new ArrayList<>();
    parts.add(
        concat(
            col("per_mu_class"),
            lit("类（"),
            col("policy_name_zh"),
            lit("）"),
            when(col("years_in_d").gt(0), concat(lit("，连续"), col("years_in_d"), lit("年")))
                .otherwise(lit(""))));
    parts.add(
        when(
            col("exemption").isNotNull(),
            concat(
                col("exemption_name_zh"),
                when(col("_factor").equalTo(0.0), lit("，免收差别化加价"))
                    .when(
                        col("_factor").lt(1.0),
                        format_string("，差别化加价按%.0f%%收取", col("_factor").multiply(100)))
                    .otherwise(lit("")))));
    parts.add(when(col("guaranteed"), lit("应保尽保（用地用能予以保障）")));
    parts.add(when(col("land_priority"), lit("新增用地优先")));
    parts.add(when(col("energy_priority"), lit("用能指标优先")));
    parts.add(when(col("credit_list"), lit("列入信贷推荐名单")));
    parts.add(when(col("land_auction_barred"), lit("不得参与工业用地竞买")));
    for (PriceFactor f : PriceFactor.values()) {
      String c = f.code();
      parts.add(
          when(
              col(c + "_surcharge_rate").gt(0),
              concat(
                  lit(f.nameZh() + "加价"),
                  format_string("%.2f", col(c + "_surcharge_rate")),
                  lit(f.priceUnit()),
                  when(
                          col(c + "_surcharge_10k").isNotNull(),
                          format_string("，计%.2f万元", col(c + "_surcharge_10k")))
                      .otherwise(lit("（用量未报）")))));
    }
    parts.add(
        when(
            col("land_use_tax_reduction").gt(0),
            concat(
                format_string("城镇土地使用税减免%.0f%%", col("land_use_tax_reduction").multiply(100)),
                format_string("，计%.2f万元", col("land_use_tax_relief_10k")))));
    return concat_ws("；", parts.toArray(new Column[0]));
  }
}
