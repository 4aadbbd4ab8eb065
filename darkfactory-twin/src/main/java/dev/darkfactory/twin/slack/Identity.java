package dev.darkfactory.twin.slack;

import java.util.List;
import java.util.Optional;

/** Who a token acts as: a user of the workspace (the bot user for bot tokens), with its scopes. */
record Identity(String userId, Optional<String> botId, List<String> scopes) {

  Identity {
    scopes = List.copyOf(scopes);
  }

  boolean isBot() {
    return botId.isPresent();
  }

  boolean hasAny(List<String> wanted) {
    return wanted.stream().anyMatch(scopes::contains);
  }
}
