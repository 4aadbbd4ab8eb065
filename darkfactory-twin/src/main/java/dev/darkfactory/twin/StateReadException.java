package dev.darkfactory.twin;

/**
 * A twin's state model refuses seed JSON. {@code pointer} is the JSON Pointer (RFC 6901) of the offending
 * value; the control plane turns it into {@code file:line:column} when the seed came from a file.
 */
public final class StateReadException extends TwinException {

  private final String pointer;
  private final String problem;

  public StateReadException(String pointer, String problem) {
    super((pointer.isEmpty() ? "/" : pointer) + ": " + problem, null);
    this.pointer = pointer;
    this.problem = problem;
  }

  /** The JSON Pointer of the value, relative to the namespace's state document ("" is the whole document). */
  public String pointer() {
    return pointer;
  }

  public String problem() {
    return problem;
  }
}
