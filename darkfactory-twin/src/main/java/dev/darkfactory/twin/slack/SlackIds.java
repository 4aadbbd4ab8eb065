package dev.darkfactory.twin.slack;

import dev.darkfactory.twin.clock.IdGenerator;

/**
 * Slack's ids: a type letter and ten upper-case letters or digits ({@code C0123ABCDEF} a channel, {@code U...} a
 * user, {@code B...} a bot, {@code A...} an app, {@code T...} a team, {@code Ev...} an event), drawn from the
 * namespace's seeded ids so the same seed gives the same ids.
 */
final class SlackIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private SlackIds() {}

  static String next(IdGenerator ids, String prefix) {
    StringBuilder id = new StringBuilder(prefix);
    for (int i = 0; i < 10; i++) {
      id.append(ALPHABET[ids.nextInt(ALPHABET.length)]);
    }
    return id.toString();
  }

  /** Lower-case hex, for secrets, challenges and request ids. */
  static String hex(IdGenerator ids, int length) {
    StringBuilder hex = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      hex.append(Character.forDigit(ids.nextInt(16), 16));
    }
    return hex.toString();
  }
}
