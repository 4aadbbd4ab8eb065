package dev.darkfactory.server.api;

/** Client-supplied text quoted back in an error message: short, and with no control characters. */
final class Texts {
  private static final int MAX = 80;

  private Texts() {}

  static String clip(String value) {
    StringBuilder out = new StringBuilder(Math.min(value.length(), MAX));
    value.codePoints().limit(MAX).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return value.codePointCount(0, value.length()) > MAX ? out + "..." : out.toString();
  }
}
