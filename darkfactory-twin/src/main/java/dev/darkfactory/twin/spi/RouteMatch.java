package dev.darkfactory.twin.spi;

import java.util.Map;

/** A route that matched a request, with the values of its path parameters. */
public record RouteMatch<S>(Route<S> route, Map<String, String> params) {

  public RouteMatch {
    params = Map.copyOf(params);
  }
}
