package dev.darkfactory.twin.runtime;

import java.util.Optional;

/**
 * A request's outcome with what the journal needs: the namespace id ({@code ""} when refused), the route that
 * served it, the fault rules that fired, and what went wrong inside the twin. {@code journaled} is false for
 * control-plane calls.
 */
record Handled(Reply reply, String namespace, String route, Optional<String> faults, Optional<String> error, boolean journaled) {

  static Handled control(Reply reply) {
    return new Handled(reply, "", "", Optional.empty(), Optional.empty(), false);
  }
}
