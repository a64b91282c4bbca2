package zoneassess.schema.yaml;

/**
 * A problem in a specification file (methodology, scheme, catalogue, profile), located at file,
 * line and column so a statistician can open the file and fix it. The message reads {@code
 * file:line:column: problem}.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public SpecException(String file, int line, int column, String problem) {
    super(file + ":" + line + ":" + column + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  /** 1-based line. */
  public int line() {
    return line;
  }

  /** 1-based column. */
  public int column() {
    return column;
  }

  public String problem() {
    return problem;
  }
}
