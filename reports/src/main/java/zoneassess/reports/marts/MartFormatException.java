package zoneassess.reports.marts;

/** A mart that exists but does not have the shape the packs expect (column, type, value). */
public final class MartFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MartFormatException(String message) {
    super(message);
  }

  public MartFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
