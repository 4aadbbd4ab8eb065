package dev.darkfactory.pipeline.state;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * JSON written straight into a reusable byte array (UTF-8), for the files the engine writes on
 * every node: the checkpoint, {@code status.json} and the lines of {@code events.jsonl}. Building
 * a Jackson tree and rendering it for each of them was most of the engine's own per-node cost, and
 * the values written are few kinds: strings, numbers, booleans, instants and the context's
 * JSON-shaped values ({@link ContextValues}). Not thread-safe; reuse one per writer.
 *
 * <p>The bytes are the ones Jackson (the mapper of {@link JsonValues}) writes for the same values,
 * compact or with its default pretty printer, so files read the same as before: the escapes JSON
 * requires ({@code \" \\ \b \t \f \n \r}, other control characters as {@code \}{@code u00XX}),
 * everything else as UTF-8 (a surrogate pair as one 4-byte sequence, a lone surrogate as {@code
 * \}{@code uXXXX}), NaN and infinite decimals as strings, and instants as {@link Instant#toString}.
 * Commas and indentation are placed automatically.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LINE_SEPARATOR = System.lineSeparator().getBytes(StandardCharsets.US_ASCII);
  /** Instants in these years print as {@code yyyy-MM-ddTHH:mm:ss}; others are left to {@link Instant#toString}. */
  private static final long FIRST_SECOND = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
  private static final long LAST_SECOND = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);

  private final boolean pretty;
  private byte[] bytes;
  private int size;
  /** The current object or array already holds a member or element (so the next one needs a comma). */
  private boolean comma;
  /** A member name was just written; its value follows without a separator. */
  private boolean afterName;
  /** Whether each open container is an array, innermost last; and how many of them are objects (the indentation). */
  private boolean[] arrays = new boolean[8];
  private int depth;
  private int objectDepth;
  /** The last second an instant was written in, and its {@code yyyy-MM-ddTHH:mm:ss} form. */
  private long cachedSecond = Long.MIN_VALUE;
  private final byte[] cachedDateTime = new byte[19];

  private JsonBytes(int capacity, boolean pretty) {
    this.bytes = new byte[Math.max(16, capacity)];
    this.pretty = pretty;
  }

  /** Compact JSON, as {@link JsonValues#compact}. */
  public static JsonBytes compact(int capacity) {
    return new JsonBytes(capacity, false);
  }

  /** Indented JSON, as {@link JsonValues#pretty}: for files people read. */
  public static JsonBytes pretty(int capacity) {
    return new JsonBytes(capacity, true);
  }

  /** Forgets what was written, keeping the buffer. */
  public JsonBytes clear() {
    size = 0;
    comma = false;
    afterName = false;
    depth = 0;
    objectDepth = 0;
    return this;
  }

  public int size() {
    return size;
  }

  /** The bytes written so far, as a buffer over this writer's array (valid until the next write). */
  public ByteBuffer buffer() {
    return ByteBuffer.wrap(bytes, 0, size);
  }

  /** The array holding the bytes written so far (the first {@link #size} bytes; valid until the next write). */
  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  @Override
  public String toString() {
    return new String(bytes, 0, size, StandardCharsets.UTF_8);
  }

  public JsonBytes beginObject() {
    beforeValue();
    put((byte) '{');
    push(false);
    objectDepth++;
    return this;
  }

  public JsonBytes endObject() {
    depth--;
    objectDepth--;
    if (pretty) {
      if (comma) {
        newline(objectDepth);
      } else {
        put((byte) ' ');
      }
    }
    put((byte) '}');
    comma = true;
    return this;
  }

  public JsonBytes beginArray() {
    beforeValue();
    put((byte) '[');
    push(true);
    return this;
  }

  public JsonBytes endArray() {
    depth--;
    if (pretty) {
      put((byte) ' ');
    }
    put((byte) ']');
    comma = true;
    return this;
  }

  /** A member name; the next call writes its value. */
  public JsonBytes name(String name) {
    if (comma) {
      put((byte) ',');
    }
    if (pretty) {
      newline(objectDepth);
    }
    quoted(name);
    if (pretty) {
      put((byte) ' ');
      put((byte) ':');
      put((byte) ' ');
    } else {
      put((byte) ':');
    }
    comma = true;
    afterName = true;
    return this;
  }

  public JsonBytes string(String value) {
    beforeValue();
    quoted(value);
    return this;
  }

  public JsonBytes number(long value) {
    beforeValue();
    ascii(Long.toString(value));
    return this;
  }

  public JsonBytes bool(boolean value) {
    beforeValue();
    ascii(value ? "true" : "false");
    return this;
  }

  public JsonBytes nullValue() {
    beforeValue();
    ascii("null");
    return this;
  }

  /** A decimal as Jackson writes it: the shortest representation; NaN and the infinities as strings. */
  public JsonBytes decimal(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return string(Double.toString(value));
    }
    beforeValue();
    ascii(Double.toString(value));
    return this;
  }

  /** An instant as the string {@link Instant#toString} returns (ISO-8601 in UTC). */
  public JsonBytes instant(Instant at) {
    long second = at.getEpochSecond();
    if (second < FIRST_SECOND || second > LAST_SECOND) {
      return string(at.toString());
    }
    if (second != cachedSecond) {
      // Events and checkpoints of one node mostly fall in the same second: format its date and time once.
      LocalDateTime t = LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC);
      byte[] d = cachedDateTime;
      digits(d, 0, t.getYear(), 4);
      d[4] = '-';
      digits(d, 5, t.getMonthValue(), 2);
      d[7] = '-';
      digits(d, 8, t.getDayOfMonth(), 2);
      d[10] = 'T';
      digits(d, 11, t.getHour(), 2);
      d[13] = ':';
      digits(d, 14, t.getMinute(), 2);
      d[16] = ':';
      digits(d, 17, t.getSecond(), 2);
      cachedSecond = second;
    }
    beforeValue();
    ensure(32);
    bytes[size++] = '"';
    System.arraycopy(cachedDateTime, 0, bytes, size, cachedDateTime.length);
    size += cachedDateTime.length;
    int nano = at.getNano();
    if (nano != 0) {
      // As Instant.toString: the fraction in groups of three digits, as many as needed.
      bytes[size++] = '.';
      if (nano % 1_000_000 == 0) {
        digits(bytes, size, nano / 1_000_000, 3);
        size += 3;
      } else if (nano % 1000 == 0) {
        digits(bytes, size, nano / 1000, 6);
        size += 6;
      } else {
        digits(bytes, size, nano, 9);
        size += 9;
      }
    }
    bytes[size++] = 'Z';
    bytes[size++] = '"';
    return this;
  }

  /** A context value: string, boolean, whole number, decimal, list or string-keyed map of those. */
  public JsonBytes value(Object value) {
    switch (value) {
      case null -> nullValue();
      case String s -> string(s);
      case Boolean b -> bool(b);
      case Long l -> number(l);
      case Integer i -> number(i);
      case Double d -> decimal(d);
      case Collection<?> list -> {
        beginArray();
        for (Object item : list) {
          value(item);
        }
        endArray();
      }
      case Map<?, ?> map -> {
        beginObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          name(String.valueOf(e.getKey())).value(e.getValue());
        }
        endObject();
      }
      default -> value(ContextValues.normalize(value));
    }
    return this;
  }

  /** An object of context values, in the map's order. */
  public JsonBytes values(Map<String, ?> values) {
    beginObject();
    for (Map.Entry<String, ?> e : values.entrySet()) {
      name(e.getKey()).value(e.getValue());
    }
    return endObject();
  }

  /**
   * The members or elements {@code part} holds, as if written here one by one: {@code part} was
   * written (compact) with no enclosing object or array, so a list that only grows is encoded once
   * and copied on every later write.
   */
  JsonBytes splice(JsonBytes part) {
    if (part.size > 0) {
      if (afterName) {
        afterName = false;
      } else if (comma) {
        put((byte) ',');
      }
      put(part.bytes, 0, part.size);
      comma = true;
    }
    return this;
  }

  /** Writes {@code b} as it is (a line separator between records, for example). */
  public JsonBytes raw(byte b) {
    put(b);
    return this;
  }

  /** What precedes a value: nothing after a name; else a comma if the container already has an element. */
  private void beforeValue() {
    if (afterName) {
      afterName = false;
    } else if (depth > 0 && arrays[depth - 1]) {
      if (comma) {
        put((byte) ',');
      }
      if (pretty) {
        put((byte) ' ');
      }
    } else if (comma) {
      put((byte) ',');
    }
    comma = true;
  }

  private void push(boolean array) {
    if (depth == arrays.length) {
      arrays = Arrays.copyOf(arrays, depth * 2);
    }
    arrays[depth++] = array;
    comma = false;
  }

  private void newline(int indent) {
    put(LINE_SEPARATOR, 0, LINE_SEPARATOR.length);
    ensure(2 * indent);
    for (int i = 0; i < 2 * indent; i++) {
      bytes[size++] = ' ';
    }
  }

  private void quoted(String s) {
    int length = s.length();
    ensure(length + 2);
    byte[] b = bytes;
    int at = size;
    b[at++] = '"';
    int i = 0;
    // Fast path: printable ASCII that needs no escape, one byte per character.
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
        break;
      }
      b[at++] = (byte) c;
    }
    size = at;
    for (; i < length; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
        int code = Character.toCodePoint(c, s.charAt(++i));
        ensure(4);
        bytes[size++] = (byte) (0xF0 | (code >> 18));
        bytes[size++] = (byte) (0x80 | ((code >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((code >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (code & 0x3F));
      } else {
        character(c);
      }
    }
    put((byte) '"');
  }

  private void character(char c) {
    switch (c) {
      case '"' -> escape('"');
      case '\\' -> escape('\\');
      case '\b' -> escape('b');
      case '\t' -> escape('t');
      case '\f' -> escape('f');
      case '\n' -> escape('n');
      case '\r' -> escape('r');
      default -> {
        if (c < 0x20 || Character.isSurrogate(c)) {
          unicodeEscape(c);
        } else if (c < 0x80) {
          put((byte) c);
        } else if (c < 0x800) {
          ensure(2);
          bytes[size++] = (byte) (0xC0 | (c >> 6));
          bytes[size++] = (byte) (0x80 | (c & 0x3F));
        } else {
          ensure(3);
          bytes[size++] = (byte) (0xE0 | (c >> 12));
          bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
          bytes[size++] = (byte) (0x80 | (c & 0x3F));
        }
      }
    }
  }

  private void escape(char c) {
    ensure(2);
    bytes[size++] = '\\';
    bytes[size++] = (byte) c;
  }

  private void unicodeEscape(char c) {
    ensure(6);
    bytes[size++] = '\\';
    bytes[size++] = 'u';
    bytes[size++] = HEX[(c >> 12) & 0xF];
    bytes[size++] = HEX[(c >> 8) & 0xF];
    bytes[size++] = HEX[(c >> 4) & 0xF];
    bytes[size++] = HEX[c & 0xF];
  }

  /** {@code value} as exactly {@code count} decimal digits, zero-padded, at {@code at}. */
  private static void digits(byte[] target, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      target[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** Text known to be ASCII (numbers, literals). */
  private void ascii(String s) {
    int length = s.length();
    ensure(length);
    for (int i = 0; i < length; i++) {
      bytes[size++] = (byte) s.charAt(i);
    }
  }

  private void put(byte b) {
    ensure(1);
    bytes[size++] = b;
  }

  private void put(byte[] source, int offset, int length) {
    ensure(length);
    System.arraycopy(source, offset, bytes, size, length);
    size += length;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }
}
