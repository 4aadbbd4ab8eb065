package dev.darkfactory.cli.render;

import dev.darkfactory.cli.Terminal;
import dev.darkfactory.pipeline.problem.Diagnostic;
import dev.darkfactory.pipeline.problem.DiagnosticSummary;
import dev.darkfactory.pipeline.problem.Severity;
import dev.darkfactory.pipeline.source.SourceText;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints diagnostics the way compilers do: {@code file:line:column: severity[rule]: message}, the
 * source line with a caret, and the suggested fix; then a line per rule whose repeats were not
 * listed ({@link DiagnosticSummary}), and a one-line summary with the full counts.
 */
public final class DiagnosticPrinter {
  private final PrintWriter out;
  private final Style style;

  public DiagnosticPrinter(PrintWriter out, Terminal terminal) {
    this.out = out;
    this.style = new Style(terminal.colour());
  }

  public void print(SourceText source, DiagnosticSummary summary) {
    for (Diagnostic diagnostic : summary.shown()) {
      String where = diagnostic.position().isKnown() ? diagnostic.position().toString() : source.name();
      out.println(style.bold(where + ":") + " " + severity(diagnostic.severity()) + style.dim("[" + diagnostic.rule() + "]")
          + ": " + diagnostic.message());
      if (diagnostic.position().isKnown()) {
        out.println(style.dim(source.excerpt(diagnostic.position())));
      }
      diagnostic.fix().ifPresent(fix -> out.println("   " + style.cyan("fix:") + " " + fix));
      out.println();
    }
    for (DiagnosticSummary.Omitted omitted : summary.omitted()) {
      out.println(style.bold(source.name() + ":") + " " + severity(omitted.severity()) + style.dim("[" + omitted.rule() + "]") + ": "
          + omitted.message());
    }
    if (!summary.omitted().isEmpty()) {
      out.println("   " + style.cyan("note:") + " " + String.format(Locale.ROOT, "%,d of %,d", summary.shown().size(), summary.total())
          + " findings listed; --all lists every one");
      out.println();
    }
    out.println(summary(source.name(), summary));
    out.flush();
  }

  private String summary(String file, DiagnosticSummary summary) {
    long errors = summary.count(Severity.ERROR);
    long warnings = summary.count(Severity.WARNING);
    long infos = summary.count(Severity.INFO);
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

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
