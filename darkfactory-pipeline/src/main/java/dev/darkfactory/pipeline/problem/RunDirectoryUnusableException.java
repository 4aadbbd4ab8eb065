package dev.darkfactory.pipeline.problem;

/**
 * A logs root that a run cannot start or resume in: it is a file, cannot be created, or holds a
 * checkpoint that cannot be read or is damaged. Unlike a {@link RunStorageException} in the middle
 * of a run, nothing has run yet: the caller chose a directory that does not work, and says so
 * before any stage executes.
 */
public final class RunDirectoryUnusableException extends PipelineException {
  public RunDirectoryUnusableException(String message, Throwable cause) {
    super(message, cause);
  }
}
