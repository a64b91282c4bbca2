package zoneassess.jobs.history;

/**
 * A rerun or as-of run cannot reproduce what it was asked to: an input snapshot is missing or its
 * content changed, or a configuration file no longer has the recorded content. The message names
 * the file and both hashes.
 */
public final class RerunRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RerunRefused(String message) {
    super(message);
  }
}
