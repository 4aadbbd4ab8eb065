package dev.darkfactory.server.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one palette of stage statuses, shared by the server-rendered SVG and the UI's stylesheet
 * ({@code ui/app.css} declares the same values as {@code --status-*}; a test keeps them equal).
 */
public final class StatusColors {
  /** Status to fill colour, in the order the UI's legend shows them. */
  public static final Map<String, String> FILLS;

  static {
    Map<String, String> fills = new LinkedHashMap<>();
    fills.put("pending", "#f8fafc");
    fills.put("running", "#bfdbfe");
    fills.put("waiting", "#fde68a");
    fills.put("retrying", "#fed7aa");
    fills.put("success", "#bbf7d0");
    fills.put("partial_success", "#d9f99d");
    fills.put("fail", "#fecaca");
    fills.put("skipped", "#e5e7eb");
    fills.put("stopped", "#e5e7eb");
    FILLS = java.util.Collections.unmodifiableMap(fills);
  }

  private StatusColors() {}

  public static String fill(String status) {
    return FILLS.getOrDefault(status, FILLS.get("pending"));
  }

  /** Node id to fill for every node the run has reached. */
  public static Map<String, String> fills(Map<String, String> nodeStatus) {
    Map<String, String> fills = new LinkedHashMap<>();
    nodeStatus.forEach((node, status) -> fills.put(node, fill(status)));
    return fills;
  }
}
