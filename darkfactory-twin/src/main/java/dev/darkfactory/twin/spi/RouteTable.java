package dev.darkfactory.twin.spi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A twin's routes. Patterns are literal segments and {@code {name}} parameters; a literal segment wins over a
 * parameter at the same place ({@code /v1/customers/search} before {@code /v1/customers/{id}}).
 */
public final class RouteTable<S> {

  private final List<Route<S>> routes;
  private final Map<String, List<Compiled<S>>> byMethod = new HashMap<>();

  /** A route with its pattern split once, not per request. */
  private record Compiled<S>(Route<S> route, List<String> segments, int parameters) {}

  private RouteTable(List<Route<S>> routes) {
    this.routes = List.copyOf(routes);
    for (Route<S> route : routes) {
      List<String> segments = split(route.pattern());
      int parameters = (int) segments.stream().filter(s -> s.startsWith("{")).count();
      byMethod.computeIfAbsent(route.method(), k -> new ArrayList<>()).add(new Compiled<>(route, segments, parameters));
    }
    byMethod.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.parameters(), b.parameters())));
  }

  public static <S> Builder<S> newBuilder() {
    return new Builder<>();
  }

  public List<Route<S>> routes() {
    return routes;
  }

  public Optional<RouteMatch<S>> match(String method, String path) {
    List<Compiled<S>> candidates = byMethod.get(method.toUpperCase(Locale.ROOT));
    if (candidates == null) {
      return Optional.empty();
    }
    List<String> segments = split(path);
    for (Compiled<S> candidate : candidates) {
      Map<String, String> params = bind(candidate.segments(), segments);
      if (params != null) {
        return Optional.of(new RouteMatch<>(candidate.route(), params));
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> bind(List<String> pattern, List<String> segments) {
    if (pattern.size() != segments.size()) {
      return null;
    }
    Map<String, String> params = null;
    for (int i = 0; i < pattern.size(); i++) {
      String expected = pattern.get(i);
      if (expected.startsWith("{") && expected.endsWith("}")) {
        if (segments.get(i).isEmpty()) {
          return null;
        }
        if (params == null) {
          params = new HashMap<>();
        }
        params.put(expected.substring(1, expected.length() - 1), segments.get(i));
      } else if (!expected.equals(segments.get(i))) {
        return null;
      }
    }
    return params == null ? Map.of() : params;
  }

  static List<String> split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    if (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
  }

  /** Collects routes in the order they are declared. */
  public static final class Builder<S> {
    private final List<Route<S>> routes = new ArrayList<>();

    private Builder() {}

    public Builder<S> route(String method, String pattern, RouteHandler<S> handler) {
      routes.add(new Route<>(method.toUpperCase(Locale.ROOT), pattern, handler));
      return this;
    }

    public Builder<S> get(String pattern, RouteHandler<S> handler) {
      return route("GET", pattern, handler);
    }

    public Builder<S> post(String pattern, RouteHandler<S> handler) {
      return route("POST", pattern, handler);
    }

    public Builder<S> put(String pattern, RouteHandler<S> handler) {
      return route("PUT", pattern, handler);
    }

    public Builder<S> patch(String pattern, RouteHandler<S> handler) {
      return route("PATCH", pattern, handler);
    }

    public Builder<S> delete(String pattern, RouteHandler<S> handler) {
      return route("DELETE", pattern, handler);
    }

    public RouteTable<S> build() {
      return new RouteTable<>(routes);
    }
  }
}
