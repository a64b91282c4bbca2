package zoneassess.jobs.sample;

/**
 * A deliberately bad row (or group of rows) in the sample input, so a default run shows rejections
 * working.
 *
 * @param dataset dataset the rows belong to
 * @param rule the rule that should reject them (or {@code valid_untrusted_text} for valid rows that
 *     carry formula-looking text)
 * @param rows exact number of rows involved
 * @param where how to find them (key values)
 */
public record PlantedDefect(String dataset, String rule, int rows, String where) {}
