package dev.darkfactory.agent.tool;

/** The body of a custom tool: arguments and context in, text for the model out (§3.8). */
@FunctionalInterface
public interface ToolExecutor {
  String execute(ToolArguments arguments, ToolContext context) throws Exception;
}
