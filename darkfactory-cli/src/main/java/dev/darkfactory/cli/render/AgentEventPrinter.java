package dev.darkfactory.cli.render;

import dev.darkfactory.agent.AgentEvent;
import dev.darkfactory.agent.AgentEventJson;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Renders a session's events in the terminal: the assistant's text as it streams, each tool call
 * with its arguments and a one-line result, warnings and errors on the error stream. Subagent
 * events are shown with the subagent's id. In JSON mode every event is one NDJSON line instead.
 */
public final class AgentEventPrinter implements Consumer<AgentEvent> {
  private static final int ARGUMENT_WIDTH = 120;
  private static final int RESULT_WIDTH = 160;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean json;
  private final boolean colour;
  private boolean midLine;

  public AgentEventPrinter(PrintWriter out, PrintWriter err, boolean json, boolean colour) {
    this.out = out;
    this.err = err;
    this.json = json;
    this.colour = colour;
  }

  @Override
  public synchronized void accept(AgentEvent event) {
    if (json) {
      out.println(AgentEventJson.toLine(event));
      out.flush();
      return;
    }
    render(event, "");
    out.flush();
    err.flush();
  }

  private void render(AgentEvent event, String prefix) {
    switch (event) {
      case AgentEvent.AssistantTextDelta e -> {
        if (prefix.isEmpty()) {
          out.print(e.delta());
          midLine = !e.delta().endsWith("\n");
        }
      }
      case AgentEvent.AssistantTextEnd e -> {
        if (!prefix.isEmpty() && !e.text().isBlank()) {
          line(prefix + style("2", shorten(e.text(), RESULT_WIDTH)));
        }
        endLine();
      }
      case AgentEvent.ToolCallStart e ->
          line(prefix + style("36", "→ " + e.toolName()) + " " + shorten(arguments(e), ARGUMENT_WIDTH));
      case AgentEvent.ToolCallEnd e -> line(prefix + "  " + (e.isError()
          ? style("31", "✗ " + shorten(e.output(), RESULT_WIDTH))
          : style("2", "✓ " + summary(e.output()))));
      case AgentEvent.SteeringInjected e -> line(prefix + style("33", "» steering: ") + shorten(e.content(), RESULT_WIDTH));
      case AgentEvent.TurnLimit e -> problem(prefix + "limit reached: " + e.limit().name().toLowerCase(java.util.Locale.ROOT) + " (" + e.count() + ")");
      case AgentEvent.LoopDetection e -> problem(prefix + "warning: " + e.message());
      case AgentEvent.Warning e -> problem(prefix + "warning: " + e.message());
      case AgentEvent.Error e -> problem(prefix + "error: " + e.message());
      case AgentEvent.SubagentEvent e -> render(e.event(), prefix + "[" + e.agentId() + "] ");
      case AgentEvent.SessionStart e -> { }
      case AgentEvent.SessionEnd e -> { }
      case AgentEvent.UserInput e -> {
        if (!prefix.isEmpty()) {
          line(prefix + style("2", "task: " + shorten(e.content(), RESULT_WIDTH)));
        }
      }
      case AgentEvent.ProcessingEnd e -> { }
      case AgentEvent.AssistantTextStart e -> { }
      case AgentEvent.ToolCallOutputDelta e -> { }
    }
  }

  /** The shell's command, or the arguments as compact JSON. */
  private static String arguments(AgentEvent.ToolCallStart start) {
    if (start.arguments().has("command")) {
      return start.arguments().path("command").asString();
    }
    return start.arguments().toString();
  }

  /** First line and the number of lines. */
  private static String summary(String output) {
    String[] lines = output.strip().split("\n");
    String first = shorten(lines[0], RESULT_WIDTH);
    return lines.length > 1 ? first + " (" + lines.length + " lines)" : first;
  }

  private static String shorten(String text, int width) {
    String flat = text.strip().replace('\n', ' ');
    return flat.length() <= width ? flat : flat.substring(0, width - 1) + "…";
  }

  private void line(String text) {
    endLine();
    out.println(text);
  }

  private void problem(String text) {
    endLine();
    err.println(colour ? "\u001b[33m" + text + "\u001b[0m" : text);
  }

  private void endLine() {
    if (midLine) {
      out.println();
      midLine = false;
    }
  }

  private String style(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
