package dev.darkfactory.pipeline.problem;

import java.nio.file.Path;

/** A pipeline file that cannot be read: missing, unreadable, a directory, too large. */
public final class PipelineSourceException extends PipelineException {
  private final Path path;

  public PipelineSourceException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
