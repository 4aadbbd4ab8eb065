package dev.darkfactory.pipeline.graph;

import dev.darkfactory.pipeline.graph.AttributeValue.BooleanValue;
import dev.darkfactory.pipeline.graph.AttributeValue.DurationValue;
import dev.darkfactory.pipeline.graph.AttributeValue.FloatValue;
import dev.darkfactory.pipeline.graph.AttributeValue.IntegerValue;
import dev.darkfactory.pipeline.graph.AttributeValue.StringValue;
import java.time.Duration;
import java.util.Optional;

/**
 * The lexical forms of attractor-spec.md 2.2: {@code Integer}, {@code Float}, {@code Boolean},
 * {@code Duration}, {@code Identifier} and {@code BareValue}, recognised without regular
 * expressions because the parser calls them for every value in files of many megabytes.
 */
public final class ValueSyntax {
  private ValueSyntax() {}

  /** Types an unquoted value by its syntax: boolean, duration, integer, float, else a bare string. */
  public static AttributeValue classifyUnquoted(String text) {
    Optional<? extends AttributeValue> typed = parseBoolean(text);
    if (typed.isEmpty()) {
      typed = parseInteger(text);
    }
    if (typed.isEmpty()) {
      typed = parseDuration(text);
    }
    if (typed.isEmpty()) {
      typed = parseFloat(text);
    }
    return typed.isPresent() ? typed.get() : new StringValue(text);
  }

  /** {@code Identifier ::= [A-Za-z_][A-Za-z0-9_]*}. */
  public static boolean isIdentifier(String text) {
    if (text.isEmpty() || !isIdentifierStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      if (!isIdentifierPart(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** {@code Key ::= Identifier ( '.' Identifier )*}. */
  public static boolean isKey(String text) {
    int start = 0;
    while (true) {
      int dot = text.indexOf('.', start);
      String part = dot < 0 ? text.substring(start) : text.substring(start, dot);
      if (!isIdentifier(part)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** {@code BareValue ::= [A-Za-z_][A-Za-z0-9_.:-]*}. */
  public static boolean isBareValue(String text) {
    if (text.isEmpty() || !isIdentifierStart(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isIdentifierPart(c) && c != '.' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  public static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  public static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c);
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  public static Optional<BooleanValue> parseBoolean(String text) {
    return switch (text) {
      case "true" -> Optional.of(new BooleanValue(true));
      case "false" -> Optional.of(new BooleanValue(false));
      default -> Optional.empty();
    };
  }

  /** {@code Integer ::= '-'? [0-9]+}, within the range of a {@code long}. */
  public static Optional<IntegerValue> parseInteger(String text) {
    if (!isSignedDigits(text, 0, text.length())) {
      return Optional.empty();
    }
    try {
      return Optional.of(new IntegerValue(Long.parseLong(text), text));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
  }

  /** {@code Float ::= '-'? [0-9]* '.' [0-9]+}. */
  public static Optional<FloatValue> parseFloat(String text) {
    int dot = text.indexOf('.');
    if (dot < 0 || dot == text.length() - 1) {
      return Optional.empty();
    }
    int start = text.startsWith("-") ? 1 : 0;
    for (int i = start; i < text.length(); i++) {
      if (i != dot && !isDigit(text.charAt(i))) {
        return Optional.empty();
      }
    }
    return Optional.of(new FloatValue(Double.parseDouble(text), text));
  }

  /** {@code Duration ::= Integer ( 'ms' | 's' | 'm' | 'h' | 'd' )}. */
  public static Optional<DurationValue> parseDuration(String text) {
    int unitStart = text.length();
    while (unitStart > 0 && Character.isLetter(text.charAt(unitStart - 1))) {
      unitStart--;
    }
    if (unitStart == text.length() || !isSignedDigits(text, 0, unitStart)) {
      return Optional.empty();
    }
    long amount;
    try {
      amount = Long.parseLong(text.substring(0, unitStart));
    } catch (NumberFormatException tooLarge) {
      return Optional.empty();
    }
    try {
      Duration duration = switch (text.substring(unitStart)) {
        case "ms" -> Duration.ofMillis(amount);
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        case "d" -> Duration.ofDays(amount);
        default -> null;
      };
      return duration == null ? Optional.empty() : Optional.of(new DurationValue(duration, text));
    } catch (ArithmeticException overflow) {
      return Optional.empty();
    }
  }

  private static boolean isSignedDigits(String text, int from, int to) {
    int start = from < to && text.charAt(from) == '-' ? from + 1 : from;
    if (start >= to) {
      return false;
    }
    for (int i = start; i < to; i++) {
      if (!isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
