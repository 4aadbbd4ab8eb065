package dev.darkfactory.twin.slack;

import java.util.List;

/**
 * A further token of the workspace (a user token, {@code xoxp-...}): who it acts as and its scopes. Kept by
 * fingerprint (the token's namespace id), never the token itself, so snapshots carry no credentials.
 */
record TokenGrant(String fingerprint, String hint, String userId, List<String> scopes) {

  /** What a user token holds by default. */
  static final List<String> DEFAULT_USER_SCOPES = List.of("channels:history", "channels:read", "channels:write", "chat:write",
      "groups:history", "groups:read", "groups:write", "reactions:read", "reactions:write", "users:read", "users:read.email");

  TokenGrant {
    scopes = List.copyOf(scopes);
  }
}
