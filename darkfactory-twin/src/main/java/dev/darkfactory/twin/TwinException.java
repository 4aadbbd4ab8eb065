package dev.darkfactory.twin;

/**
 * Every failure of the twin module: what failed, where, and what to do. Unchecked, sealed, one tree
 * for the module (as {@code LlmException} and {@code PipelineException} are for theirs).
 */
public abstract sealed class TwinException extends RuntimeException
    permits PortInUseException, TwinStartException, DocumentException, TwinControlException, StateReadException {

  protected TwinException(String message, Throwable cause) {
    super(message, cause);
  }
}
