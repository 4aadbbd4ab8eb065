package dev.darkfactory.cli.doctor;

import dev.darkfactory.cli.CliContext;
import dev.darkfactory.cli.ExitCode;
import dev.darkfactory.cli.render.Json;
import dev.darkfactory.cli.render.Style;
import dev.darkfactory.llm.Environment;
import dev.darkfactory.pipeline.state.JsonValues;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;

/** {@code factory doctor}: checks the machine and the provider keys, and says what to fix. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = {
      "Check what runs need, and say what to fix.",
      "The JDK, git, Graphviz, bubblewrap, ripgrep, and each configured LLM provider",
      "(a one-token request to the model runs would use). Every problem comes with what to do about it.",
      "Exit status: 0 nothing blocks runs (warnings allowed), 1 something does."
    })
public final class DoctorCommand implements Callable<Integer> {
  private final CliContext context;
  private final Doctor doctor;

  @Option(names = "--no-probe", description = "Do not call the providers; only list the configured ones.")
  boolean noProbe;

  @Option(names = "--json", description = "Print [{\"subject\", \"status\", \"detail\", \"fix\"}] instead of text.")
  boolean json;

  public DoctorCommand(CliContext context) {
    this(context, Environment.system());
  }

  public DoctorCommand(CliContext context, Environment environment) {
    this(context, new Doctor(environment, Doctor.system().commands()));
  }

  DoctorCommand(CliContext context, Doctor doctor) {
    this.context = context;
    this.doctor = doctor;
  }

  @Override
  public Integer call() {
    List<Finding> findings = doctor.check(!noProbe);
    PrintWriter out = context.out();
    if (json) {
      ArrayNode array = JsonValues.array();
      findings.forEach(f -> array.addObject().put("subject", f.subject()).put("status", f.status().name().toLowerCase(Locale.ROOT))
          .put("detail", f.detail()).put("fix", f.fix()));
      out.println(Json.pretty(array));
    } else {
      Style style = new Style(context.terminal().colour());
      boolean unicode = context.terminal().interactive();
      for (Finding f : findings) {
        String mark = switch (f.status()) {
          case OK -> style.green(unicode ? "✓" : "ok  ");
          case WARN -> style.yellow(unicode ? "!" : "warn");
          case FAIL -> style.red(unicode ? "✗" : "FAIL");
        };
        out.println(mark + " " + String.format(Locale.ROOT, "%-11s", f.subject()) + f.detail());
        if (!f.fix().isEmpty()) {
          out.println("  " + " ".repeat(unicode ? 12 : 15) + style.dim("fix: " + f.fix()));
        }
      }
    }
    out.flush();
    return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAIL) ? ExitCode.FAILED : ExitCode.OK;
  }
}
