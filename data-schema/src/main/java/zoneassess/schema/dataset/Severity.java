package zoneassess.schema.dataset;

/** How a broken rule is handled. */
public enum Severity {
  /** The file cannot be used at all (unreadable, a required column missing): the run stops. */
  FATAL,
  /** The row is moved to the rejects area with its reason and counted. */
  REJECT,
  /** The row is accepted; the finding is listed in the validation report. */
  WARN
}
