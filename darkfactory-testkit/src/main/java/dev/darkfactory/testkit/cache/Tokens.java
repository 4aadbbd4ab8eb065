package dev.darkfactory.testkit.cache;

/** The twin's token estimate: about four characters a token, at least one for non-empty text. */
public final class Tokens {

  private Tokens() {}

  public static int estimate(String text) {
    return text.isEmpty() ? 0 : Math.max(1, (text.length() + 3) / 4);
  }
}
