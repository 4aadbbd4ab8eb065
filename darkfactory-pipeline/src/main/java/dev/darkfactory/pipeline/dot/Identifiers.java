package dev.darkfactory.pipeline.dot;

import dev.darkfactory.pipeline.graph.ValueSyntax;
import java.util.Locale;

/** Messages that explain why a word is not a valid identifier or value, with a corrected form. */
final class Identifiers {
  private Identifiers() {}

  /** A valid identifier close to {@code text}: {@code "Review code"} becomes {@code review_code}. */
  static String suggest(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.strip().toCharArray()) {
      if (ValueSyntax.isIdentifierPart(c)) {
        out.append(Character.toLowerCase(c));
      } else if (!out.isEmpty() && out.charAt(out.length() - 1) != '_') {
        out.append('_');
      }
    }
    while (!out.isEmpty() && out.charAt(out.length() - 1) == '_') {
      out.setLength(out.length() - 1);
    }
    if (out.isEmpty() || !ValueSyntax.isIdentifierStart(out.charAt(0))) {
      out.insert(0, "n_");
    }
    String suggestion = out.toString();
    return suggestion.length() > 40 ? suggestion.substring(0, 40) : suggestion;
  }

  static String escape(String text) {
    int cut = text.length() > 40 && Character.isLowSurrogate(text.charAt(37)) ? 36 : 37; // keep an emoji whole
    String shortened = text.length() > 40 ? text.substring(0, cut) + "..." : text;
    return shortened.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  static String invalidIdentifier(String what, String text) {
    if (text.contains(":")) {
      return "'" + text + "' is not a valid " + what + ": ports (node:port) are not supported in the pipeline subset";
    }
    return "'" + text + "' is not a valid " + what + ": IDs are identifiers ([A-Za-z_][A-Za-z0-9_]*, attractor-spec.md 2.3);"
        + " write " + suggest(text) + " [label=\"" + escape(text) + "\"]";
  }

  static String invalidValue(String text) {
    if (isWholeNumber(text, text.length())) {
      return "the number " + text + " is too large: whole numbers range from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE;
    }
    int unit = text.endsWith("ms") ? text.length() - 2 : text.length() - 1;
    if (unit > 0 && "smhd".indexOf(text.charAt(text.length() - 1)) >= 0 && isWholeNumber(text, unit)) {
      return "the duration " + text + " is too large; use a smaller amount, such as 2h or 7d";
    }
    if (looksLikeDuration(text)) {
      return "invalid duration '" + text + "': a duration is a whole number followed by ms, s, m, h or d, such as 90s or 15m";
    }
    if (!text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-' || text.charAt(0) == '.')) {
      return "invalid value '" + text + "': not a number, duration or identifier; if it is text, quote it: \"" + escape(text) + "\"";
    }
    return "invalid value '" + text + "': quote text values, for example \"" + escape(text) + "\"";
  }

  /** Whether {@code text}'s first {@code end} characters are an optionally signed run of digits. */
  private static boolean isWholeNumber(String text, int end) {
    int start = end > 0 && text.charAt(0) == '-' ? 1 : 0;
    if (start >= end) {
      return false;
    }
    for (int i = start; i < end; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean looksLikeDuration(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean startsNumeric = !lower.isEmpty() && (Character.isDigit(lower.charAt(0)) || lower.charAt(0) == '-');
    return startsNumeric && (lower.endsWith("ms") || lower.endsWith("s") || lower.endsWith("m") || lower.endsWith("h")
        || lower.endsWith("d") || lower.endsWith("sec") || lower.endsWith("min"));
  }
}
