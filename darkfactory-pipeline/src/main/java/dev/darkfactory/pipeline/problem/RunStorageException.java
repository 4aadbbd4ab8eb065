package dev.darkfactory.pipeline.problem;

import java.nio.file.Path;

/**
 * A run directory that cannot be written or read: the logs root is not writable, the disk is full,
 * a checkpoint is corrupt. The message names the file and the cause.
 */
public final class RunStorageException extends PipelineException {
  private final Path path;

  public RunStorageException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
