package dev.darkfactory.twin.runtime;

import dev.darkfactory.twin.spi.TwinResponse;
import java.time.Duration;

/** What the front end does with a connection: answer, or one of the transport faults. */
sealed interface Reply {

  record Respond(TwinResponse response) implements Reply {}

  /** TCP reset (SO_LINGER 0, then close). */
  record Reset() implements Reply {}

  /** The response's status, headers and full Content-Length, the first {@code bytes} of its body, then close. */
  record Truncate(TwinResponse response, int bytes) implements Reply {}

  /** Hold the request without answering for at most {@code max}, then reset. */
  record Hang(Duration max) implements Reply {}
}
