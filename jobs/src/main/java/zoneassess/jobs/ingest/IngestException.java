package zoneassess.jobs.ingest;

/**
 * A problem that makes an input unusable as a whole (an unreadable file, a missing required column,
 * a count that does not reconcile). The run stops; the message names the file and, where there is
 * one, the column.
 */
public final class IngestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IngestException(String message) {
    super(message);
  }

  public IngestException(String message, Throwable cause) {
    super(message, cause);
  }
}
