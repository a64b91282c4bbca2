package zoneassess.jobs.assess;

import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The seam between the composite-index engine and the assessment: what the engine computed for
 * every zone and period of the {@link ZoneFacts} table it was given. The assessment applies the
 * rules (events, progress, ranks, tiers, consequences) on top and never recomputes these.
 *
 * @param methodologyId id of the methodology that produced the scores
 * @param methodologyVersion its version
 * @param indexScores {@code zone_code, period, index_score} (DOUBLE; null = could not be scored,
 *     the zone is then listed unranked)
 * @param dimensions {@code zone_code, period, dimension_code, dimension_name_zh, dimension_name_en,
 *     weight, score, sort_order}
 * @param indicators {@code zone_code, period, indicator_code, indicator_name_zh, unit,
 *     dimension_code, direction ("higher"/"lower"), raw_value, treated_value, normalised_value,
 *     imputed}
 */
public record ScoredZones(
    String methodologyId,
    String methodologyVersion,
    Dataset<Row> indexScores,
    Dataset<Row> dimensions,
    Dataset<Row> indicators) {
  public ScoredZones {
    Objects.requireNonNull(methodologyId);
    methodologyVersion = methodologyVersion == null ? "" : methodologyVersion;
    Objects.requireNonNull(indexScores);
    Objects.requireNonNull(dimensions);
    Objects.requireNonNull(indicators);
  }
}
