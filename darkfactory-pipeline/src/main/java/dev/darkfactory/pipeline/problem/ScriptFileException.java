package dev.darkfactory.pipeline.problem;

import java.nio.file.Path;

/** A scripted-backend file ({@code --scripted FILE}) that is malformed or names nodes the graph lacks. */
public final class ScriptFileException extends PipelineException {
  private final Path path;

  public ScriptFileException(Path path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  public Path path() {
    return path;
  }
}
