package dev.darkfactory.server.dto;

import java.util.List;

/** {@code GET /api/info}: what this server can do, for the UI. */
public record ServerInfo(String version, boolean graphviz, List<String> backends, String index, boolean authRequired) {
  public ServerInfo {
    backends = List.copyOf(backends);
  }
}
