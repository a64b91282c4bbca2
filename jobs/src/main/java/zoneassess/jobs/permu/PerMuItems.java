package zoneassess.jobs.permu;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.schema.permu.FormulaSet;
import zoneassess.schema.permu.MissingRule;
import zoneassess.schema.permu.PerMuScheme;
import zoneassess.schema.permu.ScoreItem;

/**
 * Item scores of the evaluated firms (PerMuScore): one row per firm, year and item of its formula
 * set, with the indicator value, the benchmark it is divided by, and the capped or imputed score.
 * Benchmarks and missing-data averages are small per-group aggregates joined back by broadcast.
 */
public final class PerMuItems {

  private PerMuItems() {}

  /**
   * @param prepared output of {@link PerMuScope#prepare}
   */
  public static Dataset<Row> score(Dataset<Row> prepared, PerMuScheme scheme) {
    Dataset<Row> items = explodeItems(prepared, scheme);
    // The same-year and prior-year averages in one pass: every computable item row counts for its
    // own year (shift 0) and, as the prior year, for the next (shift 1). Each sum sees the same
    // rows in the same order as a separate aggregation per year would.
    Column cur = col("_shift").equalTo(0);
    Column prev = col("_shift").equalTo(1);
    Dataset<Row> averages =
        items
            .filter(col("value").isNotNull())
            .select(
                col("year"),
                col("scale"),
                col("item_code"),
                col("bench_group"),
                col("num"),
                col("den"),
                col("value"),
                explode(array(lit(0), lit(1))).as("_shift"))
            .withColumn("year", col("year").plus(col("_shift")))
            .groupBy("year", "scale", "item_code", "bench_group")
            .agg(
                sum(when(cur, col("num"))).divide(sum(when(cur, col("den")))).as("cur_pooled"),
                avg(when(cur, col("value"))).as("cur_mean"),
                sum(when(prev, col("num"))).divide(sum(when(prev, col("den")))).as("prev_pooled"),
                avg(when(prev, col("value"))).as("prev_mean"));
    List<String> benchKeys = List.of("year", "scale", "item_code", "bench_group");
    Dataset<Row> withAverages = items.join(broadcast(averages), scalaSeq(benchKeys), "left");
    Column prevAvg = when(col("pooled"), col("prev_pooled")).otherwise(col("prev_mean"));
    Column curAvg = when(col("pooled"), col("cur_pooled")).otherwise(col("cur_mean"));
    Column fixed = col("fixed_benchmark").isNotNull();
    Column benchmark =
        when(fixed, col("fixed_benchmark"))
            .otherwise(col("multiple").multiply(coalesce(prevAvg, curAvg)));
    Column basis =
        when(fixed, lit("fixed"))
            .when(prevAvg.isNotNull(), lit("prior_year"))
            .when(curAvg.isNotNull(), lit("same_year"));
    Column raw =
        when(
            col("value").isNotNull().and(col("benchmark").gt(0)),
            col("value").divide(col("benchmark")).multiply(col("weight")));
    // least() skips nulls, so the cap applies only to a computed score.
    Column capped =
        when(raw.isNull(), lit(null).cast("double"))
            .when(col("cap").isNotNull(), least(raw, col("cap")))
            .otherwise(raw);
    Dataset<Row> scored =
        withAverages
            .withColumn("benchmark", benchmark)
            .withColumn("benchmark_basis", basis)
            .withColumn("capped_score", capped);
    Dataset<Row> groupAverage =
        scored
            .groupBy("year", "scale", "item_code", "group_code")
            .agg(avg("capped_score").as("group_avg_score"));
    Column itemScore =
        when(col("capped_score").isNotNull(), col("capped_score"))
            .when(col("missing").equalTo("average"), coalesce(col("group_avg_score"), lit(0.0)))
            .when(col("missing").equalTo("zero"), lit(0.0))
            .otherwise(lit(null).cast("double"));
    // The group averages only feed the "average" missing-data rule: without it, no pass for them.
    boolean averageRule =
        scheme.formulas().values().stream()
            .flatMap(set -> set.items().stream())
            .anyMatch(item -> item.missing() == MissingRule.AVERAGE);
    Dataset<Row> withGroupAverage =
        averageRule
            ? scored.join(
                broadcast(groupAverage),
                scalaSeq(List.of("year", "scale", "item_code", "group_code")),
                "left")
            : scored.withColumn("group_avg_score", lit(null).cast("double"));
    return withGroupAverage.select(
        col("credit_code"),
        col("year"),
        col("scale"),
        col("group_code"),
        col("item_code"),
        col("item_name_zh"),
        col("item_order"),
        col("unit"),
        col("value"),
        col("benchmark"),
        col("benchmark_basis"),
        col("weight"),
        itemScore.as("item_score"),
        col("capped_score").isNull().as("imputed"));
  }

