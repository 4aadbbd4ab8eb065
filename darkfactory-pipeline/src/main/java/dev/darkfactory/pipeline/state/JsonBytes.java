package dev.darkfactory.pipeline.state;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectWriter;

/**
 * JSON streamed by Jackson's generator into a reusable byte buffer, for the files the engine writes
 * on every node: the checkpoint, {@code status.json} and the lines of {@code events.jsonl}.
 * Building a tree for each of them and rendering it was most of the engine's own per-node cost;
 * streaming writes the same bytes (the generator is the one the tree would be rendered with, from
 * the mapper of {@link JsonValues}, compact or with its default pretty printer). Instants are
 * written as {@link Instant#toString}. Not thread-safe; reuse one per writer.
 *
 * <p>A <em>part</em> ({@link #elements}, {@link #members}) is a compact array or object that is
 * never closed, so it can grow across writes and be copied into another writer with {@link
 * #splice}: a list that only grows is encoded once, not on every checkpoint.
 */
public final class JsonBytes {
  private static final ObjectWriter COMPACT = JsonValues.mapper().writer();
  private static final ObjectWriter PRETTY = JsonValues.mapper().writerWithDefaultPrettyPrinter();

  private enum Shape { DOCUMENT, ELEMENTS, MEMBERS }

  private final ObjectWriter writer;
  private final Shape shape;
  private final Buffer buffer;
  private JsonGenerator generator;

  private JsonBytes(ObjectWriter writer, Shape shape, int capacity) {
    this.writer = writer;
    this.shape = shape;
    this.buffer = new Buffer(Math.max(16, capacity));
    open();
  }

  /** Compact JSON, as {@link JsonValues#compact}. */
  public static JsonBytes compact(int capacity) {
    return new JsonBytes(COMPACT, Shape.DOCUMENT, capacity);
  }

  /** Indented JSON, as {@link JsonValues#pretty}: for files people read. */
  public static JsonBytes pretty(int capacity) {
    return new JsonBytes(PRETTY, Shape.DOCUMENT, capacity);
  }

  /** An open array whose elements are written here and later {@linkplain #splice spliced} into an array. */
  static JsonBytes elements(int capacity) {
    return new JsonBytes(COMPACT, Shape.ELEMENTS, capacity);
  }

  /** An open object whose members are written here and later {@linkplain #splice spliced} into an object. */
  static JsonBytes members(int capacity) {
    return new JsonBytes(COMPACT, Shape.MEMBERS, capacity);
  }

  private void open() {
    generator = writer.createGenerator(buffer);
    switch (shape) {
      case DOCUMENT -> { }
      case ELEMENTS -> generator.writeStartArray();
      case MEMBERS -> generator.writeStartObject();
    }
  }

  /** Forgets what was written, keeping the buffer. */
  public JsonBytes clear() {
    generator.close();
    buffer.reset();
    open();
    return this;
  }

  /** The bytes written so far, as a buffer over this writer's array (valid until the next write). */
  public ByteBuffer buffer() {
    generator.flush();
    return ByteBuffer.wrap(buffer.array(), 0, buffer.size());
  }

  /** Copies the bytes written so far to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    generator.flush();
    buffer.writeTo(out);
  }

  public byte[] toByteArray() {
    generator.flush();
    return buffer.toByteArray();
  }

  @Override
  public String toString() {
    generator.flush();
    return buffer.toString(StandardCharsets.UTF_8);
  }

  public JsonBytes beginObject() {
    generator.writeStartObject();
    return this;
  }

  public JsonBytes endObject() {
    generator.writeEndObject();
    return this;
  }

  public JsonBytes beginArray() {
    generator.writeStartArray();
    return this;
  }

  public JsonBytes endArray() {
    generator.writeEndArray();
    return this;
  }

  /** A member name; the next call writes its value. */
  public JsonBytes name(String name) {
    generator.writeName(name);
    return this;
  }

  public JsonBytes string(String value) {
    generator.writeString(value);
    return this;
  }

  public JsonBytes number(long value) {
    generator.writeNumber(value);
    return this;
  }

  public JsonBytes bool(boolean value) {
    generator.writeBoolean(value);
    return this;
  }

  public JsonBytes nullValue() {
    generator.writeNull();
    return this;
  }

  /** A decimal; NaN and the infinities as strings, as the mapper writes them. */
  public JsonBytes decimal(double value) {
    generator.writeNumber(value);
    return this;
  }

  /** An instant as the string {@link Instant#toString} returns (ISO-8601 in UTC). */
  public JsonBytes instant(Instant at) {
    generator.writeString(at.toString());
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
   * The elements or members of {@code part} as the whole content of the array or object just
   * begun here: call it right after {@link #beginArray} or {@link #beginObject} and close the
   * container right after it. Compact writers only.
   */
  JsonBytes splice(JsonBytes part) {
    if (part.shape == Shape.DOCUMENT || writer != COMPACT) {
      throw new IllegalStateException("splice copies a part into a compact writer");
    }
    part.generator.flush();
    generator.flush();
    // The part's first byte is its own opening bracket; the generator here has just written ours.
    buffer.write(part.buffer.array(), 1, part.buffer.size() - 1);
    return this;
  }

  /** Writes {@code b} as it is (a line separator between records, for example). */
  public JsonBytes raw(byte b) {
    generator.flush();
    buffer.write(b);
    return this;
  }

  /** A byte array stream whose array can be read without a copy. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(int capacity) {
      super(capacity);
    }

    byte[] array() {
      return buf;
    }
  }
}
