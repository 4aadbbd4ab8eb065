package dev.darkfactory.pipeline.state;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values a {@link Context} may hold: JSON-shaped and immutable. Strings, booleans, whole numbers
 * (as {@code Long}), decimals (as {@code Double}), lists and string-keyed maps of those.
 *
 * <p>Normalising on the way in is what makes checkpoints exact: a value survives a JSON round trip
 * unchanged (an {@code Integer} would come back as a {@code Long}), and because every value is
 * immutable, {@link Context#copy()} is a deep copy without copying anything (attractor-spec.md 5.1).
 */
public final class ContextValues {
  private ContextValues() {}

  /**
   * {@code value} in normal form.
   *
   * @throws IllegalArgumentException for {@code null} and for types that have no JSON form
   */
  public static Object normalize(Object value) {
    return switch (value) {
      case null -> throw new IllegalArgumentException("context values cannot be null; remove the key instead");
      case String s -> s;
      case Boolean b -> b;
      case Long l -> l;
      case Integer i -> i.longValue();
      case Short s -> s.longValue();
      case Byte b -> b.longValue();
      case BigInteger big -> big.bitLength() < 64 ? (Object) big.longValue() : big.toString();
      case Double d -> d;
      case Float f -> f.doubleValue();
      case BigDecimal d -> d.doubleValue();
      case CharSequence cs -> cs.toString();
      case Enum<?> e -> e instanceof StageStatus s ? s.wire() : e.name();
      case Collection<?> list -> normalizeList(list);
      case Map<?, ?> map -> normalizeMap(map);
      default -> throw new IllegalArgumentException(
          "context values must be JSON-shaped (string, number, boolean, list, map); got " + value.getClass().getName());
    };
  }

  private static java.util.List<Object> normalizeList(Collection<?> list) {
    java.util.List<Object> copy = new ArrayList<>(list.size());
    list.forEach(item -> copy.add(normalize(item)));
    return Collections.unmodifiableList(copy);
  }

  private static Map<String, Object> normalizeMap(Map<?, ?> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
    return Collections.unmodifiableMap(copy);
  }

  /** Every entry of {@code values} normalised, keeping order. */
  public static Map<String, Object> normalizeAll(Map<String, ?> values) {
    return normalizeMap(values);
  }

  /**
   * The text form conditions compare (attractor-spec.md 10.4) and tool environment variables carry:
   * strings as they are, numbers and booleans as JSON writes them, lists and maps as compact JSON.
   */
  public static String text(Object value) {
    return switch (value) {
      case null -> "";
      case String s -> s;
      case Collection<?> c -> JsonText.of(c);
      case Map<?, ?> m -> JsonText.of(m);
      default -> String.valueOf(value);
    };
  }

  /** A compact JSON rendering without a JSON library, so this package stays free of Jackson types in its API. */
  private static final class JsonText {
    static String of(Object value) {
      StringBuilder out = new StringBuilder();
      write(out, value);
      return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
      switch (value) {
        case String s -> quote(out, s);
        case Collection<?> c -> {
          out.append('[');
          int i = 0;
          for (Object item : c) {
            if (i++ > 0) {
              out.append(',');
            }
            write(out, item);
          }
          out.append(']');
        }
        case Map<?, ?> m -> {
          out.append('{');
          int i = 0;
          for (Map.Entry<?, ?> e : m.entrySet()) {
            if (i++ > 0) {
              out.append(',');
            }
            quote(out, String.valueOf(e.getKey()));
            out.append(':');
            write(out, e.getValue());
          }
          out.append('}');
        }
        case null -> out.append("null");
        default -> out.append(value);
      }
    }

    private static void quote(StringBuilder out, String s) {
      out.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      out.append('"');
    }
  }
}
