package dev.darkfactory.twin.fault;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** What a rule applies to: HTTP requests to a route pattern, or webhooks of an event type. */
public sealed interface Target {

  /** Requests with the method (any when empty) and a path matching the glob. */
  record Route(Optional<String> method, Glob path) implements Target {
    public Route {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(path, "path");
      method = method.map(m -> m.toUpperCase(Locale.ROOT));
    }

    public boolean matches(String requestMethod, String requestPath) {
      return method.map(m -> m.equals(requestMethod)).orElse(true) && path.matches(requestPath);
    }

    @Override
    public String toString() {
      return method.map(m -> m + " ").orElse("") + path;
    }
  }

  /** Webhook deliveries whose event type matches the glob ({@code charge.*}). */
  record Webhook(Glob eventType) implements Target {
    public Webhook {
      Objects.requireNonNull(eventType, "eventType");
    }

    @Override
    public String toString() {
      return eventType.toString();
    }
  }

  /** {@code "POST /v1/charges/*"}, or a path alone for any method. */
  static Route route(String spec) {
    String trimmed = spec.trim();
    int space = trimmed.indexOf(' ');
    if (space < 0) {
      return new Route(Optional.empty(), Glob.path(trimmed));
    }
    String method = trimmed.substring(0, space);
    return new Route(method.equals("*") ? Optional.empty() : Optional.of(method), Glob.path(trimmed.substring(space + 1).trim()));
  }

  static Webhook webhook(String eventType) {
    return new Webhook(Glob.eventType(eventType.trim()));
  }
}
