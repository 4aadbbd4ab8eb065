package dev.darkfactory.pipeline.backend.agent;

import tools.jackson.databind.JsonNode;

/** One line saying what a tool call does, for live progress: {@code shell: make test}, {@code edit_file src/A.java}. */
final class ToolCallSummary {
  private static final int MAX = 100;

  private ToolCallSummary() {}

  static String of(String tool, JsonNode arguments) {
    String detail = first(arguments, "command", "file_path", "path", "pattern", "task", "patch");
    if (detail.isEmpty()) {
      return tool;
    }
    String oneLine = detail.strip().lines().findFirst().orElse("");
    if (oneLine.length() > MAX) {
      oneLine = oneLine.substring(0, MAX - 3) + "...";
    }
    return tool + (tool.equals("shell") ? ": " : " ") + oneLine;
  }

  private static String first(JsonNode arguments, String... names) {
    for (String name : names) {
      JsonNode value = arguments.path(name);
      if (value.isString() && !value.asString().isBlank()) {
        return value.asString();
      }
    }
    return "";
  }
}
