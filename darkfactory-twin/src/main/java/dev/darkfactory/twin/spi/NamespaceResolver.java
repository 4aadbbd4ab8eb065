package dev.darkfactory.twin.spi;

import dev.darkfactory.twin.Namespace;
import java.util.Objects;

/**
 * Maps a request to its namespace by credential, as the vendor authenticates (API key, bearer token, basic-auth
 * user), or refuses it with the vendor's 401.
 */
@FunctionalInterface
public interface NamespaceResolver {

  Resolution resolve(TwinRequest request);

  /** The outcome: a namespace, or the vendor's refusal. */
  sealed interface Resolution {
    record Resolved(Namespace namespace) implements Resolution {
      public Resolved {
        Objects.requireNonNull(namespace, "namespace");
      }
    }

    record Refused(TwinResponse response) implements Resolution {
      public Refused {
        Objects.requireNonNull(response, "response");
      }
    }
  }

  static Resolution resolved(Namespace namespace) {
    return new Resolution.Resolved(namespace);
  }

  static Resolution refused(TwinResponse response) {
    return new Resolution.Refused(response);
  }
}
