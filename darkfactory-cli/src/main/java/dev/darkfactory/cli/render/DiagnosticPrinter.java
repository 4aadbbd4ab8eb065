package dev.darkfactory.cli.render;

import dev.darkfactory.cli.Terminal;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.source.SourceText;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints diagnostics the way compilers do: {@code file:line:column: severity[rule]: message}, the
 * source line with a caret, and the suggested fix; then a one-line summary.
 */
public final class DiagnosticPrinter {
  private final PrintWriter out;
  private final Style style;

  public DiagnosticPrinter(PrintWriter out, Terminal terminal) {
    this.out = out;
    this.style = new Style(terminal.colour());
  }

  public void print(SourceText source, List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      String where = diagnostic.position().isKnown() ? diagnostic.position().toString() : source.name();
      out.println(style.bold(where + ":") + " " + severity(diagnostic.severity()) + style.dim("[" + diagnostic.rule() + "]")
          + ": " + diagnostic.message());
      if (diagnostic.position().isKnown()) {
        out.println(style.dim(source.excerpt(diagnostic.position())));
      }
      diagnostic.fix().ifPresent(fix -> out.println("   " + style.cyan("fix:") + " " + fix));
      out.println();
    }
    out.println(summary(source.name(), diagnostics));
    out.flush();
  }

  private String summary(String file, List<Diagnostic> diagnostics) {
    long errors = count(diagnostics, Severity.ERROR);
    long warnings = count(diagnostics, Severity.WARNING);
    long infos = count(diagnostics, Severity.INFO);
    if (errors > 0) {
      return style.red(file + ": invalid: " + plural(errors, "error") + ", " + plural(warnings, "warning"))
          + (infos > 0 ? ", " + plural(infos, "note") : "");
    }
    String detail = warnings == 0 && infos == 0 ? "no findings"
        : plural(warnings, "warning") + (infos > 0 ? ", " + plural(infos, "note") : "");
    return style.green(file + ": valid") + " (" + detail + ")";
  }

  private String severity(Severity severity) {
    return switch (severity) {
      case ERROR -> style.red("error");
      case WARNING -> style.yellow("warning");
      case INFO -> style.cyan("note");
    };
  }

  private static long count(List<Diagnostic> diagnostics, Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
