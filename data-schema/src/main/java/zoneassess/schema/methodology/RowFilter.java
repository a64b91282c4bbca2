package zoneassess.schema.methodology;

/**
 * A condition {@code column op value} that removes rows from the input before anything is computed
 * (e.g. {@code is_aggregate = 1} drops regional aggregates from a country table).
 *
 * @param column the input column
 * @param op one of = != < <= > >=
 * @param value the literal as written (quotes removed)
 * @param numeric whether the literal is a number
 * @param text the condition as written, for messages
 */
public record RowFilter(String column, String op, String value, boolean numeric, String text) {}
