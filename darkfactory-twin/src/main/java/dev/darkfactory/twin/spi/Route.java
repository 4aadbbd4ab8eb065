package dev.darkfactory.twin.spi;

import java.util.Objects;

/** A method, a path pattern ({@code /v1/customers/{id}}) and its handler. */
public record Route<S>(String method, String pattern, RouteHandler<S> handler) {

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(handler, "handler");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("A route pattern starts with '/': " + pattern);
    }
  }

  /** {@code "GET /v1/customers/{id}"}. */
  public String describe() {
    return method + " " + pattern;
  }
}
