package dev.darkfactory.agent.tool;

import dev.darkfactory.llm.ToolDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tools a profile offers (coding-agent-loop-spec §3.8). Registering a name that exists
 * replaces the tool: custom tools override profile tools, latest wins (§3.7). Safe for concurrent
 * use; listings are snapshots in registration order.
 */
public final class ToolRegistry {
  private final Map<String, Tool> tools = new LinkedHashMap<>();

  public static ToolRegistry of(List<Tool> tools) {
    ToolRegistry registry = new ToolRegistry();
    tools.forEach(registry::register);
    return registry;
  }

  /** Adds a tool, replacing any tool of the same name in its place. */
  public synchronized void register(Tool tool) {
    tools.put(tool.name(), tool);
  }

  public synchronized void unregister(String name) {
    tools.remove(name);
  }

  public synchronized Optional<Tool> get(String name) {
    return Optional.ofNullable(tools.get(name));
  }

  public synchronized List<ToolDefinition> definitions() {
    return tools.values().stream().map(Tool::definition).toList();
  }

  public synchronized List<String> names() {
    return List.copyOf(tools.keySet());
  }

  /** An independent copy, so a subagent or a second session can extend it without affecting this one. */
  public synchronized ToolRegistry copy() {
    return ToolRegistry.of(List.copyOf(tools.values()));
  }
}
