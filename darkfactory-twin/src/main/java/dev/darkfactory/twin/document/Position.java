package dev.darkfactory.twin.document;

/** A 1-based line and column in a document's text. */
public record Position(int line, int column) {

  public static final Position UNKNOWN = new Position(0, 0);
}
