package dev.darkfactory.cli.pipeline;

import dev.darkfactory.cli.UserException;
import dev.darkfactory.pipeline.problem.RunStorageException;
import dev.darkfactory.pipeline.state.Manifest;
import dev.darkfactory.pipeline.state.RunDirectory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The run directory a user names to {@code resume} and {@code status}. A path that holds no run (a
 * file, a directory without {@code manifest.json}) or a damaged manifest is the user's to fix, so
 * both commands say so the same way and exit 2.
 */
final class LogsRoot {
  private LogsRoot() {}

  /** The manifest of the run in {@code logsRoot}. */
  static Manifest manifest(Path logsRoot) {
    if (Files.isRegularFile(logsRoot)) {
      throw new UserException(logsRoot + " is a file, not a run directory: pass the --logs-root of a run (the directory that holds its manifest.json)");
    }
    try {
      return RunDirectory.at(logsRoot).readManifest().orElseThrow(() -> new UserException(
          "there is no run in " + logsRoot + " (no manifest.json): pass the --logs-root of a run"));
    } catch (RunStorageException damaged) {
      throw new UserException(damaged.getMessage());
    }
  }
}
