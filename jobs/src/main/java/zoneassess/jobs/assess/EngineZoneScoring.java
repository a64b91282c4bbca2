package zoneassess.jobs.assess;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import zoneassess.jobs.index.CompositeIndexEngine;
import zoneassess.jobs.index.IndexOptions;
import zoneassess.jobs.index.IndexResult;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.MethodologyLoader;

/**
 * Scores zones with the general composite-index engine: the methodology's root is the index, its
 * children are the assessment's dimensions, and its leaves are the indicators reported per zone.
 * Scores are computed per period ({@code period} is the engine's partition column).
 */
public final class EngineZoneScoring implements ZoneScoring {
  static final List<String> CARRIED =
      List.of("zone_name", "city", "county", "region", "level", "zone_type");

  @Override
  public ScoredZones score(Dataset<Row> zoneFacts, String methodologyLocation) {
    Methodology m = MethodologyLoader.load(methodologyLocation).methodology();
    Set<String> present = new TreeSet<>(Arrays.asList(zoneFacts.columns()));
    List<String> carry = CARRIED.stream().filter(present::contains).toList();
    // Routine facts carry a period slot (Q1…Q4): growth(x, previous) then compares with the same
    // quarter a year earlier, and every cross-zone computation stays per period.
    List<String> partitions =
        present.contains(RoutineFacts.SLOT)
            ? List.of(RoutineFacts.SLOT, "period")
            : List.of("period");
    IndexResult r =
        CompositeIndexEngine.run(zoneFacts, m, new IndexOptions("zone_code", partitions, carry));
    IndicatorNode root = m.root();

    Dataset<Row> indexScores =
        r.aggregated()
            .select(
                col("zone_code"), col("period"), col(root.code()).cast("double").as("index_score"));
    return new ScoredZones(
        m.id(), m.version(), indexScores, dimensions(r, root), indicators(r, m, root));
  }

  private static Dataset<Row> dimensions(IndexResult r, IndicatorNode root) {
    Dataset<Row> dims = null;
    int order = 0;
    for (IndicatorNode d : root.children()) {
      order++;
      Dataset<Row> source = d.isLeaf() ? r.normalised() : r.aggregated();
      Dataset<Row> one =
          source.select(
              col("zone_code"),
              col("period"),
              lit(d.code()).as("dimension_code"),
              lit(d.nameZh()).as("dimension_name_zh"),
              lit(d.nameEn()).as("dimension_name_en"),
              weight(root, d, source).as("weight"),
              col(d.code()).cast("double").as("score"),
              lit(order).as("sort_order"));
      dims = dims == null ? one : dims.unionByName(one);
    }
    return dims;
  }

  /** The child's weight for each zone: fixed, or chosen by the root's weights-by column. */
  private static Column weight(IndicatorNode root, IndicatorNode child, Dataset<Row> source) {
    if (root.weightsBy() == null
        || child.weightsByGroup().isEmpty()
        || !Arrays.asList(source.columns()).contains(root.weightsBy())) {
      return lit(child.weight());
    }
    Column w = null;
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(child.weightsByGroup()).entrySet()) {
      Column c = col(root.weightsBy()).equalTo(e.getKey());
      w = w == null ? when(c, lit(e.getValue())) : w.when(c, lit(e.getValue()));
    }
    return w.otherwise(lit(child.weight()));
  }

  private static Dataset<Row> indicators(IndexResult r, Methodology m, IndicatorNode root) {
    String[] key = {"zone_code", "period"};
    List<IndicatorNode> leaves = m.leaves();
    List<Column> rawCols = new ArrayList<>(List.of(col("zone_code"), col("period")));
    List<Column> treatedCols = new ArrayList<>(List.of(col("zone_code"), col("period")));
    List<Column> normCols = new ArrayList<>(List.of(col("zone_code"), col("period")));
    for (IndicatorNode l : leaves) {
      rawCols.add(col(l.code()).cast("double").as("raw__" + l.code()));
      treatedCols.add(col(l.code()).cast("double").as("treated__" + l.code()));
      normCols.add(col(l.code()).cast("double").as("norm__" + l.code()));
    }
    Dataset<Row> wide =
        r.raw()
            .select(rawCols.toArray(Column[]::new))
            .join(r.treated().select(treatedCols.toArray(Column[]::new)), key)
            .join(r.normalised().select(normCols.toArray(Column[]::new)), key);
    Dataset<Row> imputedCells =
        r.imputedCells()
            .select(col("zone_code"), col("period"), col("indicator").as("indicator_code"))
            .withColumn("imputed", lit(true));
    // One row per zone, period and leaf from one pass over the wide rows (a generator), not a
    // union of one select per leaf: the union repeated the whole scoring plan once per indicator.
    List<Column> cells = new ArrayList<>();
    for (IndicatorNode l : leaves) {
      cells.add(
          struct(
              lit(l.code()).as("indicator_code"),
              lit(l.nameZh()).as("indicator_name_zh"),
              lit(l.unit() == null ? "" : l.unit()).as("unit"),
              lit(dimensionOf(root, l.code())).as("dimension_code"),
              lit(l.direction() == null
                      ? "higher"
                      : l.direction().name().toLowerCase(java.util.Locale.ROOT))
                  .as("direction"),
              col("raw__" + l.code()).as("raw_value"),
              col("treated__" + l.code()).as("treated_value"),
              col("norm__" + l.code()).as("normalised_value")));
    }
    Dataset<Row> out =
        wide.select(
                col("zone_code"),
                col("period"),
                explode(array(cells.toArray(Column[]::new))).as("cell"))
            .select(col("zone_code"), col("period"), col("cell.*"));
    return out.join(imputedCells, new String[] {"zone_code", "period", "indicator_code"}, "left")
        .withColumn("imputed", functionsCoalesceFalse());
  }

  private static Column functionsCoalesceFalse() {
    return org.apache.spark.sql.functions.coalesce(col("imputed"), lit(false));
  }

  /** The root child whose subtree holds {@code code}. */
  static String dimensionOf(IndicatorNode root, String code) {
    for (IndicatorNode d : root.children()) {
      if (contains(d, code)) {
        return d.code();
      }
    }
    return root.code();
  }

  private static boolean contains(IndicatorNode n, String code) {
    return n.code().equals(code) || n.children().stream().anyMatch(c -> contains(c, code));
  }
}
