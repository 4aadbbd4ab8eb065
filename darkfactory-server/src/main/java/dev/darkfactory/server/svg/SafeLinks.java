package dev.darkfactory.server.svg;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which links a graph may carry into the UI: {@code http:} and {@code https:} URLs, and relative
 * links that stay on this origin. Everything else ({@code javascript:}, {@code data:}, {@code
 * vbscript:}, protocol-relative {@code //host}, backslash tricks) is refused.
 *
 * <p>The decision is made on what a browser will finally see. A value is checked as written and
 * after each round of character-reference decoding (decimal and hexadecimal numeric references,
 * with or without the {@code ;}, and the XML named ones), until decoding changes nothing: Graphviz
 * copies references into its SVG unchanged, the XML parser decodes them, and a value encoded twice
 * must not pass because one round looked harmless. Any other named reference ({@code &Tab;},
 * {@code &colon;}) refuses the link outright: HTML knows more than two thousand of them, and a link
 * that needs one is not worth guessing about. Before the scheme is read, ASCII whitespace and
 * control characters are removed everywhere, as browsers remove tabs and newlines inside a URL and
 * trim the rest from its ends ({@code java&#9;script:} is {@code javascript:} to a browser).
 */
public final class SafeLinks {
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):");
  private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;)");
  private static final int MAX_ROUNDS = 8;

  private SafeLinks() {}

  /** True when {@code link} may stay in a graph shown by the UI. */
  public static boolean isSafe(String link) {
    String current = link;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      if (!isSafeAsIs(current)) {
        return false;
      }
      String decoded = decodeOnce(current);
      if (decoded == null) {
        return false;
      }
      if (decoded.equals(current)) {
        return true;
      }
      current = decoded;
    }
    return false;
  }

  private static boolean isSafeAsIs(String value) {
    String compact = withoutWhitespaceAndControls(value);
    Matcher scheme = SCHEME.matcher(compact);
    if (scheme.find()) {
      String name = scheme.group(1).toLowerCase(Locale.ROOT);
      return name.equals("http") || name.equals("https");
    }
    // Relative: a path, query or fragment on this origin. "//host" and "/\host" name another host.
    return !compact.startsWith("//") && compact.indexOf('\\') < 0;
  }

  private static String withoutWhitespaceAndControls(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0x20 && c != 0x7f) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** One round of decoding, or null when the value has a named reference other than the XML five. */
  static String decodeOnce(String value) {
    if (value.indexOf('&') < 0) {
      return value;
    }
    Matcher m = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder(value.length());
    while (m.find()) {
      String body = m.group(1);
      String replacement;
      if (body.startsWith("#")) {
        replacement = numeric(body);
      } else {
        replacement = switch (body) {
          case "amp;" -> "&";
          case "lt;" -> "<";
          case "gt;" -> ">";
          case "quot;" -> "\"";
          case "apos;" -> "'";
          default -> null;
        };
        if (replacement == null) {
          return null;
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** {@code #106;} or {@code #x6A}: the character, or U+FFFD for zero, surrogates and values past U+10FFFF, as HTML does. */
  private static String numeric(String body) {
    boolean hex = body.length() > 1 && (body.charAt(1) == 'x' || body.charAt(1) == 'X');
    String digits = body.substring(hex ? 2 : 1).replace(";", "").replaceFirst("^0+(?=.)", "");
    int radix = hex ? 16 : 10;
    int codePoint = digits.length() > 7 ? -1 : Integer.parseInt(digits, radix);
    boolean valid = codePoint > 0 && codePoint <= Character.MAX_CODE_POINT
        && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    return valid ? new String(Character.toChars(codePoint)) : "\uFFFD";
  }
}
