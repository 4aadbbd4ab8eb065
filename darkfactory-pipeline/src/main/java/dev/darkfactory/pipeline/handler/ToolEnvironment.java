package dev.darkfactory.pipeline.handler;

import dev.darkfactory.pipeline.state.ContextValues;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment of a tool command. Context values reach the command only this way, never
 * spliced into its text, so a value cannot inject shell syntax (peer lessons: shell injection).
 *
 * <ul>
 *   <li>{@code FACTORY_CONTEXT_<KEY>} for every context value: the key upper-cased with every
 *       character other than A-Z and 0-9 replaced by {@code _} ({@code graph.goal} becomes {@code
 *       FACTORY_CONTEXT_GRAPH_GOAL}); lists and maps as JSON. When two keys map to the same name,
 *       the key that sorts last wins. Values over 100,000 characters are cut there (Linux refuses
 *       longer environment strings).
 *   <li>{@code FACTORY_RUN_ID}, {@code FACTORY_NODE_ID}, {@code FACTORY_LOGS_ROOT}, {@code
 *       FACTORY_STAGE_DIR}.
 * </ul>
 *
 * Inherited variables starting with {@code FACTORY_CONTEXT_} are removed first, so a nested run
 * cannot see its parent's context by accident.
 */
public final class ToolEnvironment {
  public static final String PREFIX = "FACTORY_CONTEXT_";
  static final int MAX_VALUE_CHARS = 100_000;

  private ToolEnvironment() {}

  public static Map<String, String> of(Map<String, Object> context, String runId, String nodeId, Path logsRoot, Path stageDir) {
    Map<String, String> env = new TreeMap<>();
    new TreeMap<>(context).forEach((key, value) -> {
      String text = ContextValues.text(value).replace("\u0000", "");
      env.put(variableName(key), text.length() > MAX_VALUE_CHARS ? text.substring(0, MAX_VALUE_CHARS) : text);
    });
    env.put("FACTORY_RUN_ID", runId);
    env.put("FACTORY_NODE_ID", nodeId);
    env.put("FACTORY_LOGS_ROOT", logsRoot.toString());
    env.put("FACTORY_STAGE_DIR", stageDir.toString());
    return env;
  }

  /** {@code FACTORY_CONTEXT_} plus the key upper-cased, non-alphanumerics as underscores. */
  public static String variableName(String key) {
    return PREFIX + key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
