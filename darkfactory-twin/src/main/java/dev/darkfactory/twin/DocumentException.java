package dev.darkfactory.twin;

/**
 * A fault-rule, seed or control-plane document that does not parse or does not fit its schema, with the
 * position of the problem ({@code rules.yaml:4:13: expected ...}). Line and column are 1-based; 0 means the
 * position is unknown (for example a file that cannot be read).
 */
public final class DocumentException extends TwinException {

  private final String source;
  private final int line;
  private final int column;
  private final String problem;

  public DocumentException(String source, int line, int column, String problem, Throwable cause) {
    super(location(source, line, column) + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public DocumentException(String source, int line, int column, String problem) {
    this(source, line, column, problem, null);
  }

  private static String location(String source, int line, int column) {
    if (line <= 0) {
      return source;
    }
    return column <= 0 ? source + ":" + line : source + ":" + line + ":" + column;
  }

  public String source() {
    return source;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without its location. */
  public String problem() {
    return problem;
  }
}
