package dev.darkfactory.twin.slack;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Slack's opaque pagination cursors. Slack's are base64 of {@code "kind:value"} ({@code dXNlcjpVMDYxTkZUVDI=} is
 * {@code user:U061NFTT2}); the twin's are the same shape, naming the first item of the next page. A cursor that does
 * not decode, or names another kind, is {@code invalid_cursor}.
 */
final class Cursors {

  private Cursors() {}

  static String encode(String kind, String value) {
    return Base64.getEncoder().encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
  }

  /** The value of a cursor of this kind; throws {@code invalid_cursor} otherwise. */
  static String decode(String kind, String cursor) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw SlackError.of("invalid_cursor");
    }
    String prefix = kind + ":";
    if (!decoded.startsWith(prefix) || decoded.length() == prefix.length()) {
      throw SlackError.of("invalid_cursor");
    }
    return decoded.substring(prefix.length());
  }
}
