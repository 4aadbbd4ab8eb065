package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.Namespace;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which workspace a further token belongs to: seeds list a workspace's user tokens (by token or fingerprint), and
 * requests with them are served in that workspace's namespace, so a user's message reaches the app's bot. Every other
 * token is a workspace of its own. Keyed by the token's fingerprint (its namespace id); the last seed that names a
 * token decides. One directory per {@link SlackTwin}, not global.
 */
final class TokenDirectory {

  private final ConcurrentHashMap<String, Namespace> workspaces = new ConcurrentHashMap<>();

  void register(String fingerprint, Namespace workspace) {
    workspaces.put(fingerprint, workspace);
  }

  /** The namespace of a token: its workspace when a seed named it, else its own. */
  Namespace namespaceOf(String token) {
    Namespace own = Namespace.ofCredential(token);
    return Optional.ofNullable(workspaces.get(own.id())).orElse(own);
  }
}
