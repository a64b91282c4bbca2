package zoneassess.jobs.index;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import zoneassess.schema.methodology.IndicatorNode;
import zoneassess.schema.methodology.Methodology;
import zoneassess.schema.methodology.RowFilter;

/**
 * The general composite-index engine: wide table of raw statistics in, every stage out (raw,
 * denominated, imputed, treated, normalised, aggregated, ranks). Nothing here knows a particular
 * index; the methodology says everything. All cross-unit work is done with window functions
 * partitioned by the partition columns (and the indicator), so it scales with the data and never
 * collects it; only bounded samples of offending rows are fetched to word error messages.
 */
public final class CompositeIndexEngine {
  private CompositeIndexEngine() {}

  public static IndexResult run(Dataset<Row> wide, Methodology m, IndexOptions opts) {
    Set<String> available = new LinkedHashSet<>(Arrays.asList(wide.columns()));
    List<String> key = keyColumns(m, opts, available);
    Dataset<Row> input = exclude(wide, m, available);
    checkInputs(m, available);
    checkUnique(input, opts);
    checkWeightGroups(input, m, opts);

    Dataset<Row> rawWithDen = DerivedIndicators.raw(input, m, key, opts);
    Dataset<Row> raw = DerivedIndicators.visible(rawWithDen, m, key);
    Dataset<Row> denominated = DerivedIndicators.denominate(rawWithDen, m, key);
    List<String> codes = m.leaves().stream().map(IndicatorNode::code).toList();

    Dataset<Row> settings = IndicatorSettings.of(wide.sparkSession(), m);
    Dataset<Row> longDen =
        LongTable.unpivot(denominated, key, codes).join(settings, IndicatorSettings.INDICATOR);
    Dataset<Row> imputedLong =
        Imputation.apply(longDen, m.missingData(), opts.partitionColumns()).localCheckpoint();
    Dataset<Row> imputed = LongTable.pivot(imputedLong, key, codes, LongTable.VALUE);
    Dataset<Row> imputedCells =
        cells(
            imputedLong.filter(col(Imputation.IMPUTED)),
            key,
            col(LongTable.VALUE).as("imputed_value"));

    boolean anyWinsorised = m.leaves().stream().anyMatch(l -> l.outliers().winsorise());
    Dataset<Row> treatedLong =
        anyWinsorised
            ? Winsorisation.apply(imputedLong, opts.partitionColumns()).localCheckpoint()
            : Winsorisation.untreated(imputedLong);
    Dataset<Row> treated = LongTable.pivot(treatedLong, key, codes, LongTable.VALUE);
    Column kind =
        functions
            .when(col(Winsorisation.LOGGED), lit("log"))
            .when(col(Winsorisation.HIGH), lit("winsorised_high"))
            .when(col(Winsorisation.LOW), lit("winsorised_low"));
    Dataset<Row> treatment =
        cells(
            treatedLong.filter(
                col(Winsorisation.LOGGED).or(col(Winsorisation.HIGH)).or(col(Winsorisation.LOW))),
            key,
            col(Winsorisation.ORIGINAL).as("before"),
            col(LongTable.VALUE).as("after"),
            kind.as("treatment"));

    Dataset<Row> normalisedLong =
        Normaliser.apply(treatedLong, opts.partitionColumns(), m.ranking().significantDigits())
            .localCheckpoint();
    Dataset<Row> normalised = LongTable.pivot(normalisedLong, key, codes, Normaliser.SCORE);

    List<Column> scoreCols = new ArrayList<>(key.stream().map(functions::col).toList());
    scoreCols.add(col(LongTable.NODE));
    scoreCols.add(col(Normaliser.SCORE));
    Dataset<Row> aggLong =
        TreeAggregation.apply(normalisedLong.select(scoreCols.toArray(Column[]::new)), m, key)
            .localCheckpoint();
    List<String> aggCodes = m.aggregates().stream().map(IndicatorNode::code).toList();
    Dataset<Row> aggregated = LongTable.pivot(aggLong, key, aggCodes, Normaliser.SCORE);

    Dataset<Row> forRanking = aggregated;
    List<String> leafBreaks =
        m.ranking().breakBy().stream()
            .filter(b -> m.find(b).map(IndicatorNode::isLeaf).orElse(false))
            .toList();
    if (!leafBreaks.isEmpty()) {
      List<Column> joinCols = new ArrayList<>(key.stream().map(functions::col).toList());
      leafBreaks.forEach(b -> joinCols.add(col(b)));
      forRanking =
          forRanking.join(
              normalised.select(joinCols.toArray(Column[]::new)), key.toArray(String[]::new));
    }
    Dataset<Row> ranks =
        LongTable.sortByKey(
            CompetitionRanking.apply(
                forRanking, m.root().code(), m.ranking(), opts.partitionColumns(), key),
            key);
    return new IndexResult(
        LongTable.sortByKey(raw, key),
        LongTable.sortByKey(denominated, key),
        imputed,
        imputedCells,
        treated,
        treatment,
        normalised,
        aggregated,
        ranks);
  }

  private static Dataset<Row> cells(Dataset<Row> longTable, List<String> key, Column... values) {
    List<Column> out = new ArrayList<>(key.stream().map(functions::col).toList());
    out.add(col(LongTable.NODE));
    out.addAll(List.of(values));
    List<String> order = new ArrayList<>(key);
    order.add(LongTable.NODE);
    return LongTable.sortByKey(longTable.select(out.toArray(Column[]::new)), order);
  }

