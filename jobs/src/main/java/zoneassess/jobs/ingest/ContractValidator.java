package zoneassess.jobs.ingest;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import zoneassess.schema.dataset.ColumnSpec;
import zoneassess.schema.dataset.DatasetContract;
import zoneassess.schema.dataset.ForeignKey;
import zoneassess.schema.dataset.RowRule;
import zoneassess.schema.dataset.Severity;

/**
 * Validates canonical rows against their contract: a pure transform. The result has the typed
 * canonical columns, {@code _failures} (every broken REJECT rule, in the declared order: what the
 * reader could not read (field count, quoting, formula and error cells), required, type, pattern /
 * accepted values, range, plausible year, credit code, unit, row rules, duplicate key, reference),
 * {@code _warnings} (broken WARN rules) and {@code _rejected}.
 */
public final class ContractValidator {
  public static final String FAILURES = "_failures";
  public static final String WARNINGS = "_warnings";
  public static final String REJECTED = "_rejected";

  private ContractValidator() {}

  /**
   * @param canonical rows from {@link CanonicalRows} (one or several files)
   * @param accepted accepted rows of the datasets validated before, by name; a reference to a
   *     dataset missing from this map is not checked (the caller notes it)
   */
  public static Dataset<Row> validate(
      Dataset<Row> canonical, DatasetContract contract, Map<String, Dataset<Row>> accepted) {
    return withFailures(keyFailures(rowChecked(canonical, contract), contract, accepted));
  }

  /** {@link #FAILURES} (row failures, then key failures) and {@link #REJECTED} from the two. */
  static Dataset<Row> withFailures(Dataset<Row> keyChecked) {
    return keyChecked
        .withColumn(FAILURES, concat(col(ROW_FAILURES), col(KEY_FAILURES)))
        .withColumn(REJECTED, size(col(FAILURES)).gt(0))
        .drop(ROW_FAILURES, KEY_FAILURES);
  }

  /** The failures of the checks that look at one row alone, in the declared order. */
  static final String ROW_FAILURES = "_f";

  /** The failures of the checks that look beyond the row: duplicate key, then references. */
  static final String KEY_FAILURES = "_key_failures";

  /**
   * The checks that look at one row alone: the typed canonical columns (unit extras included),
   * {@link #ROW_FAILURES}, {@link #WARNINGS}, and the lineage and original columns. A pure per-row
   * transform (no shuffle).
   */
  static Dataset<Row> rowChecked(Dataset<Row> canonical, DatasetContract contract) {
    List<Column> select = new ArrayList<>();
    select.add(col(CanonicalRows.SOURCE_FILE));
    select.add(col(CanonicalRows.SOURCE_ROW));
    select.add(col(CanonicalRows.ORIGINAL));
    select.add(col(CanonicalRows.READ_FAILURES));
    select.add(col(CanonicalRows.READ_WARNINGS));
    for (ColumnSpec c : contract.columns()) {
      Column raw = col("`" + c.name() + "`");
      select.add(raw.as(ColumnChecks.raw(c.name())));
      select.add(ColumnChecks.typed(c, raw).as(c.name()));
    }
    Dataset<Row> w = canonical.select(select.toArray(Column[]::new));

    List<Column> checks = new ArrayList<>();
    contract.columns().forEach(c -> checks.add(ColumnChecks.required(c)));
    contract.columns().forEach(c -> checks.add(ColumnChecks.type(c)));
    for (ColumnSpec c : contract.columns()) {
      checks.add(ColumnChecks.pattern(c));
      checks.add(ColumnChecks.accepted(c));
    }
    contract.columns().forEach(c -> checks.add(ColumnChecks.range(c)));
    contract
        .plausibleYears()
        .ifPresent(
            y ->
                y.columns()
                    .forEach(
                        c -> checks.add(ColumnChecks.plausibleYear(contract.column(c).get(), y))));
    contract.columns().forEach(c -> checks.add(ColumnChecks.creditCode(c)));
    UnitConformance.Conformed conformed = UnitConformance.apply(contract.name(), w);
    w = conformed.rows();
    checks.addAll(conformed.failures());
    List<Column> warnings = new ArrayList<>();
    for (RowRule r : contract.rules()) {
      (r.severity() == Severity.WARN ? warnings : checks).add(rowRule(r));
    }
    checks.removeIf(java.util.Objects::isNull);
    w =
        w.withColumn(ROW_FAILURES, concat(col(CanonicalRows.READ_FAILURES), Failure.list(checks)))
            .withColumn(WARNINGS, concat(col(CanonicalRows.READ_WARNINGS), Failure.list(warnings)));
    for (String c : w.columns()) {
      if (c.startsWith("_u_")) {
        w = w.drop(c);
      }
    }
    return w.drop(CanonicalRows.READ_FAILURES, CanonicalRows.READ_WARNINGS);
  }

  /** True when {@link #keyFailures} can find anything: a key or a checked reference. */
  static boolean hasKeyChecks(DatasetContract contract, Map<String, Dataset<Row>> accepted) {
    return !contract.key().isEmpty()
        || contract.references().stream().anyMatch(fk -> accepted.containsKey(fk.targetDataset()));
  }

  /**
   * Adds {@link #KEY_FAILURES} to {@code rowChecked} rows: a duplicate key (among rows without row
   * failures), then every reference of the contract to a dataset in {@code accepted} (a missing one
   * is not checked; the caller notes it).
   */
  static Dataset<Row> keyFailures(
      Dataset<Row> rowChecked, DatasetContract contract, Map<String, Dataset<Row>> accepted) {
    Dataset<Row> w = KeyChecks.duplicates(rowChecked, contract, ROW_FAILURES, "_dup");
    List<Column> later = new ArrayList<>(List.of(col("_dup")));
    List<String> drop = new ArrayList<>(List.of("_dup"));
    int i = 0;
    for (ForeignKey fk : contract.references()) {
      Dataset<Row> target = accepted.get(fk.targetDataset());
      if (target == null) {
        continue;
      }
      String out = "_ref" + i++;
      w = KeyChecks.reference(w, fk, target, out);
      later.add(col(out));
      drop.add(out);
    }
    return w.withColumn(KEY_FAILURES, Failure.list(later)).drop(drop.toArray(String[]::new));
  }

  private static Column rowRule(RowRule r) {
    List<Column> shown = new ArrayList<>();
    shown.add(lit(r.reason() + " ("));
    for (int i = 0; i < r.columns().size(); i++) {
      String c = r.columns().get(i);
      shown.add(lit((i == 0 ? "" : ", ") + c + "="));
      shown.add(coalesce(ColumnChecks.typedCol(c).cast(DataTypes.StringType), lit("blank")));
    }
    shown.add(lit(")"));
    String first = r.columns().isEmpty() ? "" : r.columns().get(0);
    Column value =
        first.isEmpty() ? lit(null) : ColumnChecks.typedCol(first).cast(DataTypes.StringType);
    return Failure.when(
        coalesce(not(expr(r.condition())), lit(false)),
        r.id(),
        first,
        concat(shown.toArray(Column[]::new)),
        value);
  }
}
