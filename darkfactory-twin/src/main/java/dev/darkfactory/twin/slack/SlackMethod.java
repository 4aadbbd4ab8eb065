package dev.darkfactory.twin.slack;

import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/** A Web API method: its name, rate-limit tier, the scopes that allow it (any one), and its handler. */
record SlackMethod(String name, Tier tier, List<String> scopes, Handler handler) {

  SlackMethod {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(tier, "tier");
    scopes = List.copyOf(scopes);
    Objects.requireNonNull(handler, "handler");
  }

  /** Serves the method: the body of a success (without {@code ok}), or throws {@link SlackError}. */
  @FunctionalInterface
  interface Handler {
    ObjectNode handle(SlackCall call);
  }
}
