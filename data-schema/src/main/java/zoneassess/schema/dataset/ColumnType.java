package zoneassess.schema.dataset;

/**
 * Logical column types of the canonical (staged) datasets. Each maps to one Spark and one Parquet
 * type.
 */
public enum ColumnType {
  STRING,
  INTEGER,
  LONG,
  DOUBLE,
  BOOLEAN,
  /** ISO-8601 calendar date (yyyy-MM-dd); readers also accept yyyy/MM/dd and yyyyMMdd. */
  DATE
}
