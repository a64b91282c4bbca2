package zoneassess.jobs.index;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every stage of a composite-index run. The wide tables share their key (id, partition columns,
 * carried columns) and have one column per indicator or node code.
 *
 * @param raw leaf indicators after derived-indicator formulas
 * @param denominated raw values divided by their denominators
 * @param imputed after imputation
 * @param imputedCells long table: key, {@code indicator}, {@code imputed_value} for each filled
 *     cell
 * @param treated after outlier treatment
 * @param treatment long table: key, {@code indicator}, {@code before}, {@code after}, {@code
 *     treatment} (winsorised_high, winsorised_low, log) for each changed cell
 * @param normalised normalised leaf scores
 * @param aggregated one column per aggregate node including the root, unrounded
 * @param ranks key, the root code (score rounded as the methodology says), {@code rank_<group>}
 */
public record IndexResult(
    Dataset<Row> raw,
    Dataset<Row> denominated,
    Dataset<Row> imputed,
    Dataset<Row> imputedCells,
    Dataset<Row> treated,
    Dataset<Row> treatment,
    Dataset<Row> normalised,
    Dataset<Row> aggregated,
    Dataset<Row> ranks) {

  /** Stage name → table, in pipeline order; the names are the output file names. */
  public Map<String, Dataset<Row>> stages() {
    Map<String, Dataset<Row>> m = new LinkedHashMap<>();
    m.put("raw", raw);
    m.put("denominated", denominated);
    m.put("imputed", imputed);
    m.put("imputed_cells", imputedCells);
    m.put("treated", treated);
    m.put("treatment", treatment);
    m.put("normalised", normalised);
    m.put("aggregated", aggregated);
    m.put("ranks", ranks);
    return m;
  }
}
