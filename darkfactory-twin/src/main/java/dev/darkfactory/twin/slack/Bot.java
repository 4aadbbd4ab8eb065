package dev.darkfactory.twin.slack;

import java.util.List;

/** The workspace's app and its bot user: what bot tokens act as, and who receives the workspace's events. */
record Bot(String userId, String botId, String appId, List<String> scopes) {

  /** What a typical installed bot holds: everything the twin serves but {@code chat:write.public}. */
  static final List<String> DEFAULT_SCOPES = List.of("app_mentions:read", "channels:history", "channels:join",
      "channels:manage", "channels:read", "chat:write", "groups:history", "groups:read", "groups:write", "reactions:read",
      "reactions:write", "users:read", "users:read.email");

  Bot {
    scopes = List.copyOf(scopes);
  }

  Identity identity() {
    return new Identity(userId, java.util.Optional.of(botId), scopes);
  }
}
