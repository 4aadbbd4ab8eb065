package dev.darkfactory.pipeline.backend;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the scripted backend's outcomes come from: a file to read ({@code --scripted FILE}), or
 * text received with the run ({@code "script"} of the HTTP API), named {@code file} in messages.
 */
public record ScriptSource(Path file, Optional<String> text) {
  public ScriptSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
  }

  public static ScriptSource file(Path file) {
    return new ScriptSource(file, Optional.empty());
  }

  public static ScriptSource text(Path name, String text) {
    return new ScriptSource(name, Optional.of(text));
  }

  /** The backend, reading the file when there is no text; problems are {@code ScriptFileException}s. */
  public ScriptedBackend load() {
    return text.map(script -> ScriptedBackend.parse(file, script)).orElseGet(() -> ScriptedBackend.read(file));
  }
}
