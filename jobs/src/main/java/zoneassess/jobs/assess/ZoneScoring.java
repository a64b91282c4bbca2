package zoneassess.jobs.assess;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Scores zones with a methodology: the composite-index engine behind the assessment. The lead wires
 * the engine in (an adapter over {@code CompositeIndexEngine}); tests use a small stand-in.
 *
 * <p>Contract: the result has one {@code indexScores} row per row of {@code zoneFacts} (zone and
 * period), and the engine is a pure transform (no I/O besides reading the methodology file).
 */
@FunctionalInterface
public interface ZoneScoring {
  /**
   * @param zoneFacts the wide table of {@link ZoneFacts}: one row per zone and period, one column
   *     per catalogue indicator code and per project fact, plus the zone attributes
   * @param methodologyLocation the methodology file ({@code classpath:…} or a path)
   */
  ScoredZones score(Dataset<Row> zoneFacts, String methodologyLocation);
}
