package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.spi.TwinResponse;
import java.util.Optional;

/** A backend's answer: the response, the route pattern that produced it ({@code ""} if none), an internal error. */
record Served(TwinResponse response, String route, Optional<String> error) {

  static Served of(TwinResponse response, String route) {
    return new Served(response, route, Optional.empty());
  }
}
