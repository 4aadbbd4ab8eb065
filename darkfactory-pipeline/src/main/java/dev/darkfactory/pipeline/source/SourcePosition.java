package dev.darkfactory.pipeline.source;

import java.util.Objects;

/**
 * A place in a source text: file name as the user gave it, 1-based line and column.
 *
 * <p>Columns count UTF-16 characters on the line, so a caret printed under the line lines up for
 * the ASCII text the DOT subset is made of (attractor-spec.md 2.3: identifiers are ASCII).
 */
public record SourcePosition(String file, int line, int column) {

  /** The position used for values that do not come from a source text (built in code, transforms). */
  public static final SourcePosition UNKNOWN = new SourcePosition("<generated>", 0, 0);

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  public static SourcePosition of(String file, int line, int column) {
    return new SourcePosition(file, line, column);
  }

  public boolean isKnown() {
    return line > 0;
  }

  /** The same line, {@code delta} columns to the right. */
  public SourcePosition shift(int delta) {
    return isKnown() ? new SourcePosition(file, line, column + delta) : this;
  }

  /** {@code file:line:column}, the form editors and terminals turn into links. */
  @Override
  public String toString() {
    return isKnown() ? file + ":" + line + ":" + column : file;
  }
}