  /** Id, partitions, then the carried columns (requested ones and those the methodology needs). */
  static List<String> keyColumns(Methodology m, IndexOptions opts, Set<String> available) {
    Set<String> key = new LinkedHashSet<>(opts.keyColumns());
    key.addAll(opts.carryColumns());
    key.addAll(m.missingData().groupBy());
    for (IndicatorNode a : m.aggregates()) {
      if (a.weightsBy() != null) {
        key.add(a.weightsBy());
      }
    }
    m.ranking().groups().forEach(g -> key.addAll(g.by()));
    for (String k : key) {
      if (!available.contains(k)) {
        throw new IllegalArgumentException(
            "the data has no column '"
                + k
                + "' (needed as "
                + role(k, m, opts)
                + " by "
                + m.source()
                + "); columns are: "
                + String.join(", ", available));
      }
    }
    return List.copyOf(key);
  }

  private static String role(String k, Methodology m, IndexOptions opts) {
    if (k.equals(opts.idColumn())) {
      return "the id column";
    }
    if (opts.partitionColumns().contains(k)) {
      return "a partition column";
    }
    if (m.missingData().groupBy().contains(k)) {
      return "an imputation group";
    }
    if (m.ranking().groups().stream().anyMatch(g -> g.by().contains(k))) {
      return "a ranking group";
    }
    if (m.aggregates().stream().anyMatch(a -> k.equals(a.weightsBy()))) {
      return "the weights_by column";
    }
    return "a carried column";
  }

  private static void checkInputs(Methodology m, Set<String> available) {
    Set<String> needed = new LinkedHashSet<>();
    for (IndicatorNode leaf : m.leaves()) {
      if (leaf.formula() != null) {
        leaf.formula().references().stream().filter(m.inputs()::contains).forEach(needed::add);
      } else {
        needed.add(leaf.column());
      }
      if (leaf.denominator() != null && m.inputs().contains(leaf.denominator())) {
        needed.add(leaf.denominator());
      }
    }
    List<String> missing = needed.stream().filter(n -> !available.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the data lacks column(s) "
              + missing
              + " that "
              + m.source()
              + " reads; columns are: "
              + String.join(", ", available));
    }
  }

  private static Dataset<Row> exclude(Dataset<Row> wide, Methodology m, Set<String> available) {
    Dataset<Row> d = wide;
    for (RowFilter f : m.excludeRows()) {
      if (!available.contains(f.column())) {
        throw new IllegalArgumentException(
            m.source()
                + ": exclude_rows condition '"
                + f.text()
                + "' names column '"
                + f.column()
                + "', which the data does not have; columns are: "
                + String.join(", ", available));
      }
      Column c = f.numeric() ? col(f.column()).cast("double") : col(f.column()).cast("string");
      Object v = f.numeric() ? (Object) Double.parseDouble(f.value()) : f.value();
      Column match =
          switch (f.op()) {
            case "=" -> c.equalTo(v);
            case "!=" -> c.notEqual(v);
            case "<" -> c.lt(v);
            case "<=" -> c.leq(v);
            case ">" -> c.gt(v);
            default -> c.geq(v);
          };
      d = d.filter(functions.coalesce(match, lit(false)).unary_$bang());
    }
    return d;
  }

  private static void checkUnique(Dataset<Row> input, IndexOptions opts) {
    Column[] k = opts.keyColumns().stream().map(functions::col).toArray(Column[]::new);
    List<Row> dup = input.groupBy(k).count().filter(col("count").gt(1)).limit(5).collectAsList();
    if (!dup.isEmpty()) {
      throw new IllegalArgumentException(
          "the data has more than one row for "
              + opts.keyColumns()
              + " = "
              + dup.stream().map(r -> r.mkString("/")).collect(Collectors.joining(", ")));
    }
    if (!input.filter(col(opts.idColumn()).isNull()).limit(1).isEmpty()) {
      throw new IllegalArgumentException(
          "the data has rows with an empty id column '" + opts.idColumn() + "'");
    }
  }

  private static void checkWeightGroups(Dataset<Row> input, Methodology m, IndexOptions opts) {
    for (IndicatorNode a : m.aggregates()) {
      if (a.weightsBy() == null) {
        continue;
      }
      Set<String> groups = new java.util.TreeSet<>(a.children().get(0).weightsByGroup().keySet());
      Column c = col(a.weightsBy()).cast("string");
      List<Row> bad =
          input
              .filter(c.isNull().or(c.isin(groups.toArray()).unary_$bang()))
              .select(col(opts.idColumn()), c)
              .limit(5)
              .collectAsList();
      if (!bad.isEmpty()) {
        Row r = bad.get(0);
        throw new IllegalArgumentException(
            "unit '"
                + r.get(0)
                + "' has "
                + a.weightsBy()
                + " '"
                + r.get(1)
                + "', but aggregate '"
                + a.code()
                + "' ("
                + m.source()
                + " line "
                + a.line()
                + ") has weight sets only for "
                + groups
                + (bad.size() > 1 ? " (" + bad.size() + "+ such units)" : ""));
      }
    }
  }
}
