package dev.darkfactory.twin.slack;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The app's Event Subscriptions, as Slack's app settings hold them: the Request URL (verified with the
 * {@code url_verification} challenge when it is set), the signing secret that signs every request, the legacy
 * verification token sent in payloads, and the bot events subscribed to.
 */
record AppConfig(Optional<URI> requestUrl, String signingSecret, String verificationToken, Set<String> events, boolean verified) {

  /** The bot events the twin can send (subscription names, as in the app settings). */
  static final List<String> SUPPORTED_EVENTS = List.of("app_mention", "channel_archive", "channel_created",
      "member_joined_channel", "message.channels", "message.groups", "reaction_added", "reaction_removed");

  AppConfig {
    events = Set.copyOf(events);
  }

  boolean delivers(String subscription) {
    return requestUrl.isPresent() && verified && events.contains(subscription);
  }

  AppConfig verifiedNow() {
    return new AppConfig(requestUrl, signingSecret, verificationToken, events, true);
  }
}
