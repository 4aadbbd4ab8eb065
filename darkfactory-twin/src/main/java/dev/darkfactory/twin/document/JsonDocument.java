package dev.darkfactory.twin.document;

import dev.darkfactory.twin.DocumentException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * A JSON or YAML document parsed into a Jackson tree that remembers where each value was written, so that
 * checks after parsing (an unknown field, a duration that is not one) can report {@code file:line:column}.
 */
public final class JsonDocument {

  private final String source;
  private final JsonNode root;
  private final Map<String, Position> values;
  private final Map<String, Position> keys;

  JsonDocument(String source, JsonNode root, Map<String, Position> values, Map<String, Position> keys) {
    this.source = source;
    this.root = root;
    this.values = Map.copyOf(values);
    this.keys = Map.copyOf(keys);
  }

  /**
   * Parses {@code text}; {@code source} names it in errors (a file path, {@code "request body"}).
   *
   * @throws DocumentException with the position of the syntax error and what was expected
   */
  public static JsonDocument parse(String source, String text, DocumentFormat format) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    try {
      return new DocumentReader(source, format).read(text);
    } catch (JacksonException e) {
      TokenStreamLocation location = e.getLocation();
      int line = location == null ? 0 : location.getLineNr();
      int column = location == null ? 0 : location.getColumnNr();
      throw new DocumentException(source, Math.max(line, 0), Math.max(column, 0), syntaxProblem(format, e), e);
    }
  }

  /** Reads a file, choosing the format by its extension ({@code .yaml}/{@code .yml} or JSON). */
  public static JsonDocument read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new DocumentException(file.toString(), 0, 0, "no such file", e);
    } catch (MalformedInputException e) {
      throw new DocumentException(file.toString(), 0, 0, "not UTF-8 text", e);
    } catch (IOException e) {
      throw new DocumentException(file.toString(), 0, 0, "cannot be read: " + e.getMessage(), e);
    }
    return parse(file.toString(), text, DocumentFormat.of(file));
  }

  /** A document built in code (from Java or an already parsed tree): errors have no line numbers. */
  public static JsonDocument of(String source, JsonNode root) {
    return new JsonDocument(source, root, Map.of(), Map.of());
  }

  private static String syntaxProblem(DocumentFormat format, JacksonException e) {
    String original = e.getOriginalMessage() == null ? e.getMessage() : e.getOriginalMessage();
    String firstLine = original == null ? "" : original.lines().findFirst().orElse("").trim();
    return "not valid " + format + ": " + firstLine;
  }

  public String source() {
    return source;
  }

  public DocumentNode root() {
    return new DocumentNode(this, "", root);
  }

  /** Where the value at {@code pointer} starts ({@link Position#UNKNOWN} when not recorded). */
  public Position position(String pointer) {
    Position position = values.get(pointer);
    if (position != null) {
      return position;
    }
    // A pointer below a recorded value (a state model's pointer into a scalar's parent): use the nearest ancestor.
    String parent = pointer;
    while (!parent.isEmpty()) {
      parent = parent.substring(0, parent.lastIndexOf('/'));
      position = values.get(parent);
      if (position != null) {
        return position;
      }
    }
    return Position.UNKNOWN;
  }

  /** Where the field name of the value at {@code pointer} was written, or else the value itself. */
  public Position keyPosition(String pointer) {
    return keys.getOrDefault(pointer, position(pointer));
  }

  /** An error at the value at {@code pointer}. */
  public DocumentException error(String pointer, String problem) {
    Position at = position(pointer);
    return new DocumentException(source, at.line(), at.column(), problem);
  }

  DocumentException errorAtKey(String pointer, String problem) {
    Position at = keyPosition(pointer);
    return new DocumentException(source, at.line(), at.column(), problem);
  }
}
