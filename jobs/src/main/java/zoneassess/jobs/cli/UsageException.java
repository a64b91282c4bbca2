package zoneassess.jobs.cli;

/** A command-line argument that is wrong: exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
