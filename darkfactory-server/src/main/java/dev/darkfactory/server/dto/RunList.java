package dev.darkfactory.server.dto;

import java.util.List;

/** {@code GET /pipelines}: runs, newest first. */
public record RunList(List<RunSummary> runs) {
  public RunList {
    runs = List.copyOf(runs);
  }
}
