package dev.darkfactory.testkit;

import java.util.Optional;

/**
 * Which requests a scripted reply answers: by path (substring) and optionally by request content (substring of the
 * raw body). An empty match answers any request.
 */
public record Match(Optional<String> path, Optional<String> bodyContains) {

  public static Match any() {
    return new Match(Optional.empty(), Optional.empty());
  }

  public static Match path(String pathPart) {
    return new Match(Optional.of(pathPart), Optional.empty());
  }

  public Match bodyContains(String text) {
    return new Match(path, Optional.of(text));
  }

  public boolean matches(String requestPath, String body) {
    return path.map(requestPath::contains).orElse(true) && bodyContains.map(body::contains).orElse(true);
  }
}
