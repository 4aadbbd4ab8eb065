package dev.darkfactory.cli;

/**
 * What the process is attached to: whether standard output is an interactive terminal and whether
 * colour is wanted. Detected once in {@link Main}; tests pass {@link #none()}.
 */
public record Terminal(boolean interactive, boolean colour) {

  /** No terminal and no colour: output for files, pipes and tests. */
  public static Terminal none() {
    return new Terminal(false, false);
  }

  /** A terminal when the JVM has a console; colour unless {@code NO_COLOR} is set or {@code TERM=dumb}. */
  public static Terminal detect() {
    boolean interactive = isTerminal(System.console());
    String noColor = System.getenv("NO_COLOR");
    boolean colour = interactive && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    return new Terminal(interactive, colour);
  }

  /**
   * From JDK 22 {@code System.console()} is non-null even when output is redirected, and {@code
   * Console.isTerminal()} tells the difference; on 21 a non-null console means a terminal. We
   * compile for 21 and usually run on newer JDKs, hence the reflective call.
   */
  private static boolean isTerminal(java.io.Console console) {
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException olderJdk) {
      return true;
    }
  }
}