  /**
   * Total score per firm and year: the sum of item scores; items dropped by the {@code reweight}
   * rule scale the others up to the full weight (Σ scores × Σ weights ÷ Σ weights scored).
   */
  public static Dataset<Row> totals(Dataset<Row> items) {
    return items
        .groupBy("credit_code", "year")
        .agg(
            sum("item_score").as("_s"),
            sum(when(col("item_score").isNotNull(), col("weight"))).as("_wp"),
            sum("weight").as("_wa"))
        .select(
            col("credit_code"),
            col("year"),
            when(col("_wp").isNull().or(col("_wp").leq(0)), lit(null).cast("double"))
                .when(col("_wp").equalTo(col("_wa")), col("_s"))
                .otherwise(col("_s").multiply(col("_wa")).divide(col("_wp")))
                .as("total_score"));
  }

  private static Dataset<Row> explodeItems(Dataset<Row> prepared, PerMuScheme scheme) {
    Column items = null;
    for (FormulaSet set : scheme.formulas().values()) {
      List<Column> structs = new ArrayList<>();
      for (int i = 0; i < set.items().size(); i++) {
        structs.add(itemStruct(set.items().get(i), i + 1));
      }
      Column arr = array(structs.toArray(new Column[0]));
      Column test = col("scale").equalTo(set.scale());
      items = items == null ? when(test, arr) : items.when(test, arr);
    }
    return prepared
        .filter(col("t_reason").isNull())
        .select(
            col("credit_code"),
            col("year"),
            col("scale"),
            col("group_code"),
            explode(items).as("it"))
        .select("credit_code", "year", "scale", "group_code", "it.*");
  }

  private static Column itemStruct(ScoreItem item, int order) {
    var ind = item.indicator();
    Column num = col(ind.numerator()).cast("double");
    Column den = col(ind.denominator()).cast("double");
    Column ok = num.isNotNull().and(den.gt(0));
    Column nullDouble = lit(null).cast("double");
    return struct(
        lit(ind.code()).as("item_code"),
        lit(ind.nameZh()).as("item_name_zh"),
        lit(order).as("item_order"),
        lit(ind.unit()).as("unit"),
        when(ok, num.multiply(ind.factor())).otherwise(nullDouble).as("num"),
        when(ok, den).otherwise(nullDouble).as("den"),
        PerMuScope.ratio(ind).as("value"),
        lit(item.weight()).as("weight"),
        (item.benchmark().isFixed() ? lit(item.benchmark().fixed()) : nullDouble)
            .as("fixed_benchmark"),
        lit(item.benchmark().multiple()).as("multiple"),
        lit(item.benchmark().pooled()).as("pooled"),
        PerMuScope.groupCode(item.benchmark().group()).as("bench_group"),
        (item.cap() == null ? nullDouble : lit(item.cap())).as("cap"),
        lit(item.missing().code()).as("missing"));
  }

  static scala.collection.immutable.Seq<String> scalaSeq(List<String> cols) {
    return scala.jdk.javaapi.CollectionConverters.asScala(cols).toList();
  }
}
