package dev.darkfactory.pipeline.problem;

/**
 * A value given to a run from outside a DOT file that is malformed or out of range: a budget or a
 * duration on the command line or in an HTTP request. The message names the value, says what is
 * wrong and, for a value out of range, the limit; it is the same wherever the value came from
 * (the CLI prints it as a usage error, the HTTP API returns it in a 400).
 */
public final class InvalidValueException extends PipelineException {
  public InvalidValueException(String message) {
    super(message);
  }
}
